import {
  BEHAVIOUR_DEFAULTS, COMMON_STAGE_DEFAULTS, DEMAND_DEFAULTS, DEPOSIT_SHARE_OF_WORLD_MINING, EXPLORATION_DEFAULTS,
  FOREIGN_RULES_DEFAULTS, GOVERNMENT_DEFAULTS, MATERIAL_DEFAULTS, RECYCLING_DEFAULTS, REGION_DEFAULTS, RESOLUTION_DEFAULTS,
  SCENARIO_DEFAULTS, STAGE_DEFAULTS, THREAT_DEFAULTS,
} from './defaults.ts';
import { describeRule, formatValue } from './describeEventKey.ts';
import { ruleFor, type TreePath } from './fieldRules.ts';

/**
 * What each non-event scenario key means, in a few words, for the JSON Schema's hover text and the
 * "Material, region and behaviour keys" table of scenarios/README.md. Condensed from the engine's
 * own documentation of each key (sim-core/spec.ts) and docs/model.md's parameter tables. By path
 * pattern: ids are `*`, the four producing stages of a material are `STAGE`.
 */
export const SCENARIO_KEY_NOTES: Readonly<Record<string, string>> = {
  extends: 'Parent scenario, a path relative to this file: this file then gives only what differs (null deletes a key)',
  name: 'Short name of the scenario (run folders and reports use it)',
  startYear: 'Calendar year of the first tick (labels and event dates)',
  ticksPerYear: 'Ticks per year (52 = weekly)',
  years: 'Horizon of the run',
  regions: 'Regions (countries or blocs), by id',
  materials: 'Critical raw materials and their chains, by id',
  behaviour: 'Market and investment behaviour shared by every market (the calibrated set)',
  government: 'The home government: its region, election cycle and policy reversal',
  foreignActor: 'The foreign state actor with a dominant market share',
  events: 'Scripted threats and mitigations, by id (Event reference in scenarios/README.md)',
  resolution: 'How capacities are split into firms',
  outputs: 'Optional outputs (each adds series to every replicate)',
  source: 'Where the figures of this block come from (a params.csv row or a study)',
  asOf: 'The date the figures describe, e.g. 2024',
  'regions.*.id': 'Optional id; the map key is the id',
  'regions.*.name': 'Display name of the region',
  'regions.*.alignment': 'Alignment of the region to the home government',
  'regions.*.engineers': 'Skilled workforce (mining engineers and metallurgists) at the start, persons',
  'regions.*.graduatesPerYear': 'New graduates joining the workforce per year, persons/yr',
  'regions.*.attritionPerYear': 'Share of the workforce leaving per year',
  'materials.*.id': 'Optional id; the map key is the id',
  'materials.*.name': 'Display name of the material',
  'materials.*.priceUnit': 'Unit reports print prices in (values are USD/t inside: a bare price is USD/t whatever this says)',
  'materials.*.byproductOf': 'Host material id when this is a by-product (gallium of alumina, germanium of zinc)',
  'materials.*.basePriceUsdPerTonne': 'Base prices at the start, per traded stage (mining = concentrate, processing = refined, manufacturing = component)',
  'materials.*.basePriceUsdPerTonne.mining': 'Base price of the concentrate at the start',
  'materials.*.basePriceUsdPerTonne.processing': 'Base price of the refined material at the start',
  'materials.*.basePriceUsdPerTonne.manufacturing': 'Base price of the component at the start',
  'materials.*.STAGE': 'Capacity and costs of this producing stage',
  'materials.*.STAGE.capacityByRegion': 'Installed capacity (output) per region id; regions not named have none',
  'materials.*.STAGE.capacityByRegion.*': 'Installed capacity (output) of this region',
  'materials.*.STAGE.unitCostUsdPerTonne': 'Short-run (variable) unit cost per tonne of output, excluding purchased input',
  'materials.*.STAGE.costSpread': 'Relative spread of unit costs across firms (coefficient of variation of a lognormal)',
  'materials.*.STAGE.capexUsdPerTonnePerYear': 'Capital cost of new capacity, USD per t/yr of capacity',
  'materials.*.STAGE.yield': 'Output per tonne of input (processing and recycling); 1 elsewhere',
  'materials.*.STAGE.inventoryTargetWeeks': 'Target input-and-output inventory, weeks of own throughput',
  'materials.*.STAGE.majorsShare': 'Share of capacity held by majors (low hurdle rate) rather than juniors',
  'materials.*.STAGE.expansionLeadYears': 'Lead time from investment decision to production of brownfield expansions',
  'materials.*.recycling.collectionShare': 'Share of end-of-life material collected, absent mandates',
  'materials.*.recycling.productLifetimeYears': 'Average product lifetime between sale and end of life',
  'materials.*.recycling.learningRate': 'Cost reduction per doubling of cumulative recycled volume',
  'materials.*.demand': 'Demand for the material\'s components, in tonnes of contained material',
  'materials.*.demand.byRegion': 'Demand per region id at base price, of contained material',
  'materials.*.demand.byRegion.*': 'Demand of this region at base price, of contained material',
  'materials.*.demand.publicShare': 'Share of home-region demand that is public (defence): price-inelastic, home and ally sources only',
  'materials.*.demand.growthPerYear': 'Demand growth per year (5% = +5%/yr)',
  'materials.*.demand.elasticityShortRun': 'Short-run price elasticity of component demand (negative)',
  'materials.*.demand.elasticityLongRun': 'Long-run elasticity reached through thrifting and substitution (negative, at most the short-run one)',
  'materials.*.demand.substitutionYears': 'Years over which material intensity adjusts toward its long-run level',
  'materials.*.demand.maxThrift': 'Largest reduction of material intensity reachable by thrifting (40% = 40% less per unit)',
  'materials.*.pipeline': 'Projects already in the pipeline at the start (they come on stream whole)',
  'materials.*.pipeline.*.region': 'Region id of the project',
  'materials.*.pipeline.*.stage': 'Producing stage of the project',
  'materials.*.pipeline.*.capacityTonnesPerYear': 'Capacity the project adds',
  'materials.*.pipeline.*.phase': 'Pipeline phase the project is in at the start',
  'materials.*.pipeline.*.remainingYears': 'Time left in that phase',
  'materials.*.exploration': 'Exploration: how effort turns into discovered deposits',
  'materials.*.exploration.prospectivityByRegion': 'Prospectivity per region id (relative, 1 = average)',
  'materials.*.exploration.prospectivityByRegion.*': 'Prospectivity of this region (relative, 1 = average)',
  'materials.*.exploration.discoveriesPerYear': 'Expected discoveries per region per year at reference effort and prospectivity 1',
  'materials.*.exploration.depositCapacityTonnesPerYear': 'Mean size of a discovered deposit, as mine capacity',
  'materials.*.exploration.spendElasticity': 'Elasticity of the discovery rate to exploration effort (the concentrate\'s long price over its base price)',
  'behaviour.priceAdjustmentPerTick': 'Share of the log gap between the price and its coverage price closed per tick',
  'behaviour.maxLogPriceStepPerTick': 'Largest absolute log-price change in one tick',
  'behaviour.priceCoverageExponent': 'Price response to stock cover: the coverage price is base × (target cover / actual cover)^exponent',
  'behaviour.supplyResponse': 'Elasticity of planned output to the expected price relative to base, with spare capacity',
  'behaviour.exportWinBackShare': 'Share of an exporter\'s offered stock that importers\' traders weigh even when it only covers its own buyers: how readily a cheap exporter wins back buyers',
  'behaviour.expectationYears': 'Horizon of the exponential average that forms expected prices',
  'behaviour.inventoryReleasePerTick': 'Share of inventory above target offered each tick',
  'behaviour.inputOrderAdjustmentPerTick': 'Share of the gap between a producer\'s input stock and its target that its input orders close per tick',
  'behaviour.precautionaryBuying': 'Extra bidding per unit of expected price growth (precautionary buying, hoarding)',
  'behaviour.announcementFrontRunning': 'While an export control is announced but not in force, importers buying from it raise their stock target by this multiple of their normal cover',
  'behaviour.utilisationBand': 'Relative price band below unit cost over which utilisation ramps from 1 to 0',
  'behaviour.miningSalesFallWeeks': 'Memory of a mine\'s expected sales while they fall (they rise on a 4-week memory)',
  'behaviour.hurdleRateMajor': 'Hurdle rate of majors, per year',
  'behaviour.hurdleRateJunior': 'Hurdle rate of juniors, per year',
  'behaviour.riskAversion': 'Discount on expected margins per unit of price volatility',
  'behaviour.priceWarRisk': 'Share of the expected price that investors outside the foreign actor\'s region expect to lose to its price wars (scaled by its share of world capacity)',
  'behaviour.investmentReviewWeeks': 'Time between investment reviews',
  'behaviour.exitAfterLossWeeks': 'Consecutive weeks of losses after which a firm exits',
  'behaviour.engineersPerProject': 'Engineers needed per project under construction',
  'behaviour.engineersSizeExponent': 'How a project\'s engineers scale with its size over the greenfield plant (0: every project needs engineersPerProject)',
  'behaviour.engineersMinimumShare': 'Fewest engineers any project needs, as a share of engineersPerProject (with the size exponent on)',
  'behaviour.expansionStep': 'Capacity added per expansion decision, as a share of the firm\'s capacity',
  'behaviour.initialGrowthPipeline': 'Share of the steady-growth pipeline of brownfield expansions already under construction at the start (0: none, capacity frozen for a lead time)',
  'behaviour.greenfieldPlantCellShare': 'Greenfield plant size as a multiple of the cell\'s share of world capacity (at most 5% of the world)',
  'behaviour.greenfieldPlantMinWorldShare': 'Smallest greenfield plant, as a share of the stage\'s world capacity',
  'behaviour.greenfieldRampTranches': 'Equal tranches in which a new plant comes on stream (1: all at once)',
  'behaviour.greenfieldRampYears': 'Time over which a new plant\'s tranches after the first come on stream',
  'behaviour.assetLifeYears': 'Economic life of new capacity',
  'behaviour.greenfield': 'Greenfield pipeline durations (mining); processing and recycling scale them',
  'behaviour.greenfield.permittingYears': 'Permitting phase of a greenfield mine',
  'behaviour.greenfield.financingYears': 'Financing phase of a greenfield mine',
  'behaviour.greenfield.constructionYears': 'Construction phase of a greenfield mine',
  'behaviour.processingLeadFactor': 'Multiplier of the greenfield durations for processing plants',
  'behaviour.recyclingLeadFactor': 'Multiplier of the greenfield durations for recycling plants',
  'behaviour.transportWeeks': 'Transport lead time between regions',
  'government.region': 'The home region id',
  'government.electionEveryYears': 'Time between elections',
  'government.reversalProbability': 'Probability that a reversible policy is reversed at an election',
  'foreignActor.region': 'Region id of the actor',
  'foreignActor.threat': 'Capability and intent scores (1–3) of the actor, per life-cycle stage',
  'foreignActor.threat.*': 'Capability and intent of the actor at this stage',
  'foreignActor.threat.*.capability': 'Capability score of the actor at this stage (1–3)',
  'foreignActor.threat.*.intent': 'Intent score of the actor at this stage (1–3)',
  'foreignActor.rules': 'Rule-driven behaviour of the actor (cyberattacks, price wars, retaliation)',
  'foreignActor.rules.cyberattacksPerYear': 'Stochastic cyberattacks per year per stage at capability × intent = 9 (scaled down for lower scores)',
  'foreignActor.rules.cyberDowntimeYears': 'Mean outage of an attacked facility (lognormal)',
  'foreignActor.rules.cyberDowntimeSpread': 'Coefficient of variation of the outage duration',
  'foreignActor.rules.cyberFacilityShare': 'Share of a stage\'s facilities in the target region one attack hits',
  'foreignActor.rules.priceWarTrigger': 'Rivals\' capacity growth (share of their start) that triggers a price war',
  'foreignActor.rules.priceWarCut': 'Price cut the actor\'s producers offer during a price war, as a share of the market price',
  'foreignActor.rules.priceWarMode': 'How a rule-driven price war reaches the market, as priceManipulation\'s mode',
  'foreignActor.rules.budgetUsd': 'General budget for price wars and acquisitions',
  'foreignActor.rules.retaliationPerYear': 'Probability per year of imposing export licensing when tariffed, at score 9',
  'resolution.firmsPerCapacityCell': 'Firms per (material, region, stage) with positive capacity',
  'resolution.sizeSigma': 'Sigma of the lognormal firm-size distribution',
  'resolution.entrantHeadroom': 'Extra slots for entrants, as a share of the starting number of firms',
};

