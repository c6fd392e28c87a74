import type { OverTimeKey } from '../compare/computeOverTime.ts';
import { join } from 'node:path';
import { locateCsvColumns } from './locateCsvColumns.ts';
import { readCsvLines } from './readCsvLines.ts';
import { ReportInputError } from './reportInputError.ts';
import { studentTQuantile } from '../stats/studentTQuantile.ts';
import { fileExists } from './fileExists.ts';

/** One strategy's monthly values of one measure of a material (a compare folder's `over-time.csv`). */
export interface OverTimeSeriesData extends OverTimeKey {
  period: string[];
  year: number[];
  /** Weeks each month covers. */
  weeks: number[];
  runs: number[];
  median: number[];
  p5: number[];
  p95: number[];
  /** Paired difference strategy − reference and its interval; NaN for the reference. */
  meanDifference: number[];
  ciLow: number[];
  ciHigh: number[];
  /** The difference's interval for all the series' periods at once (Bonferroni); NaN for the reference. */
  simultaneousCiLow: number[];
  simultaneousCiHigh: number[];
  /** Consumption only: the paired difference in t from the period to the run's end and its interval; NaN otherwise and in older files. */
  differenceToEnd?: number[];
  differenceToEndCiLow?: number[];
  differenceToEndCiHigh?: number[];
}

const TEXT_COLUMNS = ['strategy', 'material', 'measure', 'stage', 'region', 'unit', 'period'] as const;
const NUMBER_COLUMNS = ['year', 'weeks', 'runs', 'median', 'p5', 'p95', 'meanDifference', 'ciLow', 'ciHigh'] as const;
/** Written since session 18; a folder from before gets them from the pointwise interval (widenToAllPeriods). */
const SIMULTANEOUS_COLUMNS = ['simultaneousCiLow', 'simultaneousCiHigh'] as const;
/** Written since session 18 too; NaN in a folder from before. */
const TO_END_COLUMNS = ['differenceToEnd', 'differenceToEndCiLow', 'differenceToEndCiHigh'] as const;

/**
 * Reads a compare folder's `over-time.csv` (src/compare/formatOverTimeCsv.ts): one entry per
 * strategy, material, measure and stage, its months in file order. Columns are found by name.
 *
 * @param dir - The output folder.
 * @returns The series in file order (reference first), or undefined when the folder has no `over-time.csv` (a folder from before it existed).
 * @throws ReportInputError when the header lacks a column, a row is cut short or a value is not a number.
 * @example
 * (await readOverTimeCsv('/tmp/cmp'))?.filter((s) => s.measure === 'consumption');
 */
export async function readOverTimeCsv(dir: string): Promise<OverTimeSeriesData[] | undefined> {
  const path = join(dir, 'over-time.csv');
  if (!(await fileExists(path))) return undefined;
  const series = new Map<string, OverTimeSeriesData>();
  let at: number[] = [];
  let simultaneousAt: number[] | undefined;
  let toEndAt: number[] | undefined;
  const locate = (header: string[]): boolean => {
    at = locateCsvColumns(header, [...TEXT_COLUMNS, ...NUMBER_COLUMNS]) ?? [];
    simultaneousAt = locateCsvColumns(header, SIMULTANEOUS_COLUMNS);
    toEndAt = locateCsvColumns(header, TO_END_COLUMNS);
    return at.length > 0;
  };
  await readCsvLines(path, locate, (fields, line) => {
    const [strategy, material, measure, stage, region, unit, period] = TEXT_COLUMNS.map((_, i) => fields[at[i]]);
    // The stage too: a material's price may be kept at more than one traded stage (refined and magnets).
    const key = JSON.stringify([strategy, material, measure, stage]);
    let entry = series.get(key);
    if (entry === undefined) {
      entry = { strategy, material, measure, stage, region, unit, period: [], year: [], weeks: [], runs: [], median: [], p5: [], p95: [], meanDifference: [], ciLow: [], ciHigh: [], simultaneousCiLow: [], simultaneousCiHigh: [], differenceToEnd: [], differenceToEndCiLow: [], differenceToEndCiHigh: [] };
      series.set(key, entry);
    }
    entry.period.push(period);
    const read = (column: string, text: string): number => {
      const value = text === '' ? NaN : Number(text);
      if (Number.isNaN(value) && text !== '' && text !== 'NaN') throw new ReportInputError(`${path}:${line}: ${column}: expected a number, found "${text.slice(0, 40)}" (a damaged file? write the folder again)`);
      return value;
    };
    NUMBER_COLUMNS.forEach((column, i) => (entry as OverTimeSeriesData)[column].push(read(column, fields[at[TEXT_COLUMNS.length + i]])));
    SIMULTANEOUS_COLUMNS.forEach((column, i) => (entry as OverTimeSeriesData)[column].push(simultaneousAt === undefined ? NaN : read(column, fields[simultaneousAt[i]])));
    TO_END_COLUMNS.forEach((column, i) => (entry as OverTimeSeriesData)[column]?.push(toEndAt === undefined ? NaN : read(column, fields[toEndAt[i]])));
  });
  const all = [...series.values()];
  if (simultaneousAt === undefined) for (const entry of all) widenToAllPeriods(entry);
  return all;
}

/**
 * For a file written before the simultaneous columns: each period's 95% t interval widened to the
 * Bonferroni interval over the series' periods, as computeOverTime computes it (the interval is
 * mean ± t(0.975, n − 1)·se, so its half-width scales by t(1 − 0.025/periods, n − 1) / t(0.975, n − 1)).
 */
function widenToAllPeriods(entry: OverTimeSeriesData): void {
  const periods = Math.max(1, entry.period.length);
  entry.meanDifference.forEach((mean, i) => {
    const df = entry.runs[i] - 1;
    const scale = df >= 1 ? studentTQuantile(1 - 0.025 / periods, df) / studentTQuantile(0.975, df) : NaN;
    entry.simultaneousCiLow[i] = mean - (mean - entry.ciLow[i]) * scale;
    entry.simultaneousCiHigh[i] = mean + (entry.ciHigh[i] - mean) * scale;
  });
}
