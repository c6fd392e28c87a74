import type { World } from '../world/world.ts';
import { ALLY, HOME } from '../world/world.ts';
import type { SeriesOffsets } from './resultLayout.ts';
import { SHORTFALL_THRESHOLD_SHARE } from './computeSummaries.ts';

/** Where the recorder writes: the replicate's series buffer and the block offsets. */
export interface Recorder {
  readonly series: Float64Array;
  readonly offsets: SeriesOffsets;
  readonly ticks: number;
  /**
   * Per material, what the home region's public (defence) end users went through, tallied tick by
   * tick (series.csv records their shortfall but not their demand): `[m]` the ticks on which their
   * shortfall was above {@link SHORTFALL_THRESHOLD_SHARE} of their demand (the end users' `short`),
   * `[M + m]` the largest share of their demand they went without. Read by computeSummaries.
   */
  readonly publicTally: Float64Array;
}

/** Allocates a recorder for a world with `seriesCount` series. */
export function createRecorder(world: World, seriesCount: number, offsets: SeriesOffsets): Recorder {
  return { series: new Float64Array(seriesCount * world.ticks), offsets, ticks: world.ticks, publicTally: new Float64Array(2 * world.materials) };
}

/** Writes one value of series `index` at `tick` (series-major: T values per series); a function, not a per-tick closure. */
function put(series: Float64Array, T: number, tick: number, index: number, value: number): void {
  series[index * T + tick] = value;
}

