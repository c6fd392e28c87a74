import { z } from 'zod';
import type { SchemaKit } from './scenarioSchema.ts';

const TRADED = z.enum(['mining', 'processing', 'manufacturing']);
const CAPACITY = z.enum(['mining', 'processing', 'manufacturing', 'recycling']);
const IDS = z.array(z.string());

/**
 * The discriminated union (on `kind`) of every event's schema for a mode; times and numbers use the
 * kit's number schema; `duration` is accepted when authoring. A partial file may override an
 * event without repeating its kind, so partial events are a plain union.
 */
export function eventSchemas(k: SchemaKit): z.ZodType {
  const n = k.num;
  const d = (schema: z.ZodType): z.ZodType => k.opt(schema);
  const base = {
    id: z.string().optional(), start: n, end: n.optional(), announced: n.optional(), reversible: d(z.boolean()),
    ...(k.mode !== 'resolved' ? { duration: n.optional() } : {}),
  };
  const event = (kind: string, shape: Record<string, z.ZodType>) =>
    k.obj({ kind: z.literal(kind), ...base, ...shape }) as z.ZodObject;
  const kinds = [
    event('exportControl', {
      material: z.string(), stage: TRADED, exporter: z.string(), mode: z.enum(['quota', 'licensing', 'ban']),
      quotaShare: d(n), approvalRate: d(n), delayYears: d(n), destinations: IDS.optional(),
    }),
    event('technologyBan', { exporter: z.string(), stage: CAPACITY, constructionMultiplier: n }),
    event('priceManipulation', { material: z.string(), stage: TRADED, region: z.string(), priceCut: n, budgetUsd: d(n) }),
    event('cyberattack', {
      stage: CAPACITY, region: z.string(), material: z.string().optional(), facilityShare: n, downtimeYears: n,
      mode: z.enum(['scripted', 'stochastic']).optional(), ratePerYear: n.optional(), downtimeSpread: n.optional(),
    }),
    event('stockpile', {
      material: z.string(), region: z.string(), doctrine: d(z.enum(['daysOfConsumption', 'shortfall', 'release'])), stage: d(z.enum(['processing', 'manufacturing'])),
      targetDays: d(n), releaseShortfallShare: d(n), maxBuyShare: d(n), initialDays: n.optional(), budgetUsd: d(n),
      carryingCostSharePerYear: d(n),
    }),
    event('tariff', { material: z.string(), stage: TRADED, importer: z.string(), exporters: IDS.optional(), rate: n, costUsdPerYear: d(n), budgetUsd: n.optional() }),
    event('friendShoring', { members: IDS, preference: d(n), costUsdPerYear: d(n), budgetUsd: n.optional() }),
    event('permittingReform', { region: z.string(), durationMultiplier: n, costUsdPerYear: d(n), budgetUsd: n.optional() }),
    event('disinformation', { region: z.string(), durationMultiplier: n }),
    event('subsidy', {
      region: z.string(), material: z.string(), stage: CAPACITY, mode: z.enum(['capex', 'priceFloor', 'offtake', 'loanGuarantee']),
      capexShare: n.optional(), priceFloorUsdPerTonne: n.optional(), hurdleReduction: n.optional(), budgetUsd: d(n),
    }),
    event('recyclingMandate', { region: z.string(), material: z.string(), collectionShare: n, costUsdPerYear: d(n), budgetUsd: n.optional() }),
    event('workforceProgramme', { region: z.string(), extraGraduatesPerYear: n, lagYears: d(n), budgetUsd: d(n) }),
    event('demandShock', { material: z.string(), region: z.string().optional(), multiplier: n }),
    event('outage', { material: z.string(), stage: CAPACITY, region: z.string(), capacityShare: n }),
    event('mineAcquisition', {
      material: z.string(), region: z.string(), acquirer: z.string(), share: n, mode: z.enum(['acquisition', 'offtake']), costUsd: d(n),
    }),
    event('tailingsReassessment', { region: z.string(), material: z.string(), capacityTonnesPerYear: n, leadYears: d(n) }),
  ] as unknown as [z.ZodObject, z.ZodObject];
  return k.mode === 'partial' ? z.union(kinds) : z.discriminatedUnion('kind', kinds);
}
