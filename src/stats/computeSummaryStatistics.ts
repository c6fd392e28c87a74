import type { ReplicateResult, ResultLayout, SeriesKey } from '../../sim-core/index.ts';
import { summarizeValues, type ValueSummary } from './summarizeValues.ts';

/** The summary of one per-replicate metric across replicates, with the key that names it. */
export interface SummaryStatistic extends ValueSummary {
  key: SeriesKey;
}

/** The per-replicate summary values of one replicate: a `ReplicateResult`, or one without its series. */
export type ReplicateSummaries = Pick<ReplicateResult, 'replicate' | 'summaries'> | ReplicateResult;

/**
 * Summarizes every per-replicate summary metric of a layout across replicates.
 *
 * A pure function of the set of replicates: the order of `results` does not matter.
 *
 * @param layout - The engine's result layout.
 * @param results - One result (or its summaries) per replicate, any order.
 * @returns One entry per `layout.summaries` key, in layout order.
 * @throws Error if a result's summaries array does not match the layout.
 * @example
 * computeSummaryStatistics(layout, results)[0].p95;
 */
export function computeSummaryStatistics(
  layout: ResultLayout,
  results: readonly ReplicateSummaries[],
): SummaryStatistic[] {
  const count = layout.summaries.length;
  for (const result of results) {
    if (result.summaries.length !== count) {
      throw new Error(
        `replicate ${result.replicate}: ${result.summaries.length} summaries, layout has ${count}`,
      );
    }
  }
  const column = new Float64Array(results.length);
  return layout.summaries.map((key, index) => {
    for (let r = 0; r < results.length; r++) column[r] = results[r].summaries[index];
    return { key, ...summarizeValues(column) };
  });
}
