/**
 * The engine's input: a fully resolved scenario in plain numbers.
 *
 * `src/scenario` reads YAML written by people (with units such as `30 kt/yr`, dates, `extends:`)
 * and produces exactly this shape; the engine never sees units or files. Conventions:
 * - quantities in tonnes of contained material, flows in tonnes per year;
 * - prices in USD per tonne, money in USD;
 * - times in years since the scenario's start (fractions allowed), durations in years;
 *   the engine turns them into ticks with `ticksPerYear`;
 * - shares in [0, 1]; regions and materials referred to by `id`.
 * Uncertain values carry their nominal value in place and a {@link UncertaintySpec} that names
 * their path; each replicate draws them from its own stream.
 */

/** Alignment of a region to the home government. */
export type Alignment = 'home' | 'ally' | 'neutral' | 'adversary';

/** The six stages of the CRM life cycle, in chain order. */
export const STAGES = ['discovery', 'mining', 'processing', 'manufacturing', 'endUse', 'recycling'] as const;
/** One of the six life-cycle stages. */
export type Stage = (typeof STAGES)[number];

/** Stages at which a market trades a product: concentrate, refined material, components. */
export const TRADED_STAGES = ['mining', 'processing', 'manufacturing'] as const;
/** A stage whose output is traded (mining → concentrate, processing → refined, manufacturing → component). */
export type TradedStage = (typeof TRADED_STAGES)[number];

/** Stages with producing firms whose capacity the scenario declares. */
export type CapacityStage = 'mining' | 'processing' | 'manufacturing' | 'recycling';

/** Provenance of a figure: a `params.csv` row or a study, and the date it describes. */
export interface Provenance {
  /** Where the figure comes from, e.g. `params.csv rare_earths,china_share_refining_processing,2025`. */
  source?: string;
  /** The date the figure describes, e.g. `2024`. */
  asOf?: string;
}

/** A region (country or bloc). */
export interface RegionSpec extends Provenance {
  id: string;
  name: string;
  alignment: Alignment;
  /** Skilled workforce (mining engineers and metallurgists) at start, persons. */
  engineers: number;
  /** New graduates joining the workforce per year, persons/yr. */
  graduatesPerYear: number;
  /** Share of the workforce leaving per year, 1/yr. */
  attritionPerYear: number;
}

/** Capacity and costs of one producing stage of one material. */
export interface StageSpec extends Provenance {
  /** Installed capacity per region id, tonnes/yr (output). Regions not named have none. */
  capacityByRegion: Record<string, number>;
  /** Short-run (variable) unit cost, USD/t of output, excluding purchased input. */
  unitCostUsdPerTonne: number;
  /** Relative spread of unit costs across firms (coefficient of variation of a lognormal). */
  costSpread: number;
  /** Capital cost of new capacity, USD per (t/yr). */
  capexUsdPerTonnePerYear: number;
  /** Output per tonne of input (processing and recycling); 1 elsewhere. */
  yield: number;
  /** Target input-and-output inventory, weeks of own throughput. */
  inventoryTargetWeeks: number;
  /** Share of capacity held by majors (low hurdle rate) rather than juniors. */
  majorsShare: number;
  /** Lead time from investment decision to production for brownfield expansions, years. */
  expansionLeadYears: number;
}

/** Recycling parameters of one material. */
export interface RecyclingSpec extends StageSpec {
  /** Share of end-of-life material collected, absent mandates. */
  collectionShare: number;
  /** Average product lifetime between sale and end of life, years. */
  productLifetimeYears: number;
  /** Cost reduction per doubling of cumulative recycled volume (learning rate, 0–1). */
  learningRate: number;
}

/** Demand for one material's components. Quantities in tonnes of contained material. */
export interface DemandSpec extends Provenance {
  /** Demand per region id at base price, tonnes/yr of contained material. */
  byRegion: Record<string, number>;
  /** Share of home-region demand that is public (defence): price-inelastic, home/ally sources only. */
  publicShare: number;
  /** Demand growth, per year (0.05 = +5%/yr). */
  growthPerYear: number;
  /** Short-run price elasticity of component demand (negative). */
  elasticityShortRun: number;
  /** Long-run elasticity reached through thrifting and substitution (negative, ≤ short-run). */
  elasticityLongRun: number;
  /** Years over which material intensity adjusts toward its long-run level. */
  substitutionYears: number;
  /** Largest reduction of material intensity reachable by thrifting (0.4 = 40% less per unit). */
  maxThrift: number;
}

