import type { ResultLayout } from '../../sim-core/index.ts';
import { UsageError } from '../cli/exitCodes.ts';
import { formatMetricId } from '../outputs/formatMetricId.ts';
import { didYouMean } from '../scenario/didYouMean.ts';

/**
 * The index in `layout.summaries` of a metric named as in summary.json
 * (`cumulativeShortfall.ndpr.endUse.US`).
 *
 * @param layout - The scenario's result layout.
 * @param id - Metric id.
 * @returns The summary index.
 * @throws UsageError for an unknown id, with the closest id when one is near.
 * @example
 * resolveMetricIndex(layout, 'policyCost.US');
 */
export function resolveMetricIndex(layout: ResultLayout, id: string): number {
  const ids = layout.summaries.map(formatMetricId);
  const index = ids.indexOf(id);
  if (index >= 0) return index;
  const hint = didYouMean(id, ids);
  throw new UsageError(`--metric: no summary metric "${id}"${hint ? `; did you mean "${hint}"?` : ' (see summary.json of a run for the ids)'}`);
}
