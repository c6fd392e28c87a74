import { access } from 'node:fs/promises';
import type { OverTimeKey } from '../compare/computeOverTime.ts';
import { join } from 'node:path';
import { locateCsvColumns } from './locateCsvColumns.ts';
import { readCsvLines } from './readCsvLines.ts';
import { ReportInputError } from './reportInputError.ts';

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
}

const TEXT_COLUMNS = ['strategy', 'material', 'measure', 'stage', 'region', 'unit', 'period'] as const;
const NUMBER_COLUMNS = ['year', 'weeks', 'runs', 'median', 'p5', 'p95', 'meanDifference', 'ciLow', 'ciHigh'] as const;

/**
 * Reads a compare folder's `over-time.csv` (src/compare/formatOverTimeCsv.ts): one entry per
 * strategy, material and measure, its months in file order. Columns are found by name.
 *
 * @param dir - The output folder.
 * @returns The series in file order (reference first), or undefined when the folder has no `over-time.csv` (a folder from before it existed).
 * @throws ReportInputError when the header lacks a column, a row is cut short or a value is not a number.
 * @example
 * (await readOverTimeCsv('/tmp/cmp'))?.filter((s) => s.measure === 'consumption');
 */
export async function readOverTimeCsv(dir: string): Promise<OverTimeSeriesData[] | undefined> {
  const path = join(dir, 'over-time.csv');
  try {
    await access(path);
  } catch {
    return undefined;
  }
  const series = new Map<string, OverTimeSeriesData>();
  let at: number[] = [];
  await readCsvLines(path, (header) => (at = locateCsvColumns(header, [...TEXT_COLUMNS, ...NUMBER_COLUMNS]) ?? []).length > 0, (fields, line) => {
    const [strategy, material, measure, stage, region, unit, period] = TEXT_COLUMNS.map((_, i) => fields[at[i]]);
    const key = JSON.stringify([strategy, material, measure]);
    let entry = series.get(key);
    if (entry === undefined) {
      entry = { strategy, material, measure, stage, region, unit, period: [], year: [], weeks: [], runs: [], median: [], p5: [], p95: [], meanDifference: [], ciLow: [], ciHigh: [] };
      series.set(key, entry);
    }
    entry.period.push(period);
    NUMBER_COLUMNS.forEach((column, i) => {
      const text = fields[at[TEXT_COLUMNS.length + i]];
      const value = text === '' ? NaN : Number(text);
      if (Number.isNaN(value) && text !== '' && text !== 'NaN') throw new ReportInputError(`${path}:${line}: ${column}: expected a number, found "${text.slice(0, 40)}" (a damaged file? write the folder again)`);
      (entry as OverTimeSeriesData)[column].push(value);
    });
  });
  return [...series.values()];
}
