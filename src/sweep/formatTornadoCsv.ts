import { formatCsvField } from '../outputs/formatCsvField.ts';
import { formatCsvNumber } from '../outputs/formatCsvNumber.ts';
import type { SeriesKey } from '../../sim-core/index.ts';
import { canonicalUnitOf } from './canonicalParameterValue.ts';
import type { TornadoRow } from './computeTornado.ts';

/** Header of `tornado.csv`. */
export const TORNADO_CSV_HEADER =
  'rank,parameter,rule,low,nominal,high,metric,material,stage,region,unit,meanAtLow,meanNominal,meanAtHigh,swing,ciLow,ciHigh,n,parameterUnit';

/**
 * Formats `tornado.csv`: one row per uncertain parameter, largest |swing| first. Parameter values
 * are in the scenario's canonical units (as in scenario.resolved.yaml); swing = mean paired
 * difference of the metric between the high and the low end. The metric's key is in the four
 * columns every long CSV has (`metric,material,stage,region`, a part that does not apply empty);
 * `unit` is the metric's, `parameterUnit` (last, added in session 15) that of `low`, `nominal` and `high`.
 *
 * @param metric - The output metric.
 * @param rows - From `computeTornado`.
 * @returns The file's text, LF line ends.
 * @example
 * formatTornadoCsv(run.metric, run.tornado ?? []);
 */
export function formatTornadoCsv(metric: SeriesKey, rows: readonly TornadoRow[]): string {
  const lines = [TORNADO_CSV_HEADER];
  for (const row of rows) {
    lines.push([
      String(row.rank), formatCsvField(row.parameter), row.range.rule,
      ...[row.range.low, row.nominal, row.range.high].map(formatCsvNumber),
      ...[metric.metric, metric.material, metric.stage, metric.region, metric.unit].map(formatCsvField),
      ...[row.meanAtLow, row.meanNominal, row.meanAtHigh, row.swing, row.ciLow, row.ciHigh, row.n].map(formatCsvNumber),
      formatCsvField(canonicalUnitOf(row.parameter)),
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}
