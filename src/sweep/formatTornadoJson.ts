import type { SeriesKey } from '../../sim-core/index.ts';
import { formatKeyFields } from '../outputs/formatKeyFields.ts';
import { formatMetricId } from '../outputs/formatMetricId.ts';
import { canonicalUnitOf } from './canonicalParameterValue.ts';
import type { TornadoRow } from './computeTornado.ts';

/**
 * Formats `tornado.json`: `{"id", "metric", "material", "stage", "region", "unit", "masterSeed",
 * "replicates", "parameters": [{"rank",
 * "parameter", "path", "rule", "low", "nominal", "high", "meanAtLow", "meanNominal", "meanAtHigh",
 * "swing", "ciLow", "ciHigh", "n"[, "leadOverNext": {"difference", "ciLow", "ciHigh", "n"}]}]}`, largest |swing|
 * first (the first with `leadOverNext`, its |swing| less the second's, paired run by run), NaN as null; `id` is the metric id
 * as summary.json keys it, and the four key parts are null where they do not apply, as in every
 * JSON output.
 *
 * @param metric - The output metric.
 * @param rows - From `computeTornado` (empty when the scenario has no uncertain parameter).
 * @param info - Seed and replicates.
 * @returns The file's text.
 * @example
 * formatTornadoJson(run.metric, run.tornado ?? [], { masterSeed: 1, replicates: 50 });
 */
export function formatTornadoJson(metric: SeriesKey, rows: readonly TornadoRow[], info: { masterSeed: number; replicates: number }): string {
  const parameters = rows.map((row) => ({
    rank: row.rank, parameter: row.parameter, path: row.path, rule: row.range.rule,
    low: row.range.low, nominal: row.nominal, high: row.range.high, parameterUnit: canonicalUnitOf(row.parameter),
    meanAtLow: row.meanAtLow, meanNominal: row.meanNominal, meanAtHigh: row.meanAtHigh,
    swing: row.swing, ciLow: row.ciLow, ciHigh: row.ciHigh, n: row.n,
    // The first row only: its |swing| less the second's, paired run by run.
    ...(row.leadOverNext === undefined ? {} : { leadOverNext: row.leadOverNext }),
  }));
  return `${JSON.stringify({ id: formatMetricId(metric), ...formatKeyFields(metric), unit: metric.unit, ...info, parameters }, null, 2)}\n`;
}
