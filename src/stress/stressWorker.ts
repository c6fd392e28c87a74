/**
 * Worker module of `crm-sim stress`: the engine's replicate runner, keeping each result's
 * summaries (its series are dropped, as in `summaryOnlyWorker`) followed by four values per
 * material computed here from the series (see {@link STRESS_EXTRAS_PER_MATERIAL}): the home
 * region's cumulative end-use demand (t), its end users' spending on the components they received
 * and the value of their unmet demand at the market price (USD), and the tonnes they received:
 * the denominators and the inputs of the end users' loss stress ranks stages by
 * (`computeEndUserLoss`). The layout's summaries are
 * unchanged (identical to `createReplicateRunner`'s); the extras follow them.
 */
import { type CompiledScenario, createReplicateRunner, type ReplicateResult } from '../../sim-core/index.ts';
import { createReplicateTaskHandler } from '../montecarlo/createReplicateTaskHandler.ts';

/**
 * Values appended per material: cumulative home end-use demand (t), spending (USD), unmet demand
 * at market price (USD), received (t).
 */
export const STRESS_EXTRAS_PER_MATERIAL = 4;

const NO_SERIES = new Float64Array(0);

/**
 * The stress extras of one replicate, from its series: per material, Σₜ demandₜ·Δt,
 * Σₜ priceₜ·(demandₜ − shortfallₜ)·Δt, Σₜ priceₜ·shortfallₜ·Δt and Σₜ (demandₜ − shortfallₜ)·Δt
 * at the home region's end use
 * (demand and shortfall in t/week, Δt in weeks; the price is the home manufacturing-market price
 * end users pay). The last two sum to what the whole demand costs at market prices.
 *
 * @param compiled - The scenario.
 * @param series - The replicate's series.
 * @returns STRESS_EXTRAS_PER_MATERIAL values per material, in material order.
 * @example
 * computeStressExtras(compiled, result.series);
 */
export function computeStressExtras(compiled: CompiledScenario, series: Float64Array): Float64Array {
  const { layout, offsets, spec } = compiled;
  const T = layout.ticks;
  const R = spec.regions.length;
  const home = spec.regions.findIndex((region) => region.id === spec.government.region);
  const weeksPerTick = 52 / layout.ticksPerYear;
  const out = new Float64Array(spec.materials.length * STRESS_EXTRAS_PER_MATERIAL);
  for (let m = 0; m < spec.materials.length; m++) {
    const cell = (m * 3 + 2) * R + home;
    let demand = 0;
    let spending = 0;
    let unmet = 0;
    let received = 0;
    for (let t = 0; t < T; t++) {
      const d = series[(offsets.demand + cell) * T + t];
      const s = Math.min(d, series[(offsets.shortfall + cell) * T + t]);
      const price = series[(offsets.price + cell) * T + t];
      demand += d * weeksPerTick;
      spending += price * (d - s) * weeksPerTick;
      unmet += price * s * weeksPerTick;
      received += (d - s) * weeksPerTick;
    }
    out[m * STRESS_EXTRAS_PER_MATERIAL] = demand;
    out[m * STRESS_EXTRAS_PER_MATERIAL + 1] = spending;
    out[m * STRESS_EXTRAS_PER_MATERIAL + 2] = unmet;
    out[m * STRESS_EXTRAS_PER_MATERIAL + 3] = received;
  }
  return out;
}

export default createReplicateTaskHandler<CompiledScenario>((compiled) => {
  const run = createReplicateRunner(compiled, null, { reuseSeries: true }); // the series never leaves this module
  return (masterSeed: number, replicate: number): ReplicateResult => {
    const result = run(masterSeed, replicate);
    const extras = computeStressExtras(compiled, result.series);
    const summaries = new Float64Array(result.summaries.length + extras.length);
    summaries.set(result.summaries);
    summaries.set(extras, result.summaries.length);
    return { replicate: result.replicate, series: NO_SERIES.slice(), summaries };
  };
});
