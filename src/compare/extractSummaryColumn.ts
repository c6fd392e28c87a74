import type { ReplicateResult } from '../../sim-core/index.ts';

/**
 * The values of one summary metric across replicates, in the order of `results`.
 *
 * @param results - One result per replicate.
 * @param index - Index of the metric in the layout's `summaries`.
 * @returns A fresh array: element r is `results[r].summaries[index]`.
 * @example
 * extractSummaryColumn(results, layout.summaries.findIndex((k) => k.metric === 'policyCost'));
 */
export function extractSummaryColumn(results: readonly ReplicateResult[], index: number): Float64Array {
  const column = new Float64Array(results.length);
  for (let r = 0; r < results.length; r++) column[r] = results[r].summaries[index];
  return column;
}
