import type { ScenarioSpec } from '../spec.ts';
import type { ResultLayout, SeriesKey } from '../results.ts';
import { isReversibleByDefault } from '../world/compileEvents.ts';
import { STOCKPILE_FORMS, stockpileForm } from '../world/world.ts';

const TRADED = ['mining', 'processing', 'manufacturing'] as const;
const CAPACITY = ['mining', 'processing', 'manufacturing', 'recycling'] as const;
/** The buyers at each traded market: processors buy concentrate, manufacturers refined, end users components. */
const BUYERS = ['processing', 'manufacturing', 'endUse'] as const;

/** Offsets of each metric block in a replicate's series, so the recorder can write without lookups. */
export interface SeriesOffsets {
  price: number; production: number; demand: number; consumption: number; shortfall: number; publicShortfall: number;
  /** The home region's public (defence) end users' demand, t/week: the denominator of their shortfall share. */
  publicDemand: number;
  exports: number; imports: number; inventoryDays: number; stockpile: number; capacity: number;
  hhi: number; importReliance: number; secureSupplyShare: number; governmentSpending: number; governmentNetSpending: number;
  governmentSpendingByMaterial: number; governmentNetSpendingByMaterial: number;
  foreignActorSpending: number; firms: number; entries: number; exits: number; intensity: number;
  profit: number; homeImportsByOrigin: number;
  /** The foreign actor's rule-driven actions: price war and retaliation in force (0/1), cyberattacks launched. */
  actorPriceWar: number; actorRetaliation: number; actorCyberattacks: number;
  /** Duties the home government collects from its tariffs, USD/week. */
  governmentTariffRevenue: number;
  /**
   * Per reversible policy (an event an election may reverse, in event order): in force (1/0) and
   * reversed by an election by now (1/0). {@link reversiblePolicies} lists them.
   */
  policyInForce: number; policyReversed: number;
  /**
   * Per export quota (an `exportControl` event in `quota` mode, in event order): in force (1/0),
   * binding (1/0: it held shipments below what the exporter's offers allowed) and its ceiling while in
   * force (t/week, 0 otherwise). {@link exportQuotas} lists them.
   */
  exportQuotaInForce: number; exportQuotaBinding: number; exportQuotaCeiling: number; exportQuotaRent: number;
  /**
   * Per export control that lists `destinations` (any mode, in event order: {@link destinationControls}):
   * its exporter's exports of its material and stage to those destinations, t/week, in every tick
   * (in force or not), so what a control on some importers did can be read on them alone.
   */
  exportsToDestinations: number;
  /** First `tradeFlow` series (material × traded stage × route origin ≠ destination), or −1 when not recorded. */
  tradeFlow: number;
  /**
   * Not a series block: the stockpiles whose releases by trigger are summaries ({@link eventStockpiles}),
   * each as its index form·M·R + m·R + r into `chain.stockpileTonnes`, in that order.
   */
  releaseStockpiles: number[];
}

/**
 * Builds the list of per-tick series and per-replicate summaries for a scenario, with block offsets.
 * Series (units in each key): prices per material × traded stage × region; production per capacity
 * stage; demand, consumption (what buyers received) and shortfall per buyer stage; public (defence) shortfall and demand at home; exports and
 * imports; stock cover in days; stockpiles; capacity; HHI of capacity over regions; home import
 * reliance; secure-supply share (home plus allied capacity over home demand: a ratio, above 1 when
 * secure capacity exceeds home needs); government and foreign-actor spending; firm counts, entries, exits;
 * material intensity; operating profit per stage (all regions); home-region shipments by origin
 * (region = the exporter); the foreign actor's actions by its standing rules (scripted events
 * excluded): price war in force per market (1/0), retaliatory licensing of refined exports in force
 * (1/0), both at the actor's region, and cyberattacks launched per capacity stage (all target regions);
 * per reversible policy (see {@link reversiblePolicies}), whether it is in force and whether an election
 * has reversed it (1/0 each; material and stage are the event's where it names one, and the region
 * field holds the event's id, as `tradeFlow`'s holds a route).
 */
