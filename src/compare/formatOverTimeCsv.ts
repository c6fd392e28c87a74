import { createParquetTableWriter, type ParquetColumnSpec } from '../outputs/createParquetTableWriter.ts';
import { formatCsvField } from '../outputs/formatCsvField.ts';
import type { ParquetFileInfo } from '../outputs/writeParquetTables.ts';
import { formatCsvNumber } from '../outputs/formatCsvNumber.ts';
import type { OverTimeRow } from './computeOverTime.ts';

/** Header of `over-time.csv`. */
export const OVER_TIME_CSV_HEADER = 'strategy,material,measure,stage,region,unit,period,year,weeks,runs,median,p5,p95,meanDifference,ciLow,ciHigh,simultaneousCiLow,simultaneousCiHigh,differenceToEnd,differenceToEndCiLow,differenceToEndCiHigh';

/**
 * Formats `over-time.csv`: one tidy row per strategy, material, measure and calendar month (the
 * month's mean of each run's weekly values): `consumption` is what the home region's end users
 * receive (t/week), `price` the home price at the stage the reports quote (USD/t), `stockpile` the
 * home government's stockpile, refined and in components (t of the material). `median`, `p5`, `p95`
 * are over the strategy's runs; `meanDifference`, `ciLow`, `ciHigh` the paired difference strategy −
 * reference and its t interval for that month alone, `simultaneousCiLow`/`simultaneousCiHigh` its
 * interval for all the series' months at once (Bonferroni; empty for the reference);
 * `differenceToEnd` with `differenceToEndCiLow`/`differenceToEndCiHigh`, for consumption only, the
 * paired difference in tonnes from this month to the run's end, summed run by run, and its interval. `year` is the month's middle as a calendar
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
      ...[r.year, r.weeks, r.runs, r.median, r.p5, r.p95, r.meanDifference, r.ciLow, r.ciHigh, r.simultaneousCiLow, r.simultaneousCiHigh, r.differenceToEnd, r.differenceToEndCiLow, r.differenceToEndCiHigh].map(formatCsvNumber),
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** over-time.csv's columns, typed for Parquet: the key and period as text, `runs` a count, the rest numbers. */
const OVER_TIME_PARQUET_COLUMNS: ParquetColumnSpec[] = OVER_TIME_CSV_HEADER.split(',').map((name) => ({
  name, type: ['strategy', 'material', 'measure', 'stage', 'region', 'unit', 'period'].includes(name) ? 'STRING' : name === 'runs' ? 'INT32' : 'DOUBLE',
}));

/**
 * Writes `over-time.parquet` (`compare --format parquet`): the rows and columns of over-time.csv,
 * empty fields as null, so DuckDB, pandas (pyarrow) and R (arrow) read it typed.
 *
 * @param path - File to create.
 * @param rows - From `computeOverTime`.
 * @param info - Footer metadata (the manifest without timing, the writer).
 * @returns Resolves when the file is closed.
 * @example
 * await writeOverTimeParquet(join(dir, 'over-time.parquet'), rows, info);
 */
export async function writeOverTimeParquet(path: string, rows: readonly OverTimeRow[], info: ParquetFileInfo): Promise<void> {
  const table = createParquetTableWriter(path, OVER_TIME_PARQUET_COLUMNS, info.metadata, info.createdBy);
  try {
    if (rows.length > 0) {
      await table.append(OVER_TIME_PARQUET_COLUMNS.map(({ name, type }) => {
        const values = rows.map((row) => row[name as keyof OverTimeRow]);
        return type === 'STRING' ? values.map(String) : Float64Array.from(values as number[]);
      }));
    }
  } finally {
    await table.close();
  }
}