/** A project already in the pipeline at start. */
export interface PipelineProjectSpec extends Provenance {
  region: string;
  stage: CapacityStage;
  capacityTonnesPerYear: number;
  /** Pipeline phase the project is in at start. */
  phase: 'permitting' | 'financing' | 'construction';
  /** Years left in that phase. */
  remainingYears: number;
}

/** Exploration: how spending turns into discovered deposits. */
export interface ExplorationSpec extends Provenance {
  /** Prospectivity per region id (relative, 1 = average). */
  prospectivityByRegion: Record<string, number>;
  /** Expected discoveries per region per year at reference spending and prospectivity 1. */
  discoveriesPerYear: number;
  /** Mean size of a discovered deposit as mine capacity, tonnes/yr. */
  depositCapacityTonnesPerYear: number;
  /** Elasticity of the discovery rate to exploration effort (the concentrate's long price over its base price). */
  spendElasticity: number;
}

/** A critical raw material and its chain. */
export interface MaterialSpec extends Provenance {
  id: string;
  name: string;
  /** Display unit for prices: `USD/t` or `USD/kg` (values are always USD/t inside). */
  priceUnit: 'USD/t' | 'USD/kg';
  /** Host material id when this is a by-product (gallium of alumina, germanium of zinc). */
  byproductOf?: string;
  /** Base prices at start, USD/t, per traded stage. */
  basePriceUsdPerTonne: Record<TradedStage, number>;
  mining: StageSpec;
  processing: StageSpec;
  manufacturing: StageSpec;
  recycling: RecyclingSpec;
  demand: DemandSpec;
  pipeline: PipelineProjectSpec[];
  exploration: ExplorationSpec;
}

/** Durations of a greenfield project's pipeline phases, years. */
export interface PipelineDurationsSpec extends Provenance {
  permittingYears: number;
  financingYears: number;
  constructionYears: number;
}

