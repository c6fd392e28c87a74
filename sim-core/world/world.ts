import type { ScenarioSpec, EventSpec } from '../spec.ts';
import type { FirmStore } from './firmStore.ts';
import type { EndUserStore } from './endUserStore.ts';
import type { ProjectStore } from './projectStore.ts';
import type { MarketState } from './marketState.ts';
import type { EffectiveParameters } from './effectiveParameters.ts';
import type { FirmTotals } from './firmTotals.ts';
import type { EventIndices } from './resolveEventIndices.ts';

/** Capacity stage codes, the order of `World.stores`. */
export const MINING = 0;
export const PROCESSING = 1;
export const MANUFACTURING = 2;
export const RECYCLING = 3;
/** Names of the capacity stages by code. */
export const CAPACITY_STAGE_NAMES = ['mining', 'processing', 'manufacturing', 'recycling'] as const;
/** Alignment codes. */
export const HOME = 0;
export const ALLY = 1;
export const NEUTRAL = 2;
export const ADVERSARY = 3;

/** An event with its times in ticks. */
export interface CompiledEvent {
  readonly spec: EventSpec;
  readonly startTick: number;
  /** Exclusive end tick (ticks + 1 when open-ended). */
  readonly endTick: number;
  readonly announcedTick: number;
  readonly reversible: boolean;
  /** Its ids as indices, resolved when compiled (nothing is looked up per tick). */
  readonly at: EventIndices;
}

/**
 * Per-event state: `quotaTonnesPerTick` (an export quota's ceiling, fixed when it starts),
 * `budgetLeftUsd`, `reversedAtTick` (−1 unless an election reversed it), `started` (1 once applied),
 * `inForce` (1 while it acts this tick: started, before its end, not reversed at an earlier tick, and
 * neither a regulatory instrument whose running budget is spent nor a subsidy whose budget is spent).
 */
export interface EventState {
  readonly quotaTonnesPerTick: Float64Array;
  readonly budgetLeftUsd: Float64Array;
  readonly reversedAtTick: Int32Array;
  readonly inForce: Uint8Array;
  readonly started: Uint8Array;
}

/**
 * Money accounts other than firms' cash, USD. Every payment moves money between two accounts, so
 * the sum of these and all firms' cash is constant (the money-balance invariant).
 * `externalUsd` is the rest of the economy: it receives operating costs and capex, and pays end users' income.
 */
export interface MoneyLedger {
  externalUsd: number;
  readonly governmentUsd: Float64Array;
  foreignActorUsd: number;
  tradersUsd: number;
  endUsersUsd: number;
}

/**
 * This tick's physical flows and shortfalls, for the balance check and the recorder (t).
 * Index: per material m for the balance terms; `productionTonnes[(stage × M + m) × R + r]`;
 * `unmetTonnes[(k × M + m) × R + r]` is unmet demand of the buyers at traded market k
 * (k = 0 processors, 1 manufacturers, 2 end users); `publicUnmetTonnes[m × R + r]`.
 */
export interface TickFlows {
  readonly primaryTonnes: Float64Array;
  readonly secondaryTonnes: Float64Array;
  readonly consumptionTonnes: Float64Array;
  readonly lossTonnes: Float64Array;
  readonly productionTonnes: Float64Array;
  readonly unmetTonnes: Float64Array;
  readonly demandTonnes: Float64Array;
  readonly publicUnmetTonnes: Float64Array;
  readonly deliveredTonnes: Float64Array;
  /** Operating profit per (stage, m, r) this tick, USD. */
  readonly profitUsd: Float64Array;
  /** Production per (stage, m, r) in the previous tick (by-product coupling reads the host's). */
  readonly previousProductionTonnes: Float64Array;
}

