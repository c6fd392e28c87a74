import type { SeriesKey } from '../../sim-core/index.ts';

/**
 * Identifier of a metric in `summary.json`: the metric followed by its non-empty dimensions
 * (material, stage, region), joined with '.'.
 *
 * @param key - The series or summary key.
 * @returns The id, e.g. `peakPriceMultiple.ndpr.processing.US`.
 * @example
 * formatMetricId({ metric: 'shortfall', material: 'ndpr', stage: '', region: '', unit: 't' }); // 'shortfall.ndpr'
 */
export function formatMetricId(key: SeriesKey): string {
  return [key.metric, key.material, key.stage, key.region].filter((part) => part !== '').join('.');
}
