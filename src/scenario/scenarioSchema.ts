import { z } from 'zod';
import { STAGES, TRADED_STAGES } from '../../sim-core/index.ts';
import { eventSchemas } from './eventSchemas.ts';
import { refineJsonSchema } from './refineJsonSchema.ts';
import { TITLE_MAX_LENGTH } from './scenarioLimits.ts';

/**
 * Zod schemas of the scenario format, built twice from one description:
 * - `authoring`: what people write (quantity strings, dates and distributions wherever numbers go,
 *   defaulted keys optional, `extends` and event `duration` allowed); exported as JSON Schema;
 * - `resolved`: the tree after extends, overrides, unit conversion, defaults and extraction of
 *   distributions (plain finite numbers, every key present); used to validate before building the
 *   ScenarioSpec. Ranges are checked separately from fieldRules.ts;
 * - `partial`: a file that `extends` another: like authoring, but every key optional and `null`
 *   allowed everywhere (deletion), `extends` required.
 * Objects are strict: unknown keys are errors.
 */
export type SchemaMode = 'authoring' | 'partial' | 'resolved';

/** Builders shared by the scenario and event schemas for one mode. */
export interface SchemaKit {
  /** A number (resolved) or number / quantity string / distribution (authoring). */
  num: z.ZodType;
  /** Marks a key that has a default: optional when authoring, required when resolved. */
  opt: (schema: z.ZodType) => z.ZodType;
  /** A strict object that may also carry `source` and `asOf` (every key optional/nullable when partial). */
  obj: (shape: Record<string, z.ZodType>) => z.ZodType;
  /** A map keyed by ids (entries may be `null` when partial). */
  rec: (entry: z.ZodType) => z.ZodType;
  mode: SchemaMode;
}

const QUANTITY_PATTERN = '^\\s*[+-]?(\\d|\\.\\d)';

/**
 * Distribution objects whose parameters are `param` values; like every object they may carry
 * `source` and `asOf` (`text`), which stay in the resolved scenario but are not drawn from.
 */
export function distributionSchema(param: z.ZodType, text: z.ZodType = z.string()): z.ZodType {
  const cite = { source: text.optional(), asOf: text.optional() };
  return z.discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('uniform'), min: param, max: param, ...cite }),
    z.strictObject({ dist: z.literal('triangular'), min: param, mode: param, max: param, ...cite }),
    z.strictObject({ dist: z.literal('normal'), mean: param, sd: param, min: param.optional(), max: param.optional(), ...cite }),
    z.strictObject({ dist: z.literal('lognormal'), median: param, sigma: z.number(), ...cite }),
    z.strictObject({ dist: z.literal('discrete'), values: z.array(param).min(1), weights: z.array(z.number()).optional(), ...cite }),
  ]);
}

/** `wrapped` with the description of `inner`, so that editors show it on the key, not inside an anyOf. */
function keepDescription(inner: z.ZodType, wrapped: z.ZodType): z.ZodType {
  return inner.description === undefined ? wrapped : wrapped.describe(inner.description);
}

/** The builders for `mode`. */
export function schemaKit(mode: SchemaMode): SchemaKit {
  const authoring = mode !== 'resolved';
  const partial = mode === 'partial';
  const quantity = z
    .string()
    .regex(new RegExp(QUANTITY_PATTERN))
    .describe('A quantity with a unit (30 kt/yr, 55 USD/kg, 40%, 18 months) or a date (2026-01)');
  const param = authoring ? z.union([z.number(), quantity]) : z.number();
  const text = authoring ? z.union([z.string(), z.number()]) : z.string();
  const num = authoring ? z.union([z.number(), quantity, distributionSchema(param, text)]) : z.number();
  const opt = (schema: z.ZodType): z.ZodType => (authoring ? schema.optional() : schema);
  const loosen = (shape: Record<string, z.ZodType>) =>
    partial ? Object.fromEntries(Object.entries(shape).map(([key, v]) => [key, keepDescription(v, v.nullable().optional())])) : shape;
  const obj = (shape: Record<string, z.ZodType>): z.ZodType =>
    z.strictObject(loosen({ ...shape, source: text.optional(), asOf: text.optional() }));
  const rec = (entry: z.ZodType): z.ZodType => z.record(z.string(), partial ? entry.nullable() : entry);
  return { num, opt, obj, rec, mode };
}

