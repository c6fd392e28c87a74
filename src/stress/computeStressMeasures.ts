import type { ReplicateResult, ResultLayout } from '../../sim-core/index.ts';

/** Per-replicate outcomes a stress test ranks stages by. */
export interface StressMeasures {
  /** Home cumulative end-use shortfall summed over materials, t (of each material's own contained metal). */
  shortfall: Float64Array;
  /** Per material id, the home cumulative end-use shortfall, t. */
  shortfallByMaterial: Record<string, Float64Array>;
  /** Home government's policy cost, USD. */
  policyCost: Float64Array;
}

/**
 * Extracts the stress outcomes of each replicate from its summaries: the home region's
 * cumulative end-use shortfall per material and summed, and the policy cost.
 *
 * @param layout - The scenario's result layout.
 * @param results - Replicates, in order.
 * @param home - The home region id.
 * @returns One value per replicate in each array.
 * @throws Error when the layout has no policy cost for the home region.
 * @example
 * computeStressMeasures(layout, results, 'US').shortfall[0];
 */
export function computeStressMeasures(layout: ResultLayout, results: readonly ReplicateResult[], home: string): StressMeasures {
  const shortfallIndexes = layout.summaries.flatMap((key, i) =>
    key.metric === 'cumulativeShortfall' && key.stage === 'endUse' && key.region === home ? [i] : []);
  const costIndex = layout.summaries.findIndex((key) => key.metric === 'policyCost' && key.region === home);
  if (costIndex < 0) throw new Error(`computeStressMeasures: no policyCost for region ${home}`);
  const shortfall = new Float64Array(results.length);
  const policyCost = new Float64Array(results.length);
  const shortfallByMaterial: Record<string, Float64Array> = {};
  for (const i of shortfallIndexes) shortfallByMaterial[layout.summaries[i].material] = new Float64Array(results.length);
  results.forEach((result, r) => {
    for (const i of shortfallIndexes) {
      shortfallByMaterial[layout.summaries[i].material][r] = result.summaries[i];
      shortfall[r] += result.summaries[i];
    }
    policyCost[r] = result.summaries[costIndex];
  });
  return { shortfall, shortfallByMaterial, policyCost };
}