/** Phase 13: writes this tick's values of every series (see resultLayout for the list and units). */
export function recordTick(world: World, recorder: Recorder): void {
  const { markets, flows, regions: R, materials: M, tick } = world;
  // Sums over each cell's firms, kept by settleAccounts and exits (no pass over the firms here).
  const { capacityTonnesPerTick: capacity, stockTonnes: stock, expectedSalesTonnesPerTick: sales, firms } = world.firmTotals;
  const o = recorder.offsets;
  const T = recorder.ticks;
  const ticksPerWeek = world.ticksPerYear / 52;
  const series = recorder.series;
  const home = world.government.region;
  for (let m = 0; m < M; m++) {
    for (let k = 0; k < 3; k++) {
      for (let r = 0; r < R; r++) {
        const s = (m * 3 + k) * R + r;
        const i = (m * 3 + k) * R + r;
        put(series, T, tick, o.price + i, markets.priceUsdPerTonne[s]);
        put(series, T, tick, o.exports + i, markets.exportedTonnes[s] * ticksPerWeek);
        put(series, T, tick, o.imports + i, markets.arrivedTonnes[s] * ticksPerWeek);
        put(series, T, tick, o.demand + i, flows.demandTonnes[(k * M + m) * R + r] * ticksPerWeek);
        put(series, T, tick, o.consumption + i, flows.deliveredTonnes[(k * M + m) * R + r] * ticksPerWeek);
        put(series, T, tick, o.shortfall + i, Math.max(0, flows.unmetTonnes[(k * M + m) * R + r]) * ticksPerWeek);
      }
      const sHome = (m * 3 + k) * R + home;
      const homeDemand = markets.localBidTonnes[sHome] + markets.publicBidTonnes[sHome] + markets.stockpileBidTonnes[sHome];
      put(series, T, tick, o.importReliance + m * 3 + k, homeDemand > 0 ? Math.min(1, markets.arrivedTonnes[sHome] / homeDemand) : 0);
    }
    const publicUnmet = flows.publicUnmetTonnes[m * R + home] * ticksPerWeek;
    put(series, T, tick, o.publicShortfall + m, publicUnmet);
    // As computeSummaries reads the end users' shortfall share: both in t/week, 0 without demand.
    const publicDemand = markets.publicBidTonnes[(m * 3 + 2) * R + home] * ticksPerWeek;
    put(series, T, tick, o.publicDemand + m, publicDemand);
    const publicShare = publicDemand > 0 ? publicUnmet / publicDemand : 0;
    if (publicShare > SHORTFALL_THRESHOLD_SHARE) recorder.publicTally[m]++;
    if (publicShare > recorder.publicTally[M + m]) recorder.publicTally[M + m] = publicShare;
    for (let k = 0; k < 3; k++) {
      for (let r = 0; r < R; r++) put(series, T, tick, o.homeImportsByOrigin + (m * 3 + k) * R + r, markets.tradeTonnes[((m * 3 + k) * R + r) * R + home] * ticksPerWeek);
    }
    if (o.tradeFlow >= 0) recordTradeFlows(world, recorder, m, ticksPerWeek);
    const homeEndUseYearly = flows.demandTonnes[(2 * M + m) * R + home] * world.ticksPerYear;
    for (let stage = 0; stage < 4; stage++) {
      let total = 0;
      let secure = 0;
      let squares = 0;
      for (let r = 0; r < R; r++) {
        const sc = (stage * M + m) * R + r;
        const i = (m * 4 + stage) * R + r;
        const capacityYearly = capacity[sc] * world.ticksPerYear;
        put(series, T, tick, o.production + i, flows.productionTonnes[sc] * ticksPerWeek);
        put(series, T, tick, o.capacity + i, capacityYearly);
        put(series, T, tick, o.inventoryDays + i, sales[sc] > 0 ? (stock[sc] / sales[sc]) * (365 / world.ticksPerYear) : 0);
        total += capacityYearly;
        const alignment = world.regionState.alignment[r];
        if (alignment === HOME || alignment === ALLY) secure += capacityYearly;
      }
      for (let r = 0; r < R; r++) {
        const share = total > 0 ? (capacity[(stage * M + m) * R + r] * world.ticksPerYear) / total : 0;
        squares += share * share;
      }
      put(series, T, tick, o.hhi + m * 4 + stage, squares * 10000);
      let profit = 0;
      for (let r = 0; r < R; r++) profit += flows.profitUsd[(stage * M + m) * R + r];
      put(series, T, tick, o.profit + m * 4 + stage, profit * ticksPerWeek);
      put(series, T, tick, o.secureSupplyShare + m * 4 + stage, homeEndUseYearly > 0 ? secure / homeEndUseYearly : 0);
    }
    for (let r = 0; r < R; r++) {
      put(series, T, tick, o.stockpile + (m * 2) * R + r, world.chain.stockpileTonnes[m * R + r]); // refined
      put(series, T, tick, o.stockpile + (m * 2 + 1) * R + r, world.chain.stockpileTonnes[(M + m) * R + r]); // components
      put(series, T, tick, o.intensity + m * R + r, world.chain.intensity[m * R + r]);
    }
  }
  put(series, T, tick, o.governmentSpending, world.government.spendingUsdThisTick * ticksPerWeek);
  put(series, T, tick, o.governmentNetSpending, (world.government.spendingUsdThisTick - world.government.stockpileCreditUsdThisTick) * ticksPerWeek);
  for (let m = 0; m < M; m++) {
    const spent = world.government.spendingByMaterialUsdThisTick[m];
    put(series, T, tick, o.governmentSpendingByMaterial + m, spent * ticksPerWeek);
    put(series, T, tick, o.governmentNetSpendingByMaterial + m, (spent - world.government.stockpileCreditByMaterialUsdThisTick[m]) * ticksPerWeek);
  }
  put(series, T, tick, o.foreignActorSpending, world.foreignActor.spendingUsdThisTick * ticksPerWeek);
  put(series, T, tick, o.governmentTariffRevenue, world.government.tariffRevenueUsdThisTick * ticksPerWeek);
  recordActorActions(world, recorder, ticksPerWeek);
  recordPolicies(world, recorder);
  recordExportQuotas(world, recorder);
  recordExportsToDestinations(world, recorder);
  for (let stage = 0; stage < 4; stage++) {
    for (let r = 0; r < R; r++) {
      let count = 0;
      for (let m = 0; m < M; m++) count += firms[(stage * M + m) * R + r];
      put(series, T, tick, o.firms + stage * R + r, count);
      put(series, T, tick, o.entries + stage * R + r, world.entries[stage * R + r] * ticksPerWeek);
      put(series, T, tick, o.exits + stage * R + r, world.exits[stage * R + r] * ticksPerWeek);
    }
  }
}

/**
 * The foreign actor's rule-driven actions this tick, per material: price war in force per market (its
 * cut on the actor's segment carries event index −2; a scripted cut there takes its place and is not
 * counted), retaliation in force (1/0), and rule-driven cyberattacks launched per capacity stage, count/week.
 */
function recordActorActions(world: World, recorder: Recorder, ticksPerWeek: number): void {
  const { materials: M, regions: R, foreignActor: actor, effective: p } = world;
  const { offsets: o, series, ticks: T } = recorder;
  const tick = world.tick;
  for (let m = 0; m < M; m++) {
    for (let k = 0; k < 3; k++) {
      const s = (m * 3 + k) * R + actor.region;
      put(series, T, tick, o.actorPriceWar + m * 3 + k, p.priceCutEvent[s] === -2 || p.leadershipCutEvent[s] === -2 ? 1 : 0);
    }
    put(series, T, tick, o.actorRetaliation + m, actor.retaliationInForce[m]);
    for (let stage = 0; stage < 4; stage++) put(series, T, tick, o.actorCyberattacks + m * 4 + stage, actor.cyberattacksThisTick[stage * M + m] * ticksPerWeek);
  }
}