const PRODUCING_STAGES = new Set(['mining', 'processing', 'manufacturing', 'recycling']);

/** The note pattern of a path: ids as `*`, producing stages of a material as `STAGE` (recycling's own keys kept). */
function patternOf(path: TreePath): string[] {
  const parts = path.map((p, i) => {
    if (typeof p === 'number') return '*';
    const parent = path[i - 1];
    if (i === 1 && (parent === 'regions' || parent === 'materials' || parent === 'events')) return '*';
    if (parent === 'capacityByRegion' || parent === 'byRegion' || parent === 'prospectivityByRegion') return '*';
    if (path[0] === 'foreignActor' && parent === 'threat') return '*';
    return p;
  });
  const exact = parts.join('.');
  if (Object.hasOwn(SCENARIO_KEY_NOTES, exact) || parts[0] !== 'materials' || !PRODUCING_STAGES.has(parts[2] ?? '')) return parts;
  return [...parts.slice(0, 2), 'STAGE', ...parts.slice(3)];
}

/** The default of the key at `path` as a scenario would write it, or undefined. */
export function scenarioKeyDefault(path: TreePath): string | undefined {
  const [top, , section, key] = path.map(String);
  const last = String(path[path.length - 1]);
  const at = (table: Record<string, unknown>, k: string): unknown => (Object.hasOwn(table, k) ? table[k] : undefined);
  let value: unknown;
  if (path.length === 1) value = at(SCENARIO_DEFAULTS, last);
  else if (top === 'behaviour') value = path.length === 3 ? at(BEHAVIOUR_DEFAULTS.greenfield, last) : at(BEHAVIOUR_DEFAULTS, last);
  else if (top === 'resolution') value = at(RESOLUTION_DEFAULTS, last);
  else if (top === 'government') value = at(GOVERNMENT_DEFAULTS, last);
  else if (top === 'regions' && path.length === 3) value = at(REGION_DEFAULTS, last);
  else if (top === 'foreignActor' && path[1] === 'rules') value = at(FOREIGN_RULES_DEFAULTS, last);
  else if (top === 'foreignActor' && path[1] === 'threat' && path.length === 4) {
    const stage = THREAT_DEFAULTS[String(path[2]) as keyof typeof THREAT_DEFAULTS];
    value = stage === undefined ? undefined : at(stage, last);
  } else if (top === 'materials' && path.length === 3) value = at(MATERIAL_DEFAULTS, last);
  else if (top === 'materials' && path.length === 4 && section === 'demand') value = at(DEMAND_DEFAULTS, last);
  else if (top === 'materials' && path.length === 4 && section === 'exploration') {
    if (key === 'depositCapacityTonnesPerYear') return `${DEPOSIT_SHARE_OF_WORLD_MINING * 100}% of the material's world mining capacity`;
    value = at(EXPLORATION_DEFAULTS, last);
  } else if (top === 'materials' && path.length === 5 && section === 'exploration' && path[3] === 'prospectivityByRegion') return '1';
  else if (top === 'materials' && path.length === 4 && PRODUCING_STAGES.has(section)) {
    const stage = STAGE_DEFAULTS[section as keyof typeof STAGE_DEFAULTS];
    const base = (factor: number) => `${factor} × the ${stage.priceStage} base price`;
    if (key === 'unitCostUsdPerTonne') return base(stage.unitCostFactor);
    if (key === 'capexUsdPerTonnePerYear') return `${base(stage.capexFactor)} (USD per t/yr)`;
    value = at(stage, key) ?? at(COMMON_STAGE_DEFAULTS, key) ?? (section === 'recycling' ? at(RECYCLING_DEFAULTS, key) : undefined);
  }
  if (value === undefined || (typeof value === 'object' && value !== null)) return undefined;
  if (Array.isArray(value)) return undefined;
  return formatValue(value, ruleFor(path)?.dimension);
}

/**
 * One line of hover text for a non-event key: meaning, unit and range (`numeric` keys only: a block such
 * as basePriceUsdPerTonne has none), default.
 * Example: `scenarioKeyHover(['materials', 'x', 'demand', 'growthPerYear'])` →
 * `Demand growth per year (5% = +5%/yr). Unit: share (50% or 0.5), ≥ -1. Default: 3%.`
 */
export function scenarioKeyHover(path: TreePath, numeric = true): string | undefined {
  const last = String(path[path.length - 1]);
  const pattern = patternOf(path).join('.');
  const note = Object.hasOwn(SCENARIO_KEY_NOTES, pattern) ? SCENARIO_KEY_NOTES[pattern]
    : path.length === 1 || last === 'source' || last === 'asOf' ? SCENARIO_KEY_NOTES[last] : undefined;
  const rule = numeric ? ruleFor(path) : undefined;
  const unit = rule ? describeRule(rule) : undefined;
  const defaultValue = scenarioKeyDefault(path);
  const parts = [note, unit && `Unit: ${unit}`, defaultValue !== undefined && `Default: ${defaultValue}`];
  const text = parts.filter(Boolean).join('. ');
  return text ? `${text}.` : undefined;
}