/** State of the material chain beyond firms: thrift, end of life, learning, stockpiles. */
export interface ChainState {
  /** Material intensity per (m, r): 1 = base; thrifting and substitution lower it. */
  readonly intensity: Float64Array;
  /** End-of-life ring per (m, r): `eolTonnes[(m × R + r) × eolSlots + (tick mod eolSlots)]`. */
  readonly eolTonnes: Float64Array;
  readonly eolSlots: number;
  /** Lifetime per material, ticks. */
  readonly lifetimeTicks: Int32Array;
  /** Cumulative recycled output per (m, r), t (learning curve). */
  readonly cumulativeRecycledTonnes: Float64Array;
  /** Reference cumulative volume per (m, r) at which recycling costs equal the base unit cost, t. */
  readonly referenceRecycledTonnes: Float64Array;
  /**
   * Government stockpiles, t of contained material: `stockpileTonnes[form·M·R + m·R + r]`, form 0 =
   * refined material, 1 = components (see {@link stockpileForm}).
   */
  readonly stockpileTonnes: Float64Array;
  /**
   * Why each stockpile offers this tick, per stockpile as {@link stockpileTonnes}: {@link NO_RELEASE},
   * {@link RELEASE_ON_SHORTAGE}, {@link RELEASE_ON_PRICE_SPIKE} or {@link STEADY_RELEASE}, set by
   * advanceGovernment with the offer and read by settleAccounts.
   */
  readonly stockpileOfferTrigger: Uint8Array;
  /**
   * Tonnes each stockpile released (sold at settlement) over the run so far, by trigger:
   * `stockpileReleasedByTriggerTonnes[(trigger − 1)·F·M·R + form·M·R + m·R + r]` (F = {@link STOCKPILE_FORMS},
   * trigger a code of {@link stockpileOfferTrigger} above 0); their sum over triggers is all the stockpile sold.
   */
  readonly stockpileReleasedByTriggerTonnes: Float64Array;
}

/** Region state: skilled workforce and its pipeline. */
export interface RegionState {
  readonly alignment: Int32Array;
  readonly engineers: Float64Array;
  readonly graduatesPerYear: Float64Array;
  /** Extra graduates per year from workforce programmes, once their lag has passed. */
  readonly programmeGraduatesPerYear: Float64Array;
  /** Projects under construction per region this tick. */
  readonly projectsUnderConstruction: Int32Array;
  /** Engineers the projects under construction need per region this tick (see engineersNeeded). */
  readonly engineersInUse: Float64Array;
}

/** The home government's running state. */
export interface GovernmentState {
  readonly region: number;
  spendingUsdThisTick: number;
  /** Duties the home government collected this tick from its tariffs (importers pay them: a transfer, not spending), USD. */
  tariffRevenueUsdThisTick: number;
  /**
   * What this tick's spending bought back or sold, for the net cost: stock added to stockpiles
   * (purchases, offtake) at base prices, less stock released at base prices, plus release revenue, USD.
   * Summed over a run: (stock at the end − stock at the start) at base prices + release revenue, so a
   * stock held from the start (`initialDays`) is never credited, and is debited at base prices when sold.
   */
  stockpileCreditUsdThisTick: number;
  /** The part of this tick's spending tied to each material (stockpiles, floors, offtake, capex subsidies, tariffs and mandates on it), USD. */
  readonly spendingByMaterialUsdThisTick: Float64Array;
  /** The stockpile credit of each material, USD (their sum is `stockpileCreditUsdThisTick`). */
  readonly stockpileCreditByMaterialUsdThisTick: Float64Array;
  nextElectionTick: number;
  elections: number;
}

/** The foreign actor's running state. */
export interface ForeignActorState {
  readonly region: number;
  budgetLeftUsd: number;
  spendingUsdThisTick: number;
  /** Per (m, k): tick until which a rule-driven price war runs. */
  readonly priceWarUntilTick: Int32Array;
  /** Per material: tick until which rule-driven retaliatory licensing of refined exports runs. */
  readonly retaliationUntilTick: Int32Array;
  /** Per (stage, m): rivals' (non-adversary) capacity at start, t/tick. */
  readonly rivalsStartCapacity: Float64Array;
  /** Per (stage, m): the actor's own (adversary regions') capacity at start, t/tick. */
  readonly actorStartCapacity: Float64Array;
  /** Attacks launched so far: rule-driven, scripted and stochastic-event ones. */
  attacks: number;
  /** Per material: 1 while rule-driven retaliatory licensing is in force this tick (set with the parameters in force), else 0. */
  readonly retaliationInForce: Uint8Array;
  /** Per (stage, m), capacity stages: rule-driven cyberattacks launched this tick (scripted and event attacks excluded). */
  readonly cyberattacksThisTick: Int32Array;
}