export function createResultLayout(spec: ScenarioSpec): { layout: ResultLayout; offsets: SeriesOffsets } {
  const series: SeriesKey[] = [];
  const materials = spec.materials.map((m) => m.id);
  const regions = spec.regions.map((r) => r.id);
  const home = spec.government.region;
  const block = (metric: string, unit: string, stages: readonly string[], perRegion: boolean, perMaterial = true): number => {
    const start = series.length;
    for (const material of perMaterial ? materials : ['']) {
      for (const stage of stages) {
        for (const region of perRegion ? regions : ['']) series.push({ metric, material, stage, region, unit });
      }
    }
    return start;
  };
  const offsets: SeriesOffsets = {
    price: block('price', 'USD/t', TRADED, true),
    production: block('production', 't/week', CAPACITY, true),
    demand: block('demand', 't/week', BUYERS, true),
    consumption: block('consumption', 't/week', BUYERS, true),
    shortfall: block('shortfall', 't/week', BUYERS, true),
    publicShortfall: block('publicShortfall', 't/week', ['endUse'], false),
    publicDemand: block('publicDemand', 't/week', ['endUse'], false),
    exports: block('exports', 't/week', TRADED, true),
    imports: block('imports', 't/week', TRADED, true),
    inventoryDays: block('inventoryDays', 'days', CAPACITY, true),
    stockpile: block('stockpile', 't', ['processing', 'manufacturing'], true), // refined, components
    capacity: block('capacity', 't/yr', CAPACITY, true),
    hhi: block('hhi', 'index 0-10000', CAPACITY, false),
    importReliance: block('importReliance', 'share', TRADED, false),
    secureSupplyShare: block('secureSupplyShare', 'x home demand', CAPACITY, false),
    governmentSpending: block('governmentSpending', 'USD/week', [''], false, false),
    governmentNetSpending: block('governmentNetSpending', 'USD/week', [''], false, false),
    governmentSpendingByMaterial: block('governmentSpendingByMaterial', 'USD/week', [''], false),
    governmentNetSpendingByMaterial: block('governmentNetSpendingByMaterial', 'USD/week', [''], false),
    foreignActorSpending: block('foreignActorSpending', 'USD/week', [''], false, false),
    firms: block('firms', 'count', CAPACITY, true, false),
    entries: block('entries', 'count/week', CAPACITY, true, false),
    exits: block('exits', 'count/week', CAPACITY, true, false),
    intensity: block('intensity', 'share', ['endUse'], true),
    profit: block('profit', 'USD/week', CAPACITY, false),
    homeImportsByOrigin: block('homeImportsByOrigin', 't/week', TRADED, true),
    actorPriceWar: block('actorPriceWar', 'share', TRADED, false),
    actorRetaliation: block('actorRetaliation', 'share', ['processing'], false), // refined exports
    actorCyberattacks: block('actorCyberattacks', 'count/week', CAPACITY, false),
    governmentTariffRevenue: block('governmentTariffRevenue', 'USD/week', [''], false, false),
    policyInForce: policyBlock(series, spec, 'policyInForce'),
    policyReversed: policyBlock(series, spec, 'policyReversed'),
    exportQuotaInForce: quotaBlock(series, spec, 'exportQuotaInForce'),
    exportQuotaBinding: quotaBlock(series, spec, 'exportQuotaBinding'),
    exportQuotaCeiling: quotaBlock(series, spec, 'exportQuotaCeiling', 't/week'),
    exportQuotaRent: quotaBlock(series, spec, 'exportQuotaRent', 'USD/week'),
    exportsToDestinations: destinationBlock(series, spec),
    tradeFlow: spec.outputs?.tradeFlows === true ? routeBlock(series, materials, regions) : -1,
    releaseStockpiles: eventStockpiles(spec).map((stockpile) => stockpile.index),
  };
  for (const key of series) if (key.metric === 'publicShortfall' || key.metric === 'publicDemand' || key.metric === 'importReliance') key.region = home;
  for (const key of series) if (key.metric.startsWith('governmentSpending') || key.metric.startsWith('governmentNetSpending') || key.metric === 'governmentTariffRevenue') key.region = home;
  for (const key of series) if (key.metric === 'foreignActorSpending' || key.metric === 'actorPriceWar' || key.metric === 'actorRetaliation') key.region = spec.foreignActor.region;
  const summaries: SeriesKey[] = [];
  for (const material of materials) {
    for (const stage of TRADED) for (const region of regions) summaries.push({ metric: 'peakPriceMultiple', material, stage, region, unit: 'x base' });
    for (const stage of TRADED) for (const region of regions) summaries.push({ metric: 'timeToPeakWeeks', material, stage, region, unit: 'weeks' });
    for (const stage of TRADED) for (const region of regions) summaries.push({ metric: 'troughPriceMultiple', material, stage, region, unit: 'x base' });
    for (const region of regions) {
      summaries.push({ metric: 'cumulativeShortfall', material, stage: 'endUse', region, unit: 't' });
      summaries.push({ metric: 'maxShortfallShare', material, stage: 'endUse', region, unit: 'share' });
      summaries.push({ metric: 'shortfallWeeks', material, stage: 'endUse', region, unit: 'weeks' });
      summaries.push({ metric: 'timeToRecoveryWeeks', material, stage: 'endUse', region, unit: 'weeks' });
      summaries.push({ metric: 'severeShortfallWeeks', material, stage: 'endUse', region, unit: 'weeks' });
      summaries.push({ metric: 'longestSevereShortfallWeeks', material, stage: 'endUse', region, unit: 'weeks' });
      summaries.push({ metric: 'cumulativeConsumption', material, stage: 'endUse', region, unit: 't' });
    }
    for (const stage of CAPACITY) summaries.push({ metric: 'finalSecureSupplyShare', material, stage, region: '', unit: 'x home demand' });
  }
  summaries.push({ metric: 'policyCost', material: '', stage: '', region: home, unit: 'USD' });
  summaries.push({ metric: 'netPolicyCost', material: '', stage: '', region: home, unit: 'USD' });
  summaries.push({ metric: 'foreignActorCost', material: '', stage: '', region: spec.foreignActor.region, unit: 'USD' });
  for (const material of materials) summaries.push({ metric: 'materialPolicyCost', material, stage: '', region: home, unit: 'USD' });
  for (const material of materials) summaries.push({ metric: 'materialNetPolicyCost', material, stage: '', region: home, unit: 'USD' });
  for (const material of materials) {
    for (const stage of TRADED) summaries.push({ metric: 'actorPriceWarWeeks', material, stage, region: spec.foreignActor.region, unit: 'weeks' });
    summaries.push({ metric: 'actorRetaliationWeeks', material, stage: 'processing', region: spec.foreignActor.region, unit: 'weeks' });
    for (const stage of CAPACITY) summaries.push({ metric: 'actorCyberattacks', material, stage, region: '', unit: 'count' });
  }
  summaries.push({ metric: 'tariffRevenue', material: '', stage: '', region: home, unit: 'USD' });
  for (const policy of reversiblePolicies(spec)) summaries.push({ ...policy.key, metric: 'policyReversed' });
  // Added after the others (session 14), so every earlier summary keeps its index.
  for (const material of materials) for (const stage of CAPACITY) summaries.push({ metric: 'meanSecureSupplyShare', material, stage, region: '', unit: 'x home demand' });
  // Added in session 22, after every earlier summary.
  for (const quota of exportQuotas(spec)) summaries.push({ ...quota.key, metric: 'exportQuotaWeeksInForce', unit: 'weeks' });
  for (const quota of exportQuotas(spec)) summaries.push({ ...quota.key, metric: 'exportQuotaWeeksBinding', unit: 'weeks' });
  for (const quota of exportQuotas(spec)) summaries.push({ ...quota.key, metric: 'exportQuotaAllowedTonnes', unit: 't' });
  // Added in session 23, after every earlier summary.
  for (const quota of exportQuotas(spec)) summaries.push({ ...quota.key, metric: 'exportQuotaRentUsd', unit: 'USD' });
  // Added in session 30, after every earlier summary: what each stockpile sold over the run, by the trigger of its offers.
  for (const metric of STOCKPILE_RELEASE_METRICS) for (const stockpile of eventStockpiles(spec)) summaries.push({ ...stockpile.key, metric });
  // Added in session 31, after every earlier summary: the home region's public (defence) end users per material.
  for (const material of materials) {
    summaries.push({ metric: 'cumulativePublicShortfall', material, stage: 'endUse', region: home, unit: 't' });
    summaries.push({ metric: 'publicShortfallWeeks', material, stage: 'endUse', region: home, unit: 'weeks' });
    summaries.push({ metric: 'maxPublicShortfallShare', material, stage: 'endUse', region: home, unit: 'share' });
  }
  const ticks = Math.round(spec.years * spec.ticksPerYear);
  return { layout: { ticks, ticksPerYear: spec.ticksPerYear, startYear: spec.startYear, series, summaries }, offsets };
}

