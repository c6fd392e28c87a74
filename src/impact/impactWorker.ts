/**
 * Worker module of the paired runs behind `impact.json`: the engine's replicate runner, keeping each
 * result's summaries (its series are dropped, as in `summaryOnlyWorker`) followed by the price paths
 * the disruption-window peak needs (see {@link appendPricePaths}). The layout's summaries are
 * unchanged (identical to `createReplicateRunner`'s); the paths follow them.
 */
import { type CompiledScenario, createReplicateRunner } from '../../sim-core/index.ts';
import type { ReplicateResult } from '../../sim-core/results.ts';
import { createReplicateTaskHandler } from '../montecarlo/createReplicateTaskHandler.ts';

/** Traded stages whose price paths follow the summaries: mining, processing, manufacturing. */
export const TRADED_STAGES = 3;

const NO_SERIES = new Float64Array(0);

/**
 * Appends to a replicate's summaries its price paths as multiples of the base price: for every
 * material m, traded stage k and region r, in that order, the T values priceₜ / base price (the
 * `price` series of (m, k, r) over the material's base price at the stage, as `peakPriceMultiple`). The main thread pairs them tick by tick with the counterfactual's
 * (measureDisruptionImpact.ts). Both arms of a pair share the layout's material and region order
 * (removing events changes neither), so the same offsets address both.
 *
 * @param compiled - The scenario.
 * @param summaries - The replicate's summaries (copied first).
 * @param series - The replicate's series.
 * @returns summaries ++ M × 3 × R × T price multiples.
 * @example
 * appendPricePaths(compiled, result.summaries, result.series).length; // summaries + M·3·R·T
 */
export function appendPricePaths(compiled: CompiledScenario, summaries: Float64Array, series: Float64Array): Float64Array {
  const { layout, offsets, spec } = compiled;
  const T = layout.ticks;
  const R = spec.regions.length;
  const out = new Float64Array(summaries.length + spec.materials.length * TRADED_STAGES * R * T);
  out.set(summaries);
  let i = summaries.length;
  for (let m = 0; m < spec.materials.length; m++) {
    const prices = spec.materials[m].basePriceUsdPerTonne;
    const bases = [prices.mining, prices.processing, prices.manufacturing]; // the denominators of peakPriceMultiple
    for (let k = 0; k < TRADED_STAGES; k++) {
      for (let r = 0; r < R; r++) {
        const cell = (m * 3 + k) * R + r;
        for (let t = 0; t < T; t++) out[i++] = series[(offsets.price + cell) * T + t] / bases[k];
      }
    }
  }
  return out;
}

export default createReplicateTaskHandler<CompiledScenario>((compiled) => {
  const run = createReplicateRunner(compiled, null, { reuseSeries: true }); // the series never leaves this module
  return (masterSeed: number, replicate: number): ReplicateResult => {
    const result = run(masterSeed, replicate);
    return { replicate: result.replicate, series: NO_SERIES.slice(), summaries: appendPricePaths(compiled, result.summaries, result.series) };
  };
});