/** Preallocated scratch space for phases (per-region and per-cell work arrays). */
export interface Scratch {
  readonly available: Float64Array;
  readonly quotaLeft: Float64Array;
  readonly orderLeft: Float64Array;
  readonly requested: Float64Array;
  readonly weight: Float64Array;
  /** Per origin: what it can still ship in this allocation round (surplus and quota), t. */
  readonly limit: Float64Array;
  /** Per origin: stock its local buyers need at target cover, and its offers not yet shipped, t. */
  readonly localCover: Float64Array;
  /** Per origin: what importers ask of it in this allocation round on routes under its export quota, t. */
  readonly quotaRequested: Float64Array;
  /** Per origin, in an allocation round: the share of each request it ships (1, or limit ÷ requests when oversubscribed), and the same for its quota on routes under it. */
  readonly offerShare: Float64Array;
  readonly quotaShare: Float64Array;
  /** Per (importer d, origin r), d × R + r: the part of d's order the round's request pass puts on r, t (shipped from, scaled, so no importer's turn changes another's share). */
  readonly wantedByRoute: Float64Array;
  readonly offerLeft: Float64Array;
  /** Per region: price pool (0 = freely trading regions, r + 1 = restricted exporter r) and its log coverage gap. */
  readonly pool: Int32Array;
  readonly coverageGap: Float64Array;
  /** Home and allied region indices (cyberattack targets). */
  readonly targets: Int32Array;
  readonly landedCostUsdPerTonne: Float64Array;
  /** Scrap available to recyclers per cell (m × R + r), t. */
  readonly scrapTonnes: Float64Array;
  /** Per-cell results of a phase's agent loops (see phases/cellTasks.ts), stride CELL_SUMS per cell m × R + r. */
  readonly cellSums: Float64Array;
  /** Per (stage, cell): the terms of the firms' decisions that production saves for settlement (phases/firmDecisions.ts), stride CELL_TERMS. */
  readonly cellTerms: Float64Array;
  /** Per cell m × R + r: end users' public and private bid factors this tick (a user bids base demand × factor). */
  readonly endUseFactors: Float64Array;
  /**
   * Per (importer d, origin r), d × R + r: the last cost ratio weighOrigins raised to its price
   * sensitivity, and the result (a memo: Math.pow is a call into C++ and trade asks for the same
   * ratio up to seven times per market and tick). Starts as NaN, which equals nothing.
   */
  readonly originCostRatio: Float64Array;
  readonly originCostFactor: Float64Array;
  /** Per cell m × R + r: 1 when a greenfield plant (a project without a target firm) of the stage under review is in the pipeline. */
  readonly pendingPlant: Uint8Array;
}

/**
 * Keys of the replicate's decision families for counter-based draws (random/hashUniform.ts): each
 * draw is a pure function of (key, tick or index, …), so changing one scenario element never
 * shifts the draws of another, and paired strategies share common random numbers. Each is hashKey's
 * 32 bits as a signed integer (a small integer to V8 in every world, so this object keeps one map).
 */
export interface DecisionKeys {
  readonly elections: number;
  readonly cyberattacks: number;
  readonly outages: number;
  readonly priceWars: number;
  readonly retaliation: number;
  readonly expansions: number;
  readonly discoveries: number;
  /** Stochastic cyberattack events (scenario-targeted): counts and downtimes of their attacks. */
  readonly eventAttacks: number;
}

/**
 * Identities of scenario elements for counter-based draws, hashed from their ids (not their
 * indices), so that adding a material, region or event does not move the draws of the others.
 * Each is a 32-bit FNV-1a hash as a signed integer.
 */