/** Schema of one producing stage (recycling adds its extras). */
function stageSchema(k: SchemaKit, recycling: boolean): z.ZodType {
  const extras: Record<string, z.ZodType> = recycling
    ? { collectionShare: k.opt(k.num), productLifetimeYears: k.opt(k.num), learningRate: k.opt(k.num) }
    : {};
  return k.obj({
    capacityByRegion: k.opt(k.rec(k.num)), unitCostUsdPerTonne: k.opt(k.num),
    costSpread: k.opt(k.num), capexUsdPerTonnePerYear: k.opt(k.num), yield: k.opt(k.num),
    inventoryTargetWeeks: k.opt(k.num), majorsShare: k.opt(k.num), expansionLeadYears: k.opt(k.num), ...extras,
  });
}

/** Schema of a material. */
function materialSchema(k: SchemaKit): z.ZodType {
  const traded = Object.fromEntries(TRADED_STAGES.map((s) => [s, k.num]));
  const project = k.obj({
    region: z.string(), stage: z.enum(['mining', 'processing', 'manufacturing', 'recycling']),
    capacityTonnesPerYear: k.num, phase: z.enum(['permitting', 'financing', 'construction']), remainingYears: k.num,
  });
  return k.obj({
    id: z.string().optional(), name: z.string(), priceUnit: k.opt(z.enum(['USD/t', 'USD/kg'])),
    byproductOf: z.string().optional(), basePriceUsdPerTonne: k.obj(traded),
    mining: k.opt(stageSchema(k, false)), processing: k.opt(stageSchema(k, false)),
    manufacturing: k.opt(stageSchema(k, false)), recycling: k.opt(stageSchema(k, true)),
    demand: k.obj({
      byRegion: k.rec(k.num), publicShare: k.opt(k.num), growthPerYear: k.opt(k.num),
      elasticityShortRun: k.opt(k.num), elasticityLongRun: k.opt(k.num), substitutionYears: k.opt(k.num),
      maxThrift: k.opt(k.num),
    }),
    pipeline: k.opt(z.array(project)),
    exploration: k.opt(k.obj({
      prospectivityByRegion: k.opt(k.rec(k.num)), discoveriesPerYear: k.opt(k.num),
      depositCapacityTonnesPerYear: k.opt(k.num), spendElasticity: k.opt(k.num),
    })),
  });
}

/** Schema of the behaviour block. */
function behaviourSchema(k: SchemaKit): z.ZodType {
  const keys = [
    'priceAdjustmentPerTick', 'maxLogPriceStepPerTick', 'priceCoverageExponent', 'supplyResponse', 'exportWinBackShare', 'expectationYears', 'inventoryReleasePerTick', 'inputOrderAdjustmentPerTick',
    'precautionaryBuying', 'announcementFrontRunning', 'utilisationBand', 'miningSalesFallWeeks', 'hurdleRateMajor', 'hurdleRateJunior',
    'riskAversion', 'priceWarRisk', 'investmentReviewWeeks', 'exitAfterLossWeeks', 'engineersPerProject', 'engineersSizeExponent', 'engineersMinimumShare', 'expansionStep', 'initialGrowthPipeline',
    'greenfieldPlantCellShare', 'greenfieldPlantMinWorldShare', 'greenfieldRampTranches', 'greenfieldRampYears',
    'assetLifeYears', 'processingLeadFactor', 'recyclingLeadFactor', 'transportWeeks',
  ];
  const greenfield = k.obj({ permittingYears: k.opt(k.num), financingYears: k.opt(k.num), constructionYears: k.opt(k.num) });
  return k.obj({ ...Object.fromEntries(keys.map((key) => [key, k.opt(k.num)])), greenfield: k.opt(greenfield) });
}

