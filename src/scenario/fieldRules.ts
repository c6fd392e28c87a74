import type { Dimension } from './parseQuantity.ts';

/** Path of a value in the authoring tree: keys (ids for regions, materials, events) and indices. */
export type TreePath = readonly (string | number)[];

/**
 * Unit family and admissible range of a numeric scenario key. `time` marks event times
 * (dates or durations since start), see parseTime.
 */
export interface FieldRule {
  dimension: Dimension | 'time';
  /** Smallest admissible value (inclusive unless `exclusiveMin`). */
  min?: number;
  exclusiveMin?: boolean;
  /** Largest admissible value (inclusive unless `exclusiveMax`). */
  max?: number;
  exclusiveMax?: boolean;
  integer?: boolean;
}

const SHARE: FieldRule = { dimension: 'share', min: 0, max: 1 };
/** A share below 100%: a cost cut by all of it would be 0, which the trade rule reads as "cannot ship" (weighOrigins.ts). */
const SHARE_BELOW_ONE: FieldRule = { dimension: 'share', min: 0, max: 1, exclusiveMax: true };
const RATIO: FieldRule = { dimension: 'share', min: 0 };
const NONNEGATIVE: FieldRule = { dimension: 'number', min: 0 };
const POSITIVE_YEARS: FieldRule = { dimension: 'years', min: 0, exclusiveMin: true };

/** Keys whose rule is not given by their suffix. */
const NAMED_RULES: Record<string, FieldRule> = {
  startYear: { dimension: 'number', integer: true, min: 1800, max: 3000 },
  ticksPerYear: { dimension: 'number', integer: true, min: 1, max: 366 },
  years: POSITIVE_YEARS,
  engineers: NONNEGATIVE, graduatesPerYear: NONNEGATIVE, extraGraduatesPerYear: NONNEGATIVE,
  engineersPerProject: NONNEGATIVE, engineersSizeExponent: NONNEGATIVE, engineersMinimumShare: SHARE, attritionPerYear: SHARE,
  costSpread: RATIO, capexUsdPerTonnePerYear: { dimension: 'capex', min: 0 },
  yield: { dimension: 'share', min: 0, max: 1, exclusiveMin: true },
  learningRate: SHARE, maxThrift: SHARE, growthPerYear: { dimension: 'share', min: -1 },
  elasticityShortRun: { dimension: 'number', max: 0 }, elasticityLongRun: { dimension: 'number', max: 0 },
  discoveriesPerYear: NONNEGATIVE, spendElasticity: { dimension: 'number' },
  priceAdjustmentPerTick: SHARE, maxLogPriceStepPerTick: NONNEGATIVE, priceCoverageExponent: NONNEGATIVE,
  supplyResponse: NONNEGATIVE, exportWinBackShare: SHARE,
  inventoryReleasePerTick: SHARE, inputOrderAdjustmentPerTick: SHARE, precautionaryBuying: NONNEGATIVE, announcementFrontRunning: NONNEGATIVE,
  utilisationBand: SHARE, hurdleRateMajor: SHARE, hurdleRateJunior: SHARE, riskAversion: NONNEGATIVE, priceWarRisk: SHARE,
  expansionStep: SHARE, initialGrowthPipeline: NONNEGATIVE,
  greenfieldPlantCellShare: NONNEGATIVE, greenfieldPlantMinWorldShare: { dimension: 'share', min: 0, max: 0.05 },
  greenfieldRampTranches: { dimension: 'number', integer: true, min: 1 }, greenfieldRampYears: POSITIVE_YEARS, processingLeadFactor: NONNEGATIVE, recyclingLeadFactor: NONNEGATIVE,
  investmentReviewWeeks: { dimension: 'weeks', min: 0, exclusiveMin: true }, miningSalesFallWeeks: { dimension: 'weeks', min: 0, exclusiveMin: true },
  expectationYears: POSITIVE_YEARS, assetLifeYears: POSITIVE_YEARS, electionEveryYears: POSITIVE_YEARS,
  productLifetimeYears: POSITIVE_YEARS,
  reversalProbability: SHARE, cyberattacksPerYear: NONNEGATIVE, cyberDowntimeSpread: NONNEGATIVE,
  priceWarTrigger: RATIO, priceWarCut: SHARE_BELOW_ONE, retaliationPerYear: NONNEGATIVE,
  firmsPerCapacityCell: { dimension: 'number', integer: true, min: 1 },
  sizeSigma: NONNEGATIVE, entrantHeadroom: RATIO,
  approvalRate: SHARE, constructionMultiplier: NONNEGATIVE, priceCut: SHARE_BELOW_ONE, rate: RATIO,
  preference: SHARE_BELOW_ONE, durationMultiplier: NONNEGATIVE, capexShare: SHARE, hurdleReduction: RATIO,
  multiplier: NONNEGATIVE, share: SHARE, maxBuyShare: RATIO, releasePriceMultiple: { dimension: 'number', min: 0, exclusiveMin: true }, carryingCostSharePerYear: SHARE, ratePerYear: NONNEGATIVE, downtimeSpread: NONNEGATIVE,
};

