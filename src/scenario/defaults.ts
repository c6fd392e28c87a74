import { type CapacityStage, type EventKind, type Stage, type TradedStage, STABILISATION_PRICE_MULTIPLE } from '../../sim-core/index.ts';
import { cloneData, isDist, isPlainMap, type PlainMap } from './locatedTree.ts';

/**
 * Defaults of the authoring format (README.md "Writing a scenario", scenarios/README.md): a scenario file gives only what differs.
 * Values are in canonical units (years, weeks, days, USD, t/yr, shares).
 */

/** Top-level defaults. */
export const SCENARIO_DEFAULTS = { ticksPerYear: 52, years: 10, events: {} };

/**
 * Market and investment behaviour shared by every market. The price, expectation, inventory,
 * hoarding, front-running, utilisation and supply-response keys (and the behavioural demand keys of
 * DEMAND_DEFAULTS) are fitted to historical episodes at weekly ticks by
 * `crm-sim calibrate scenarios/calibration/calibrate.yaml` (docs/calibration.md, docs/validation.md);
 * the investment keys are assumptions.
 */
export const BEHAVIOUR_DEFAULTS = {
  priceAdjustmentPerTick: 0.1691, maxLogPriceStepPerTick: 0.15, priceCoverageExponent: 0.9132, supplyResponse: 0.2375, exportWinBackShare: 0.1594,
  expectationYears: 0.6544,
  inventoryReleasePerTick: 0.1613, inputOrderAdjustmentPerTick: 0.04584, precautionaryBuying: 0.009817, announcementFrontRunning: 1.624, utilisationBand: 0.2014,
  miningSalesFallWeeks: 16,
  hurdleRateMajor: 0.08, hurdleRateJunior: 0.15, riskAversion: 0.5, priceWarRisk: 0, investmentReviewWeeks: 13,
  exitAfterLossWeeks: 104, engineersPerProject: 20, engineersSizeExponent: 0, engineersMinimumShare: 0, expansionStep: 0.1, initialGrowthPipeline: 1,
  greenfieldPlantCellShare: 0.25, greenfieldPlantMinWorldShare: 0.01, greenfieldRampTranches: 4, greenfieldRampYears: 1.5, assetLifeYears: 20,
  greenfield: { permittingYears: 8, financingYears: 3, constructionYears: 5 },
  processingLeadFactor: 0.35, recyclingLeadFactor: 0.2, transportWeeks: 6,
};

/** Firm resolution. */
export const RESOLUTION_DEFAULTS = { firmsPerCapacityCell: 20, sizeSigma: 1.0, entrantHeadroom: 0.5 };

/** Per region. */
export const REGION_DEFAULTS = { attritionPerYear: 0.03 };

/** Per producing stage: plain defaults, and multipliers of the stage's base price for costs. */
export const STAGE_DEFAULTS: Record<CapacityStage, PlainMap & { unitCostFactor: number; capexFactor: number; priceStage: TradedStage }> = {
  mining: { unitCostFactor: 0.5, capexFactor: 1.5, priceStage: 'mining', yield: 1, inventoryTargetWeeks: 8, expansionLeadYears: 4 },
  processing: { unitCostFactor: 0.15, capexFactor: 1.0, priceStage: 'processing', yield: 0.9, inventoryTargetWeeks: 8, expansionLeadYears: 2.5 },
  manufacturing: { unitCostFactor: 0.3, capexFactor: 0.5, priceStage: 'manufacturing', yield: 1, inventoryTargetWeeks: 6, expansionLeadYears: 1.5 },
  recycling: { unitCostFactor: 0.6, capexFactor: 0.8, priceStage: 'processing', yield: 0.85, inventoryTargetWeeks: 4, expansionLeadYears: 1.5 },
};

/** Defaults common to every producing stage. */
export const COMMON_STAGE_DEFAULTS = { costSpread: 0.25, majorsShare: 0.6, capacityByRegion: {} };

/** Recycling-only defaults. */
export const RECYCLING_DEFAULTS = { collectionShare: 0.1, productLifetimeYears: 12, learningRate: 0.15 };

