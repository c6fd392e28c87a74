import type { ResultLayout } from '../results.ts';
import type { SeriesOffsets } from './resultLayout.ts';
import { STOCKPILE_FORMS, STOCKPILE_TRIGGERS } from '../world/world.ts';

/** Share of demand above which a week counts as short. */
export const SHORTFALL_THRESHOLD_SHARE = 0.01;
/** Share of demand above which a week counts as severely short (exceedance probabilities). */
export const SEVERE_SHORTFALL_SHARE = 0.1;

/**
 * Per-replicate summary metrics from a replicate's series, in the order of `layout.summaries`:
 * peak price multiple (over the segment's base price), time to peak and lowest price multiple per segment; cumulative shortfall, maximum shortfall share,
 * weeks short (shortfall above 1% of demand), time to recovery (weeks from the first short week
 * to the first week after the last one; NaN when never short), weeks severely short (shortfall
 * above 10% of demand), the longest run of consecutive severely short weeks and cumulative
 * consumption (what end users received: under price rationing, the quantity a disruption takes
 * shows here rather than as unmet demand) per material and region at end use;
 * final secure-supply share; policy cost (gross spending), net policy cost (spending − (stock held
 * at the end − stock held at the start) at base prices − release revenue: a stockpile still held is an
 * asset, not a cost, and a stock held from the start (`initialDays`) is charged at base prices when it
 * is sold, so selling it earns only its price above base) and foreign-actor cost; then per material
 * the part of the policy cost, gross and net, tied to it (materialPolicyCost, materialNetPolicyCost);
 * then per material the foreign actor's rule-driven actions: weeks of price war per market, weeks of
 * retaliation, and cyberattacks per capacity stage over the run (sums of their series); then the
 * duties the home government collected from its tariffs (tariffRevenue, USD: a transfer from importers,
 * not part of the policy cost); then per reversible policy whether an election reversed it during the
 * run (policyReversed, 1/0: the last tick of its series); then per material and capacity stage the
 * secure-supply share averaged over the run (meanSecureSupplyShare); then per export quota the weeks
 * it was in force (exportQuotaWeeksInForce), the weeks it bound (exportQuotaWeeksBinding) and the
 * tonnes its ceiling allowed over its weeks (exportQuotaAllowedTonnes) and the quota rent paid
 * (exportQuotaRentUsd); then per stockpile a stockpile event acts on (resultLayout's eventStockpiles)
 * the tonnes it sold over the run by the trigger of its offers: on shortage
 * (stockpileShortageReleaseTonnes), into a price spike (stockpilePriceSpikeReleaseTonnes), by steady
 * release (stockpileSteadyReleaseTonnes), read from the world's tally, not from the series; then per
 * material the home region's public (defence) end users' cumulative unmet demand
 * (cumulativePublicShortfall, t: the sum of the publicShortfall series), weeks short
 * (publicShortfallWeeks: shortfall above 1% of their demand, as shortfallWeeks) and the largest share
 * of their demand they went without (maxPublicShortfallShare), the last two from the recorder's tally.
 *
 * @param stockpileReleasedByTriggerTonnes - The world's `chain.stockpileReleasedByTriggerTonnes` at the end of the run.
 * @param publicTally - The recorder's `publicTally` at the end of the run (2 × materials values: ticks short, then largest shortfall share).
 *
 * @throws Error when the number of values written differs from `layout.summaries.length` (the writers
 * and the names in `resultLayout.ts` are out of step).
 */
