/**
 * The price paths behind `impact.json`'s disruption-window peaks, taken from one replicate's series:
 * in the impact worker for the counterfactual arms, and in the main thread for the run as scripted
 * (whose series pass through it on their way to the bands, so that arm need not run again).
 */
import type { CompiledScenario, ScenarioSpec } from '../../sim-core/index.ts';

/** How many traded stages have price paths after the summaries (mining, processing, manufacturing): a count, unlike sim-core's TRADED_STAGES list. */
export const TRADED_STAGE_COUNT = 3;

/**
 * Appends to a replicate's summaries its price paths outside the foreign actor's region: for every
 * material m and traded stage k, in that order, the T values maxᵣ priceₜ(m, k, r) / base(m, k) over
 * the regions r other than the foreign actor's, the base being the replicate's own (sampled) base
 * price, as `peakPriceMultiple` divides by. The main thread takes their peaks in a window and pairs
 * them with the counterfactual's (measureDisruptionImpact.ts). Removing events changes neither the
 * material order nor the regions, so the same offsets address every arm.
 *
 * @param compiled - The scenario.
 * @param sampled - The replicate's sampled scenario (`sampleScenario`; the scenario itself when nothing is uncertain).
 * @param summaries - The replicate's summaries (copied first).
 * @param series - The replicate's series.
 * @returns summaries ++ M × 3 × T price multiples.
 * @example
 * appendPricePaths(compiled, compiled.spec, result.summaries, result.series).length; // summaries + M·3·T
 */
export function appendPricePaths(compiled: CompiledScenario, sampled: ScenarioSpec, summaries: Float64Array, series: Float64Array): Float64Array {
  const { layout, offsets, spec } = compiled;
  const T = layout.ticks;
  const R = spec.regions.length;
  const foreign = spec.regions.findIndex((region) => region.id === spec.foreignActor.region);
  const out = new Float64Array(summaries.length + spec.materials.length * TRADED_STAGE_COUNT * T).fill(-Infinity, summaries.length);
  out.set(summaries);
  let i = summaries.length;
  for (let m = 0; m < spec.materials.length; m++) {
    const prices = sampled.materials[m].basePriceUsdPerTonne;
    const bases = [prices.mining, prices.processing, prices.manufacturing];
    for (let k = 0; k < TRADED_STAGE_COUNT; k++, i += T) {
      for (let r = 0; r < R; r++) {
        if (r === foreign) continue;
        const row = (offsets.price + (m * 3 + k) * R + r) * T;
        for (let t = 0; t < T; t++) out[i + t] = Math.max(out[i + t], series[row + t] / bases[k]);
      }
    }
  }
  return out;
}