/** Behavioural parameters shared by every market (the calibrated set). */
export interface BehaviourSpec extends Provenance {
  /** Share of the log gap between the price and its coverage price closed per tick. */
  priceAdjustmentPerTick: number;
  /**
   * Price response to stock coverage: the coverage price is base × (target cover / actual cover)^exponent,
   * so halving the cover at exponent 2 quadruples the price.
   */
  priceCoverageExponent: number;
  /** Elasticity of planned output to the expected price relative to base, with spare capacity. */
  supplyResponse: number;
  /**
   * Share of an exporter's offered stock that importers' traders weigh when choosing origins even
   * when that stock only covers its own buyers (0: only its surplus counts). How readily a cheap
   * exporter wins back buyers it lost.
   */
  exportWinBackShare: number;
  /** Largest absolute log-price change in one tick. */
  maxLogPriceStepPerTick: number;
  /** Horizon of the exponential average that forms expected prices, years. */
  expectationYears: number;
  /** Share of inventory above target offered each tick. */
  inventoryReleasePerTick: number;
  /**
   * Share of the gap between a producer's input stock and its target that its input orders close
   * per tick (the stock adjustment of the beer distribution game; production and traders close
   * theirs at `inventoryReleasePerTick`).
   */
  inputOrderAdjustmentPerTick: number;
  /** Extra bidding per unit of expected price growth (precautionary buying / hoarding). */
  precautionaryBuying: number;
  /**
   * Front-running: while an export control on an origin is announced but not in force, importers
   * buying from it raise their stock target by this multiple of their normal target cover.
   */
  announcementFrontRunning: number;
  /** Relative price band below unit cost over which utilisation ramps from 1 to 0. */
  utilisationBand: number;
  /**
   * Memory of a mine's expected sales while they fall, weeks (the time constant of the exponential
   * average; they rise on the 4-week memory of every seller, `World.salesSmoothing`). Mines cut
   * planned output more slowly than they raise it (fixed costs, mine plans, offtakes), so a few
   * months' dip in ore buying is stockpiled rather than idled (gap G27). 4: symmetric, as every
   * other stage.
   */
  miningSalesFallWeeks: number;
  /** Hurdle rates, per year. */
  hurdleRateMajor: number;
  hurdleRateJunior: number;
  /** Discount on expected margins per unit of price volatility (risk aversion). */
  riskAversion: number;
  /**
   * Share of the expected price that investors outside the foreign actor's region expect to lose to
   * its price wars over an asset's life, were it the only supplier: scaled by its share of the
   * stage's world capacity (evaluateInvestment). 0 (the default): no such fear.
   */
  priceWarRisk: number;
  /** Weeks between investment reviews. */
  investmentReviewWeeks: number;
  /** Consecutive weeks of losses after which a firm exits. */
  exitAfterLossWeeks: number;
  /** Engineers needed per project under construction. */
  engineersPerProject: number;
  /**
   * How a project's engineers scale with its size: a project needs
   * engineersPerProject · (capacity / typical plant of its stage and material)^engineersSizeExponent,
   * the typical plant being the greenfield plant size, 0.05 × the scenario's world capacity of the
   * stage. 0: every project needs engineersPerProject whatever its size (gap G24); 1: linear; 0.6:
   * the six-tenths rule of engineering effort.
   */
  engineersSizeExponent: number;
  /**
   * The fewest engineers any project needs, share of engineersPerProject (a debottlenecking still
   * needs a small team): the need is engineersPerProject · max(engineersMinimumShare, (capacity /
   * typical plant)^engineersSizeExponent). 0 (default): no minimum.
   */
  engineersMinimumShare: number;
  /** Capacity added per expansion decision, share of a firm's capacity. */
  expansionStep: number;
  /**
   * The steady-growth initial state (gap G29): share of the brownfield expansions that keep each
   * stage's capacity growing at the material's demand growth over its `expansionLeadYears` that are
   * already under construction when the run starts (initialiseGrowthPipeline). 1 (default): the full
   * steady-growth pipeline; 0: none, the no-growth start used until session 21, in which capacity is
   * frozen for a lead time.
   */
  initialGrowthPipeline: number;
  /**
   * Greenfield plant size (gap G30): a plant the investment review starts is
   * min(5%, max(greenfieldPlantMinWorldShare, greenfieldPlantCellShare × the cell's starting
   * capacity ÷ the world's)) of the stage's world capacity (the scenario's `capacityByRegion`), so a
   * small region's plant is sized to its industry, not the world's. greenfieldPlantMinWorldShare 0.05:
   * every plant 5% of the world, as until session 22.
   */
  greenfieldPlantCellShare: number;
  greenfieldPlantMinWorldShare: number;
  /**
   * Commissioning (gap G30): a plant the investment review started comes on stream in this many equal
   * tranches, the first when its construction ends, the rest spread evenly over greenfieldRampYears;
   * each adds capacity and the expected sales, and so the stock fill, that go with it. 1: all at once,
   * as until session 22. A scenario's own `pipeline:` projects come on stream whole (their dates are sourced).
   */
  greenfieldRampTranches: number;
  greenfieldRampYears: number;
  /** Economic life of new capacity, years. */
  assetLifeYears: number;
  /** Greenfield pipeline durations (mining); processing and recycling scale them. */
  greenfield: PipelineDurationsSpec;
  /** Multipliers of greenfield durations for processing and recycling plants. */
  processingLeadFactor: number;
  recyclingLeadFactor: number;
  /** Transport lead time between regions, weeks. */
  transportWeeks: number;
}

/** Election cycle and policy reversal of the home government. */
export interface GovernmentSpec extends Provenance {
  /** The home region id. */
  region: string;
  electionEveryYears: number;
  /** Probability that a reversible policy is reversed at an election. */
  reversalProbability: number;
}

/** Capability and intent (1–3) of the foreign actor at one stage. */
export interface ThreatSpec {
  capability: number;
  intent: number;
}

