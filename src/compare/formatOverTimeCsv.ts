import { formatCsvField } from '../outputs/formatCsvField.ts';
import { formatCsvNumber } from '../outputs/formatCsvNumber.ts';
import type { OverTimeRow } from './computeOverTime.ts';

/** Header of `over-time.csv`. */
export const OVER_TIME_CSV_HEADER = 'strategy,material,measure,stage,region,unit,period,year,weeks,runs,median,p5,p95,meanDifference,ciLow,ciHigh';

/**
 * Formats `over-time.csv`: one tidy row per strategy, material, measure and calendar month (the
 * month's mean of each run's weekly values): `consumption` is what the home region's end users
 * receive (t/week), `price` the home price at the stage the reports quote (USD/t), `stockpile` the
 * home government's stockpile, refined and in components (t of the material). `median`, `p5`, `p95`
 * are over the strategy's runs; `meanDifference`, `ciLow`, `ciHigh` the paired difference strategy −
 * reference and its t interval (empty for the reference). `year` is the month's middle as a calendar
 * year, for plotting; `weeks` the weeks it covers (t/week × weeks = the month's tonnes, and the
 * months' tonnes add up to the run's `cumulativeConsumption`). NaN is the empty field.
 *
 * @param rows - From `computeOverTime`.
 * @returns The file's text, LF line ends.
 * @example
 * formatOverTimeCsv(rows).split('\n')[0] === OVER_TIME_CSV_HEADER; // true
 */
export function formatOverTimeCsv(rows: readonly OverTimeRow[]): string {
  const lines = [OVER_TIME_CSV_HEADER];
  for (const r of rows) {
    lines.push([
      ...[r.strategy, r.material, r.measure, r.stage, r.region, r.unit, r.period].map(formatCsvField),
      ...[r.year, r.weeks, r.runs, r.median, r.p5, r.p95, r.meanDifference, r.ciLow, r.ciHigh].map(formatCsvNumber),
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}