/**
 * Per reversible policy (resultLayout's reversiblePolicies order: the reversible events in event
 * order): in force this tick (`eventState.inForce`, set by applyEvents: an election reverses after
 * this tick's parameters were set, so a reversed policy is in force in the election's tick and not
 * after; a lapsed instrument is not) and reversed by an election by now, 1/0 each.
 */
function recordPolicies(world: World, recorder: Recorder): void {
  const { events, eventState, tick } = world;
  const { offsets: o, series, ticks: T } = recorder;
  let i = 0;
  for (let e = 0; e < events.length; e++) {
    if (!events[e].reversible) continue;
    put(series, T, tick, o.policyInForce + i, eventState.inForce[e]);
    put(series, T, tick, o.policyReversed + i, eventState.reversedAtTick[e] >= 0 ? 1 : 0);
    i++;
  }
}

/**
 * Per export quota (resultLayout's exportQuotas order: `exportControl` events in `quota` mode, in
 * event order): in force this tick and binding (in force, and its segment's quota held shipments
 * below what the exporter's offers allowed: `markets.quotaBinding`, set by shipGoods), 1/0 each, and
 * its ceiling while in force, t/week, and the quota rent its buyers paid, USD/week.
 * Two quotas on one segment (say, for different destinations) bind together.
 */
function recordExportQuotas(world: World, recorder: Recorder): void {
  const { events, eventState, tick, regions: R } = world;
  const ticksPerWeek = world.ticksPerYear / 52;
  const { offsets: o, series, ticks: T } = recorder;
  let i = 0;
  for (let e = 0; e < events.length; e++) {
    const event = events[e].spec;
    if (event.kind !== 'exportControl' || event.mode !== 'quota') continue;
    const at = events[e].at;
    const inForce = eventState.inForce[e];
    put(series, T, tick, o.exportQuotaInForce + i, inForce);
    put(series, T, tick, o.exportQuotaBinding + i, inForce === 1 ? world.markets.quotaBinding[(at.material * 3 + at.tradedStage) * R + at.region] : 0);
    // The event's own ceiling (the segment's is the smallest of its quotas'), fixed when it started.
    put(series, T, tick, o.exportQuotaCeiling + i, inForce === 1 ? eventState.quotaTonnesPerTick[e] * ticksPerWeek : 0);
    // What its buyers paid for licences this tick (the segment's: two quotas on one segment show the same).
    put(series, T, tick, o.exportQuotaRent + i, world.markets.quotaRentUsd[(at.material * 3 + at.tradedStage) * R + at.region] * ticksPerWeek);
    i++;
  }
}

/**
 * Per export control that lists destinations (resultLayout's destinationControls order), its exporter's
 * shipments of its material and stage to them this tick, t/week (the exporter itself, if listed, left
 * out: the engine ignores it), summed in region order as `tradeFlow` would give them.
 */
function recordExportsToDestinations(world: World, recorder: Recorder): void {
  const { events, regions: R, tick } = world;
  const trade = world.markets.tradeTonnes;
  const ticksPerWeek = world.ticksPerYear / 52;
  let i = recorder.offsets.exportsToDestinations;
  for (let e = 0; e < events.length; e++) {
    const event = events[e].spec;
    if (event.kind !== 'exportControl' || event.destinations === undefined) continue;
    const at = events[e].at;
    const route = ((at.material * 3 + at.tradedStage) * R + at.region) * R;
    let total = 0;
    for (let d = 0; d < R; d++) if (d !== at.region && at.reaches[d] === 1) total += trade[route + d] * ticksPerWeek;
    put(recorder.series, recorder.ticks, tick, i++, total);
  }
}

/** Material m's shipments on every route, t/week: `tradeFlow` (resultLayout's routeBlock order, origin ≠ destination). */
function recordTradeFlows(world: World, recorder: Recorder, m: number, ticksPerWeek: number): void {
  const R = world.regions;
  const trade = world.markets.tradeTonnes;
  let i = recorder.offsets.tradeFlow + m * 3 * R * (R - 1);
  for (let k = 0; k < 3; k++) {
    for (let origin = 0; origin < R; origin++) {
      for (let destination = 0; destination < R; destination++) {
        if (destination === origin) continue;
        recorder.series[i++ * recorder.ticks + world.tick] = trade[((m * 3 + k) * R + origin) * R + destination] * ticksPerWeek;
      }
    }
  }
}