/** Rule-driven behaviour of the foreign actor. */
export interface ForeignActorRulesSpec {
  /** Stochastic cyberattacks per year at capability × intent = 9 (scaled down for lower scores). */
  cyberattacksPerYear: number;
  /** Mean outage of an attacked facility, years (lognormal). */
  cyberDowntimeYears: number;
  /** Coefficient of variation of the outage duration. */
  cyberDowntimeSpread: number;
  /** Share of a stage's facilities in the target region one attack hits. */
  cyberFacilityShare: number;
  /** Over-production: rivals' capacity growth (share of start) that triggers a price war. */
  priceWarTrigger: number;
  /** Price cut the actor's producers offer during a price war (share of market price). */
  priceWarCut: number;
  /** How a rule-driven price war reaches the market, as {@link PriceManipulationEvent.mode}. */
  priceWarMode: PriceCutMode;
  /** Budget for price wars and acquisitions, USD. */
  budgetUsd: number;
  /** Retaliation: probability per year of imposing export licensing when tariffed, at score 9. */
  retaliationPerYear: number;
}

/** The foreign state actor with dominant market share. */
export interface ForeignActorSpec extends Provenance {
  region: string;
  threat: Record<Stage, ThreatSpec>;
  rules: ForeignActorRulesSpec;
}

/** Fields every event has. `end` omitted means until the end of the run. */
export interface EventBase extends Provenance {
  /** Optional name shown in reports. */
  id?: string;
  /** Start, years since scenario start. */
  start: number;
  /** End, years since scenario start (exclusive). */
  end?: number;
  /** Announcement time, years since start (defaults to `start`): markets may front-run. */
  announced?: number;
  /** Whether an election can reverse it (home-government policies; default true for them). */
  reversible?: boolean;
}

/** Export control by an exporting region on one material and traded stage. */
export interface ExportControlEvent extends EventBase {
  kind: 'exportControl';
  material: string;
  stage: TradedStage;
  exporter: string;
  mode: 'quota' | 'licensing' | 'ban';
  /**
   * quota: allowed exports as a share of the exporter's exports in the year before the event (to the
   * listed destinations, or to all); ignored when `quotaTonnesPerYear` is set.
   */
  quotaShare?: number;
  /** quota: allowed exports as a fixed tonnage (to the listed destinations together, or to all), t/yr. */
  quotaTonnesPerYear?: number;
  /** licensing: share of applications approved. */
  approvalRate?: number;
  /** licensing: delay before approved volumes ship, years. */
  delayYears?: number;
  /** Destination regions; omitted means all destinations. */
  destinations?: string[];
}

/** Export ban on processing/separation technology: slows rivals' plant construction. */
export interface TechnologyBanEvent extends EventBase {
  kind: 'technologyBan';
  exporter: string;
  stage: CapacityStage;
  /** Multiplier on construction time of affected plants outside the exporter. */
  constructionMultiplier: number;
}

/** Strategic over-production: the actor's producers sell below market, paid from a budget. */
export interface PriceManipulationEvent extends EventBase {
  kind: 'priceManipulation';
  material: string;
  stage: TradedStage;
  region: string;
  /** Price cut as a share of the market price. */
  priceCut: number;
  budgetUsd: number;
  /**
   * `leadership`: the region's producers lead the price of their whole price pool down (the cut times
   * their share of the pool's supply), paying their producers the gap from the budget;
   * `exportDiscount`: only its exports are sold at the cut, the budget paying the discount.
   */
  mode: PriceCutMode;
}

/** How a price cut reaches the market (see {@link PriceManipulationEvent.mode}). */
export type PriceCutMode = 'leadership' | 'exportDiscount';

/** A scripted cyberattack on a share of facilities. */
export interface CyberattackEvent extends EventBase {
  kind: 'cyberattack';
  stage: CapacityStage;
  region: string;
  /** Material, or all materials when omitted. */
  material?: string;
  facilityShare: number;
  /** Downtime of an attack (scripted), or its mean (stochastic). */
  downtimeYears: number;
  /**
   * `scripted` (default): one attack when the event starts. `stochastic`: attacks arrive at random
   * (Poisson, `ratePerYear`) on every tick from start to end, each drawn from the replicate's
   * counter-based cyberattack stream like the foreign actor's rule-driven attacks.
   */
  mode?: 'scripted' | 'stochastic';
  /** Stochastic: mean attacks per year inside the window. */
  ratePerYear?: number;
  /** Stochastic: coefficient of variation of each attack's (lognormal) downtime; 0 or absent = fixed. */
  downtimeSpread?: number;
}