export interface IdentityKeys {
  /** Per cell m × R + r: hash of `cell:<material id>:<region id>` (discoveries). */
  readonly cells: Int32Array;
  /** Per event (in `events` order): hash of `event:<id>` (`event#<index>` for an event without id). */
  readonly events: Int32Array;
}

/**
 * The whole simulated world of one replicate. Engine functions take it first and mutate it;
 * nothing in it is allocated during a tick.
 */
export interface World {
  readonly spec: ScenarioSpec;
  readonly materials: number;
  readonly regions: number;
  readonly ticksPerYear: number;
  readonly ticks: number;
  tick: number;
  /** Miners, processors, manufacturers, recyclers (index = capacity stage code). */
  readonly stores: readonly [FirmStore, FirmStore, FirmStore, FirmStore];
  readonly endUsers: EndUserStore;
  readonly projects: ProjectStore;
  readonly markets: MarketState;
  readonly effective: EffectiveParameters;
  readonly events: readonly CompiledEvent[];
  readonly eventState: EventState;
  readonly regionState: RegionState;
  readonly chain: ChainState;
  readonly government: GovernmentState;
  readonly foreignActor: ForeignActorState;
  readonly ledger: MoneyLedger;
  readonly flows: TickFlows;
  /** Sums over each cell's firms after settlement (see firmTotals.ts). */
  readonly firmTotals: FirmTotals;
  readonly keys: DecisionKeys;
  readonly identities: IdentityKeys;
  /** Host material index per material (−1 when not a by-product). */
  readonly hostMaterial: Int32Array;
  /** Entries and exits this tick per (stage, region). */
  readonly entries: Int32Array;
  readonly exits: Int32Array;
  readonly scratch: Scratch;
  /** Share of the gap closed per tick when firms update expected sales (about a month's memory). */
  readonly salesSmoothing: number;
  /**
   * The same share for a mine whose sales fell below its expected sales,
   * 1 − e^(−52/(miningSalesFallWeeks·tpy)) (settleSellerCell, settlePlainSellerCell).
   */
  readonly miningSalesFallSmoothing: number;
  /**
   * Chance that public support survives the elections before an investment pays back,
   * (1 − reversalProbability)^(PAYBACK_YEARS / electionEveryYears) (evaluateInvestment.ts), and the
   * last hurdle rate's annuity factor and that rate (a memo: both were Math.pow calls per evaluation).
   */
  readonly supportSurvival: number;
  readonly annuityMemo: Float64Array;
  /** Transport lead time, ticks. */
  readonly transportTicks: number;
  /**
   * Per (stage, material), stage × M + m: the typical plant, the greenfield plant size (0.05 × the
   * scenario's world capacity of the stage), t/tick; a project's engineers scale with its capacity
   * over it (engineersNeeded, behaviour.engineersSizeExponent).
   */
  readonly typicalPlantTonnesPerTick: Float64Array;
}

/** Forms a stockpile can hold: 0 refined material (traded stage 1), 1 components (traded stage 2). */
export const STOCKPILE_FORMS = 2;

/**
 * Why a stockpile offers stock this tick (docs/model.md §3, stockpile orders), codes of
 * `chain.stockpileOfferTrigger`: none (no offer); its region's buyers went short last tick of more
 * than `releaseShortfallShare` of their demand (any doctrine but `release`); its market's price is
 * above `releasePriceMultiple` × base (daysOfConsumption only); the `release` doctrine's steady sale.
 */
export const NO_RELEASE = 0;
export const RELEASE_ON_SHORTAGE = 1;
export const RELEASE_ON_PRICE_SPIKE = 2;
export const STEADY_RELEASE = 3;
/** Number of release triggers (codes 1…STOCKPILE_TRIGGERS: {@link RELEASE_ON_SHORTAGE} … {@link STEADY_RELEASE}). */
export const STOCKPILE_TRIGGERS = 3;

/** The stockpile form of a stockpile event: 0 for refined material (default), 1 for components. */
export function stockpileForm(stage: 'processing' | 'manufacturing' | undefined): number {
  return stage === 'manufacturing' ? 1 : 0;
}