/** Demand defaults (elasticities and substitution speed fitted with BEHAVIOUR_DEFAULTS; maxThrift from params.csv). */
export const DEMAND_DEFAULTS = {
  publicShare: 0.05, growthPerYear: 0.03, elasticityShortRun: -0.02, elasticityLongRun: -1.482,
  substitutionYears: 0.5, maxThrift: 0.4,
};

/** Exploration defaults; the deposit size defaults to this share of world mining capacity. */
export const EXPLORATION_DEFAULTS = {
  prospectivityByRegion: {}, discoveriesPerYear: 0.3, spendElasticity: 0.5,
};
/** Mean deposit size as a share of the material's world mining capacity. */
export const DEPOSIT_SHARE_OF_WORLD_MINING = 0.05;

/** Material defaults besides stages. */
export const MATERIAL_DEFAULTS = { priceUnit: 'USD/t', pipeline: [] };

/** Home government defaults. */
export const GOVERNMENT_DEFAULTS = { electionEveryYears: 4, reversalProbability: 0.3 };

/** The study's threat matrix (capability, intent) per stage. */
export const THREAT_DEFAULTS: Record<Stage, { capability: number; intent: number }> = {
  discovery: { capability: 2, intent: 2 }, mining: { capability: 2, intent: 1 },
  processing: { capability: 3, intent: 3 }, manufacturing: { capability: 3, intent: 3 },
  endUse: { capability: 3, intent: 3 }, recycling: { capability: 2, intent: 1 },
};

/** Rule-driven foreign actor defaults (cyber downtime: one week, in years). */
export const FOREIGN_RULES_DEFAULTS = {
  cyberattacksPerYear: 2, cyberDowntimeYears: 7 / 365.25, cyberDowntimeSpread: 0.5, cyberFacilityShare: 0.05,
  priceWarTrigger: 0.25, priceWarCut: 0.3, budgetUsd: 5e9, retaliationPerYear: 0.5,
  // The standing rules fire in the baseline (rivals' planned growth meets the trigger in 2026), so
  // with leadership every scenario's baseline would carry a price war: opt in per scenario.
  priceWarMode: 'exportDiscount',
};

/** Home-government policy kinds, reversible by default when the home region enacts them (sim-core/world/compileEvents.ts). */
export { POLICY_KINDS as REVERSIBLE_KINDS } from '../../sim-core/index.ts';

/** Per event kind. */
export const EVENT_DEFAULTS: Partial<Record<EventKind, PlainMap>> = {
  exportControl: { quotaShare: 1, approvalRate: 1, delayYears: 0 },
  stockpile: { doctrine: 'daysOfConsumption', stage: 'processing', targetDays: 60, releaseShortfallShare: 0.05, releasePriceMultiple: STABILISATION_PRICE_MULTIPLE, maxBuyShare: 0.1, budgetUsd: 1e9, carryingCostSharePerYear: 0 },
  tariff: { costUsdPerYear: 0 },
  friendShoring: { preference: 0.1, costUsdPerYear: 0 },
  permittingReform: { costUsdPerYear: 0 },
  recyclingMandate: { costUsdPerYear: 0 },
  subsidy: { budgetUsd: 1e9 },
  workforceProgramme: { lagYears: 4, budgetUsd: 1e8 },
  mineAcquisition: { costUsd: 0 },
  tailingsReassessment: { leadYears: 2 },
  priceManipulation: { budgetUsd: 2e9, mode: 'leadership' },
};

/** Fills keys of `target` missing from it with copies of `defaults`, recursing into maps. */
export function fillDefaults(target: PlainMap, defaults: PlainMap): void {
  for (const [key, value] of Object.entries(defaults)) {
    if (target[key] === undefined) target[key] = cloneData(value);
    else if (isPlainMap(target[key]) && isPlainMap(value) && !isDist(target[key])) fillDefaults(target[key] as PlainMap, value);
  }
}

/** Child map at `key`, created when absent; undefined when the key holds something else. */
export function childMap(parent: PlainMap, key: string): PlainMap | undefined {
  if (parent[key] === undefined) parent[key] = {};
  return isPlainMap(parent[key]) ? (parent[key] as PlainMap) : undefined;
}