/** Government stockpile doctrine for one material. */
export interface StockpileEvent extends EventBase {
  kind: 'stockpile';
  material: string;
  region: string;
  /**
   * daysOfConsumption: buy to the target, release on shortfall or into a price spike (above `releasePriceMultiple` × base);
   * shortfall: buy to the target, release only on measured shortfall;
   * release: sell the stock down while the event lasts, at up to `maxBuyShare` of weekly consumption a week.
   */
  doctrine: 'daysOfConsumption' | 'shortfall' | 'release';
  /**
   * What the stockpile holds and trades: `processing` refined material (the default), bought and
   * released in the region's refined market; `manufacturing` components (e.g. magnets), in its
   * component market, where releases also reach public (defence) buyers.
   */
  stage?: 'processing' | 'manufacturing';
  targetDays: number;
  /** Release when the region's shortfall exceeds this share of demand. */
  releaseShortfallShare: number;
  /**
   * daysOfConsumption: outside a shortage, release a tick's consumption per tick while the market's
   * price exceeds this multiple of its base price (default 1.5, STABILISATION_PRICE_MULTIPLE).
   */
  releasePriceMultiple: number;
  /** Largest purchase per tick as a share of the region's weekly consumption. */
  maxBuyShare: number;
  /** Initial stock, days of consumption (a stockpile already held). */
  initialDays?: number;
  budgetUsd: number;
  /**
   * What holding the stock costs per year, as a share of its value at base prices (financing the
   * capital tied up, storage, insurance, rotation), paid while the event is in force on top of the
   * purchase budget; 0 or absent: holding is free.
   */
  carryingCostSharePerYear?: number;
}

/**
 * What a regulatory instrument (tariff, friend-shoring, permitting reform, recycling mandate) costs
 * the home government to run: administration, enforcement, collection schemes. While the instrument
 * is in force it pays `costUsdPerYear` pro rata each tick out of `budgetUsd`, and it lapses once that
 * budget is spent (an instrument without a budget runs as long as it is in force; without a cost it is free).
 */
export interface RunningCost {
  /** Running cost while in force, USD per year (0 or absent: costs the government nothing). */
  costUsdPerYear?: number;
  /** Money available for the running cost; the instrument lapses when it is spent (absent: unlimited). */
  budgetUsd?: number;
}

/** Import tariff of an importing region. */
export interface TariffEvent extends EventBase, RunningCost {
  kind: 'tariff';
  material: string;
  stage: TradedStage;
  importer: string;
  /** Exporters taxed; omitted means all others. */
  exporters?: string[];
  rate: number;
}

/** Friend-shoring agreement: members trade without tariffs and prefer each other. */
export interface FriendShoringEvent extends EventBase, RunningCost {
  kind: 'friendShoring';
  members: string[];
  /** Preference margin granted to members' supply in the merit order (share of price). */
  preference: number;
}

/** Permitting reform: shortens permitting in a region. */
export interface PermittingReformEvent extends EventBase, RunningCost {
  kind: 'permittingReform';
  region: string;
  durationMultiplier: number;
}

/** Disinformation campaign: lengthens permitting in a region. */
export interface DisinformationEvent extends EventBase {
  kind: 'disinformation';
  region: string;
  durationMultiplier: number;
}

/** Public support for investment or producers. */
export interface SubsidyEvent extends EventBase {
  kind: 'subsidy';
  region: string;
  material: string;
  stage: CapacityStage;
  /** capex: share of capex paid; priceFloor: guaranteed price; offtake: guaranteed purchase at floor. */
  mode: 'capex' | 'priceFloor' | 'offtake' | 'loanGuarantee';
  capexShare?: number;
  priceFloorUsdPerTonne?: number;
  /** loanGuarantee: reduction of the hurdle rate, per year. */
  hurdleReduction?: number;
  budgetUsd: number;
}

/** Recycling mandate raising collection. */
export interface RecyclingMandateEvent extends EventBase, RunningCost {
  kind: 'recyclingMandate';
  region: string;
  material: string;
  collectionShare: number;
}