/**
 * The summary metrics of what a stockpile sold over the run, t, by the trigger of its offers, in the
 * order of the trigger codes 1…3 (world.ts: RELEASE_ON_SHORTAGE, RELEASE_ON_PRICE_SPIKE, STEADY_RELEASE): on its region's shortage, into a price
 * spike (daysOfConsumption), by the `release` doctrine's steady sale. Their sum is all it sold.
 */
export const STOCKPILE_RELEASE_METRICS = ['stockpileShortageReleaseTonnes', 'stockpilePriceSpikeReleaseTonnes', 'stockpileSteadyReleaseTonnes'] as const;

/** A stockpile some stockpile event of the scenario acts on: its index form·M·R + m·R + r and its summaries' key (metric left to fill). */
export interface EventStockpile {
  index: number;
  key: SeriesKey;
}

/**
 * The stockpiles the scenario's stockpile events act on (two events on one material, region and form
 * share one stockpile), in index order (form·M·R + m·R + r: refined ones first), each with the key
 * of its release summaries: material, stage `processing` (refined) or `manufacturing` (components) as
 * the `stockpile` series, region id, unit t.
 */
export function eventStockpiles(spec: ScenarioSpec): EventStockpile[] {
  const M = spec.materials.length;
  const R = spec.regions.length;
  const found = new Map<number, EventStockpile>();
  for (const event of spec.events) {
    if (event.kind !== 'stockpile') continue;
    const m = spec.materials.findIndex((x) => x.id === event.material);
    const r = spec.regions.findIndex((x) => x.id === event.region);
    const form = stockpileForm(event.stage);
    if (m < 0 || r < 0 || form >= STOCKPILE_FORMS) continue;
    const index = form * M * R + m * R + r;
    found.set(index, { index, key: { metric: '', material: event.material, stage: form === 1 ? 'manufacturing' : 'processing', region: event.region, unit: 't' } });
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}

/** A policy an election may reverse: its index in `spec.events` and its series key (metric left to fill). */
export interface ReversiblePolicy {
  event: number;
  key: SeriesKey;
}

/**
 * The scenario's events that an election may reverse (`reversible`, by default the home
 * government's own policies: compileEvents.ts), in event order, each with the key its series and summary carry: the
 * event's material and stage where it names one, its id in the region field (`event<n>`, 1-based,
 * for an event without an id) and unit `share` (1/0 per run, so a mean is a share of runs).
 */
export function reversiblePolicies(spec: ScenarioSpec): ReversiblePolicy[] {
  const policies: ReversiblePolicy[] = [];
  spec.events.forEach((event, e) => {
    if (!(event.reversible ?? isReversibleByDefault(event, spec.government.region))) return;
    const named = event as { material?: unknown; stage?: unknown };
    const material = typeof named.material === 'string' ? named.material : '';
    const stage = typeof named.stage === 'string' ? named.stage : '';
    policies.push({ event: e, key: { metric: '', material, stage, region: event.id ?? `event${e + 1}`, unit: 'share' } });
  });
  return policies;
}

/** An export quota: its index in `spec.events` and its series key (metric left to fill), as a reversible policy's. */
export type ExportQuota = ReversiblePolicy;

/**
 * The scenario's export quotas (`exportControl` events in `quota` mode), in event order, each with
 * the key its series and summaries carry: the event's material and stage, its id in the region field
 * (`event<n>`, 1-based, for an event without an id; the exporter is the event's), unit `share`.
 */
export function exportQuotas(spec: ScenarioSpec): ExportQuota[] {
  const quotas: ExportQuota[] = [];
  spec.events.forEach((event, e) => {
    if (event.kind !== 'exportControl' || event.mode !== 'quota') return;
    quotas.push({ event: e, key: { metric: '', material: event.material, stage: event.stage, region: event.id ?? `event${e + 1}`, unit: 'share' } });
  });
  return quotas;
}

/** Appends one series per export quota under `metric` (unit `share` unless given); returns the index of the first. */
function quotaBlock(series: SeriesKey[], spec: ScenarioSpec, metric: string, unit = 'share'): number {
  const start = series.length;
  for (const quota of exportQuotas(spec)) series.push({ ...quota.key, metric, unit });
  return start;
}

/**
 * The scenario's export controls that list `destinations` (any mode), in event order, each with the
 * key of its `exportsToDestinations` series: the event's material and stage, its id in the region
 * field (`event<n>`, 1-based, for an event without an id), unit t/week.
 */
export function destinationControls(spec: ScenarioSpec): ExportQuota[] {
  const controls: ExportQuota[] = [];
  spec.events.forEach((event, e) => {
    if (event.kind !== 'exportControl' || event.destinations === undefined) return;
    controls.push({ event: e, key: { metric: 'exportsToDestinations', material: event.material, stage: event.stage, region: event.id ?? `event${e + 1}`, unit: 't/week' } });
  });
  return controls;
}

/** Appends the `exportsToDestinations` series, one per {@link destinationControls}; returns the index of the first. */
function destinationBlock(series: SeriesKey[], spec: ScenarioSpec): number {
  const start = series.length;
  for (const control of destinationControls(spec)) series.push({ ...control.key });
  return start;
}

/** Appends one series per reversible policy under `metric`; returns the index of the first. */
function policyBlock(series: SeriesKey[], spec: ScenarioSpec, metric: string): number {
  const start = series.length;
  for (const policy of reversiblePolicies(spec)) series.push({ ...policy.key, metric });
  return start;
}

/**
 * Appends the `tradeFlow` series: per material, traded stage, origin and destination (origin ≠
 * destination, in region order), the route named `origin>destination` in the region field.
 * @returns the index of the first
 */
function routeBlock(series: SeriesKey[], materials: string[], regions: string[]): number {
  const start = series.length;
  for (const material of materials) {
    for (const stage of TRADED) {
      for (const origin of regions) {
        for (const destination of regions) {
          if (destination !== origin) series.push({ metric: 'tradeFlow', material, stage, region: `${origin}>${destination}`, unit: 't/week' });
        }
      }
    }
  }
  return start;
}