/** Rules by key suffix, tried in order when a key has no named rule. */
const SUFFIX_RULES: [string, FieldRule][] = [
  ['UsdPerTonne', { dimension: 'price', min: 0 }],
  ['TonnesPerYear', { dimension: 'flow', min: 0 }],
  ['UsdPerYear', { dimension: 'moneyRate', min: 0 }],
  ['Usd', { dimension: 'money', min: 0 }],
  ['Years', { dimension: 'years', min: 0 }],
  ['Weeks', { dimension: 'weeks', min: 0 }],
  ['Days', { dimension: 'days', min: 0 }],
  ['Share', SHARE],
];

/** Rules of the entries of id-keyed maps, by the map's key. */
const ENTRY_RULES: Record<string, FieldRule> = {
  capacityByRegion: { dimension: 'flow', min: 0 },
  byRegion: { dimension: 'flow', min: 0 },
  prospectivityByRegion: NONNEGATIVE,
  basePriceUsdPerTonne: { dimension: 'price', min: 0, exclusiveMin: true },
};

const EVENT_TIMES = new Set(['start', 'end', 'announced']);

/**
 * The rule of the numeric key at `path`, or undefined for non-numeric keys (names, ids, kinds).
 * Example: `ruleFor(['materials', 'ndpr', 'mining', 'capacityByRegion', 'CN'])` → flow ≥ 0.
 */
export function ruleFor(path: TreePath): FieldRule | undefined {
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof key !== 'string') return undefined;
  if (typeof parent === 'string' && Object.hasOwn(ENTRY_RULES, parent)) return ENTRY_RULES[parent];
  if (path[path.length - 3] === 'threat' && (key === 'capability' || key === 'intent')) {
    return { dimension: 'number', min: 0, max: 3 };
  }
  if (path[0] === 'events' && path.length === 3) {
    if (EVENT_TIMES.has(key)) return { dimension: 'time' };
    if (key === 'duration') return { dimension: 'years', min: 0 };
  }
  if (Object.hasOwn(NAMED_RULES, key)) return NAMED_RULES[key];
  return SUFFIX_RULES.find(([suffix]) => key.endsWith(suffix))?.[1];
}

/** Describes a rule's range for messages, e.g. `a number in [0, 1]`, or '' when unbounded. */
export function describeRange(rule: FieldRule): string {
  const low = rule.min === undefined ? '' : `${rule.exclusiveMin ? '>' : '≥'} ${rule.min}`;
  const high = rule.max === undefined ? '' : `${rule.exclusiveMax ? '<' : '≤'} ${rule.max}`;
  const range = [low, high].filter(Boolean).join(' and ');
  const integer = rule.integer ? 'an integer' : 'a number';
  return range ? `${integer} ${range}` : integer;
}

/** Whether `value` satisfies the rule's range and integrality. */
export function inRange(rule: FieldRule, value: number): boolean {
  if (rule.integer && !Number.isInteger(value)) return false;
  if (rule.min !== undefined && (rule.exclusiveMin ? value <= rule.min : value < rule.min)) return false;
  return rule.max === undefined || (rule.exclusiveMax ? value < rule.max : value <= rule.max);
}