/** Workforce programme: more graduates, after a lag. */
export interface WorkforceProgrammeEvent extends EventBase {
  kind: 'workforceProgramme';
  region: string;
  extraGraduatesPerYear: number;
  lagYears: number;
  budgetUsd: number;
}

/** Demand shock: multiplies a region's (or every region's) demand. */
export interface DemandShockEvent extends EventBase {
  kind: 'demandShock';
  material: string;
  region?: string;
  multiplier: number;
}

/** Mine or plant outage (accident, flood, strike). */
export interface OutageEvent extends EventBase {
  kind: 'outage';
  material: string;
  stage: CapacityStage;
  region: string;
  capacityShare: number;
}

/** Acquisition of or offtake from third-country mines: their output goes to the acquirer. */
export interface MineAcquisitionEvent extends EventBase {
  kind: 'mineAcquisition';
  material: string;
  region: string;
  acquirer: string;
  /** Share of the region's mine capacity whose output is diverted. */
  share: number;
  mode: 'acquisition' | 'offtake';
  costUsd: number;
}

/** Tailings reassessment: known waste becomes a resource with a short lead time. */
export interface TailingsReassessmentEvent extends EventBase {
  kind: 'tailingsReassessment';
  region: string;
  material: string;
  capacityTonnesPerYear: number;
  leadYears: number;
}

/** Every kind of scripted event. */
export type EventSpec =
  | ExportControlEvent
  | TechnologyBanEvent
  | PriceManipulationEvent
  | CyberattackEvent
  | StockpileEvent
  | TariffEvent
  | FriendShoringEvent
  | PermittingReformEvent
  | DisinformationEvent
  | SubsidyEvent
  | RecyclingMandateEvent
  | WorkforceProgrammeEvent
  | DemandShockEvent
  | OutageEvent
  | MineAcquisitionEvent
  | TailingsReassessmentEvent;

/** The kinds of events, as written in scenario files. */
export type EventKind = EventSpec['kind'];

/** A probability distribution of an uncertain parameter. */
export type DistributionSpec =
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { dist: 'lognormal'; median: number; sigma: number }
  | { dist: 'discrete'; values: number[]; weights?: number[] };

/** An uncertain parameter: the dotted path of a number in {@link ScenarioSpec} and its law. */
export interface UncertaintySpec {
  /** Path with array indices, e.g. `materials.0.demand.elasticityShortRun` or `events.3.start`. */
  path: string;
  /** The same path written with ids, for people, e.g. `materials.ndpr.demand.elasticityShortRun`. */
  label: string;
  distribution: DistributionSpec;
}

/** How capacities are split into firms. */
export interface ResolutionSpec {
  /** Firms per (material, region, stage) with positive capacity. */
  firmsPerCapacityCell: number;
  /** Sigma of the lognormal firm-size distribution. */
  sizeSigma: number;
  /** Extra slots for entrants, as a share of the starting number of firms. */
  entrantHeadroom: number;
}

/** Optional outputs a scenario asks for (each adds series to every replicate). */
export interface OutputsSpec {
  /**
   * Record every route's shipments per tick: series `tradeFlow` per material, traded stage and route
   * `origin>destination` (t/week, dispatched), R·(R − 1) routes per market. Off by default: with 4
   * regions and 7 materials it adds 252 series to the ~1,200 of a run.
   */
  tradeFlows?: boolean;
}

/** A fully resolved scenario: what the engine runs. */
export interface ScenarioSpec extends Provenance {
  name: string;
  description: string;
  /** Ticks per year (52 = weekly). */
  ticksPerYear: number;
  /** Horizon, years. */
  years: number;
  /** Calendar year of tick 0 (for labels only). */
  startYear: number;
  regions: RegionSpec[];
  materials: MaterialSpec[];
  behaviour: BehaviourSpec;
  government: GovernmentSpec;
  foreignActor: ForeignActorSpec;
  events: EventSpec[];
  uncertainties: UncertaintySpec[];
  resolution: ResolutionSpec;
  /** Optional outputs (absent: none). */
  outputs?: OutputsSpec;
}