export function computeSummaries(layout: ResultLayout, offsets: SeriesOffsets, series: Float64Array, basePriceUsdPerTonne: Float64Array, materials: number, regions: number, stockpileReleasedByTriggerTonnes: Float64Array, publicTally: Float64Array): Float64Array {
  const T = layout.ticks;
  const weeksPerTick = 52 / layout.ticksPerYear;
  const out = new Float64Array(layout.summaries.length);
  let i = 0;
  const at = (seriesIndex: number, t: number) => series[seriesIndex * T + t];
  for (let m = 0; m < materials; m++) {
    const peaks: number[] = [];
    const troughs: number[] = [];
    for (let k = 0; k < 3; k++) {
      for (let r = 0; r < regions; r++) {
        const index = offsets.price + (m * 3 + k) * regions + r;
        let peak = at(index, 0);
        let peakTick = 0;
        let trough = at(index, 0);
        for (let t = 1; t < T; t++) {
          if (at(index, t) > peak) { peak = at(index, t); peakTick = t; }
          if (at(index, t) < trough) trough = at(index, t);
        }
        const base = basePriceUsdPerTonne[(m * 3 + k) * regions + r];
        out[i++] = peak / base;
        peaks.push(peakTick * weeksPerTick);
        troughs.push(trough / base);
      }
    }
    for (const weeks of peaks) out[i++] = weeks;
    for (const trough of troughs) out[i++] = trough;
    for (let r = 0; r < regions; r++) {
      const short = offsets.shortfall + (m * 3 + 2) * regions + r;
      const demand = offsets.demand + (m * 3 + 2) * regions + r;
      let cumulative = 0, maxShare = 0, shortTicks = 0, first = -1, last = -1, severeTicks = 0, run = 0, longestRun = 0;
      for (let t = 0; t < T; t++) {
        const d = at(demand, t);
        const s = at(short, t);
        cumulative += s * weeksPerTick;
        const share = d > 0 ? s / d : 0;
        if (share > maxShare) maxShare = share;
        if (share > SHORTFALL_THRESHOLD_SHARE) { shortTicks++; if (first < 0) first = t; last = t; }
        if (share > SEVERE_SHORTFALL_SHARE) { severeTicks++; run++; if (run > longestRun) longestRun = run; } else run = 0;
      }
      out[i++] = cumulative;
      out[i++] = maxShare;
      out[i++] = shortTicks * weeksPerTick;
      out[i++] = first < 0 ? NaN : (last + 1 - first) * weeksPerTick;
      out[i++] = severeTicks * weeksPerTick;
      out[i++] = longestRun * weeksPerTick;
      const received = offsets.consumption + (m * 3 + 2) * regions + r;
      let consumed = 0;
      for (let t = 0; t < T; t++) consumed += at(received, t) * weeksPerTick;
      out[i++] = consumed;
    }
    for (let stage = 0; stage < 4; stage++) out[i++] = at(offsets.secureSupplyShare + m * 4 + stage, T - 1);
  }
  let policy = 0, netPolicy = 0, foreign = 0;
  for (let t = 0; t < T; t++) {
    policy += at(offsets.governmentSpending, t) * weeksPerTick;
    netPolicy += at(offsets.governmentNetSpending, t) * weeksPerTick;
    foreign += at(offsets.foreignActorSpending, t) * weeksPerTick;
  }
  out[i++] = policy;
  out[i++] = netPolicy;
  out[i++] = foreign;
  for (const offset of [offsets.governmentSpendingByMaterial, offsets.governmentNetSpendingByMaterial]) {
    for (let m = 0; m < materials; m++) {
      let cost = 0;
      for (let t = 0; t < T; t++) cost += at(offset + m, t) * weeksPerTick;
      out[i++] = cost;
    }
  }
  for (let m = 0; m < materials; m++) {
    for (const index of [offsets.actorPriceWar + m * 3, offsets.actorPriceWar + m * 3 + 1, offsets.actorPriceWar + m * 3 + 2, offsets.actorRetaliation + m]) out[i++] = sum(index) * weeksPerTick;
    for (let stage = 0; stage < 4; stage++) out[i++] = sum(offsets.actorCyberattacks + m * 4 + stage) * weeksPerTick;
  }
  out[i++] = sum(offsets.governmentTariffRevenue) * weeksPerTick;
  // One policyReversed series per reversible policy (the block after policyInForce's, of the same length).
  const policies = offsets.policyReversed - offsets.policyInForce;
  for (let p = 0; p < policies; p++) out[i++] = at(offsets.policyReversed + p, T - 1);
  // The secure-supply share averaged over the run's ticks: how covered the home region was along the
  // way, beside the last tick's figure (finalSecureSupplyShare), which plants landing in the run's last
  // months can move on their own.
  for (let m = 0; m < materials; m++) for (let stage = 0; stage < 4; stage++) out[i++] = sum(offsets.secureSupplyShare + m * 4 + stage) / T;
  // Per export quota, the weeks it was in force, then the weeks it bound (two blocks of equal length).
  const quotas = offsets.exportQuotaBinding - offsets.exportQuotaInForce;
  for (let q = 0; q < quotas; q++) out[i++] = sum(offsets.exportQuotaInForce + q) * weeksPerTick;
  for (let q = 0; q < quotas; q++) out[i++] = sum(offsets.exportQuotaBinding + q) * weeksPerTick;
  for (let q = 0; q < quotas; q++) out[i++] = sum(offsets.exportQuotaCeiling + q) * weeksPerTick;
  for (let q = 0; q < quotas; q++) out[i++] = sum(offsets.exportQuotaRent + q) * weeksPerTick;
  // Per trigger, then per stockpile: the world's tally (settleAccounts), one block per trigger.
  const stockpiles = STOCKPILE_FORMS * materials * regions;
  if (stockpileReleasedByTriggerTonnes.length !== STOCKPILE_TRIGGERS * stockpiles) throw new Error(`computeSummaries: the stockpile release tally holds ${stockpileReleasedByTriggerTonnes.length} values, expected ${STOCKPILE_TRIGGERS * stockpiles}`);
  for (let trigger = 0; trigger < STOCKPILE_TRIGGERS; trigger++) {
    for (const index of offsets.releaseStockpiles) out[i++] = stockpileReleasedByTriggerTonnes[trigger * stockpiles + index];
  }
  // Per material, the home region's public (defence) end users (added after every earlier summary).
  if (publicTally.length !== 2 * materials) throw new Error(`computeSummaries: the public shortfall tally holds ${publicTally.length} values, expected ${2 * materials}`);
  for (let m = 0; m < materials; m++) {
    out[i++] = sum(offsets.publicShortfall + m) * weeksPerTick;
    out[i++] = publicTally[m] * weeksPerTick;
    out[i++] = publicTally[materials + m];
  }
  // The writers above must match the names createResultLayout pushed, one for one and in order: a
  // missing writer would shift later values onto the wrong names, an extra one would be dropped silently.
  if (i !== out.length) throw new Error(`computeSummaries wrote ${i} summary values but the layout names ${out.length} summaries: the writers here and the summary names in resultLayout.ts are out of step`);
  return out;

  function sum(seriesIndex: number): number {
    let total = 0;
    for (let t = 0; t < T; t++) total += at(seriesIndex, t);
    return total;
  }
}
