import { z } from 'zod';
import { eventKeyHover } from './describeEventKey.ts';
import type { SchemaKit } from './scenarioSchema.ts';

const TRADED = z.enum(['mining', 'processing', 'manufacturing']);
const CAPACITY = z.enum(['mining', 'processing', 'manufacturing', 'recycling']);
const IDS = z.array(z.string());

/** Adds each key's hover text (note, unit, default, modes; see describeEventKey) to its schema. */
function described(kind: string, shape: Record<string, z.ZodType>): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => {
    const text = eventKeyHover(kind, key);
    return [key, text === undefined ? schema : schema.describe(text)];
  }));
}

/**
 * The schema shape of every event kind (common keys included, `kind` excluded), by kind, in the
 * order of the event reference. Numbers use the kit's number schema; `duration` is accepted when authoring.
 */
export function eventShapes(k: SchemaKit): Record<string, Record<string, z.ZodType>> {
  const n = k.num;
  const d = (schema: z.ZodType): z.ZodType => k.opt(schema);
  const base = {
    id: z.string().optional(), start: n, end: n.optional(), announced: n.optional(), reversible: d(z.boolean()),
    ...(k.mode !== 'resolved' ? { duration: n.optional() } : {}),
  };
  const kinds: Record<string, Record<string, z.ZodType>> = {
    exportControl: {
      material: z.string(), stage: TRADED, exporter: z.string(), mode: z.enum(['quota', 'licensing', 'ban']),
      quotaShare: d(n), quotaTonnesPerYear: n.optional(), approvalRate: d(n), delayYears: d(n), destinations: IDS.optional(),
    },
    technologyBan: { exporter: z.string(), stage: CAPACITY, constructionMultiplier: n },
    priceManipulation: { material: z.string(), stage: TRADED, region: z.string(), priceCut: n, budgetUsd: d(n), mode: d(z.enum(['leadership', 'exportDiscount'])) },
    cyberattack: {
      stage: CAPACITY, region: z.string(), material: z.string().optional(), facilityShare: n, downtimeYears: n,
      mode: z.enum(['scripted', 'stochastic']).optional(), ratePerYear: n.optional(), downtimeSpread: n.optional(),
    },
    stockpile: {
      material: z.string(), region: z.string(), doctrine: d(z.enum(['daysOfConsumption', 'shortfall', 'release'])), stage: d(z.enum(['processing', 'manufacturing'])),
      targetDays: d(n), releaseShortfallShare: d(n), releasePriceMultiple: d(n), maxBuyShare: d(n), initialDays: n.optional(), budgetUsd: d(n),
      carryingCostSharePerYear: d(n),
    },
    tariff: { material: z.string(), stage: TRADED, importer: z.string(), exporters: IDS.optional(), rate: n, costUsdPerYear: d(n), budgetUsd: n.optional() },
    friendShoring: { members: IDS, preference: d(n), costUsdPerYear: d(n), budgetUsd: n.optional() },
    permittingReform: { region: z.string(), durationMultiplier: n, costUsdPerYear: d(n), budgetUsd: n.optional() },
    disinformation: { region: z.string(), durationMultiplier: n },
    subsidy: {
      region: z.string(), material: z.string(), stage: CAPACITY, mode: z.enum(['capex', 'priceFloor', 'offtake', 'loanGuarantee']),
      capexShare: n.optional(), priceFloorUsdPerTonne: n.optional(), hurdleReduction: n.optional(), budgetUsd: d(n),
    },
    recyclingMandate: { region: z.string(), material: z.string(), collectionShare: n, costUsdPerYear: d(n), budgetUsd: n.optional() },
    workforceProgramme: { region: z.string(), extraGraduatesPerYear: n, lagYears: d(n), budgetUsd: d(n) },
    demandShock: { material: z.string(), region: z.string().optional(), multiplier: n },
    outage: { material: z.string(), stage: CAPACITY, region: z.string(), capacityShare: n },
    mineAcquisition: {
      material: z.string(), region: z.string(), acquirer: z.string(), share: n, mode: z.enum(['acquisition', 'offtake']), costUsd: d(n),
    },
    tailingsReassessment: { region: z.string(), material: z.string(), capacityTonnesPerYear: n, leadYears: d(n) },
  };
  return Object.fromEntries(Object.entries(kinds).map(([kind, shape]) => [kind, { ...base, ...shape }]));
}

/**
 * The discriminated union (on `kind`) of every event's schema for a mode, each key described for
 * editors' hover. A partial file may override an event without repeating its kind, so partial
 * events are a plain union.
 */
export function eventSchemas(k: SchemaKit): z.ZodType {
  const kinds = Object.entries(eventShapes(k)).map(([kind, shape]) =>
    k.obj({ kind: z.literal(kind), ...described(kind, shape) }) as z.ZodObject) as unknown as [z.ZodObject, z.ZodObject];
  return k.mode === 'partial' ? z.union(kinds) : z.discriminatedUnion('kind', kinds);
}