/** Schema of the foreign actor. */
function foreignActorSchema(k: SchemaKit): z.ZodType {
  const threat = k.obj({ capability: k.opt(k.num), intent: k.opt(k.num) });
  const rules = [
    'cyberattacksPerYear', 'cyberDowntimeYears', 'cyberDowntimeSpread', 'cyberFacilityShare',
    'priceWarTrigger', 'priceWarCut', 'budgetUsd', 'retaliationPerYear',
  ];
  return k.obj({
    region: z.string(),
    threat: k.opt(k.obj(Object.fromEntries(STAGES.map((s) => [s, k.opt(threat)])))),
    rules: k.opt(k.obj({ ...Object.fromEntries(rules.map((r) => [r, k.opt(k.num)])), priceWarMode: k.opt(z.enum(['leadership', 'exportDiscount'])) })),
  });
}

/** The whole scenario schema for `mode`. */
export function buildScenarioSchema(mode: SchemaMode): z.ZodType {
  const root = buildRoot(mode);
  return mode === 'partial' ? (root as z.ZodObject).extend({ extends: z.string() }) : root;
}

/** The root object of the scenario schema. */
function buildRoot(mode: SchemaMode): z.ZodType {
  const k = schemaKit(mode);
  const region = k.obj({
    id: z.string().optional(), name: z.string(), alignment: z.enum(['home', 'ally', 'neutral', 'adversary']),
    engineers: k.num, graduatesPerYear: k.num, attritionPerYear: k.opt(k.num),
  });
  return k.obj({
    ...(mode !== 'resolved' ? { extends: z.string().optional().describe('Parent scenario, relative path') } : {}),
    name: z.string(),
    title: z.string().min(1, 'a non-empty title').max(TITLE_MAX_LENGTH, `a title of at most ${TITLE_MAX_LENGTH} characters`).regex(/^[^\r\n\u2028\u2029]*$/, 'one line').regex(/\S/, 'a title with some text').optional()
      .describe(`What reports call the scenario, e.g. "60-day oxide stockpile" (one line, at most ${TITLE_MAX_LENGTH} characters; not inherited through extends; without one, run reports use name and compare reports the file name)`),
    description: z.string().describe('What the scenario is, in a sentence or two; reports print it under the title (not inherited through extends; without one, reports print none)').optional(),
    startYear: k.num,
    ticksPerYear: k.opt(k.num), years: k.opt(k.num),
    regions: k.rec(region), materials: k.rec(materialSchema(k)),
    behaviour: k.opt(behaviourSchema(k)),
    government: k.obj({ region: z.string(), electionEveryYears: k.opt(k.num), reversalProbability: k.opt(k.num) }),
    foreignActor: foreignActorSchema(k),
    events: k.opt(k.rec(eventSchemas(k))),
    resolution: k.opt(k.obj({ firmsPerCapacityCell: k.opt(k.num), sizeSigma: k.opt(k.num), entrantHeadroom: k.opt(k.num) })),
    // Optional in every mode, resolved included: no default fills it, so older resolved scenarios stay valid.
    outputs: k.obj({ tradeFlows: z.boolean().optional().describe('Record every route\'s shipments (series tradeFlow, region origin>destination)') }).optional(),
  });
}

/** Schema of the resolved tree (plain numbers), used by the loader. */
export const resolvedScenarioSchema = buildScenarioSchema('resolved');
/** Schema of what people write: a complete scenario, or a partial one that `extends` another. */
export const authoringScenarioSchema = z.union([buildScenarioSchema('authoring'), buildScenarioSchema('partial')]);

/**
 * JSON Schema (draft 2020-12) of the authoring format, for editors
 * (`# yaml-language-server: $schema=…`). Each numeric key takes a number in its range, a quantity
 * string in one of its units or a distribution of them (refineJsonSchema.ts), and every key has hover text.
 */
export function scenarioJsonSchema(): object {
  const schema = z.toJSONSchema(authoringScenarioSchema, { unrepresentable: 'any', reused: 'ref' }) as Record<string, unknown>;
  return { ...refineJsonSchema(schema), title: 'crm-sim scenario', description: 'A crm-sim scenario file (scenarios/README.md; crm-sim validate checks one).' };
}
