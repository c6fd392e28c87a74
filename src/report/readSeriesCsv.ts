import { join } from 'node:path';
import { locateCsvColumns } from './locateCsvColumns.ts';
import { readCsvLines } from './readCsvLines.ts';
import { ReportInputError } from './reportInputError.ts';
import { fileExists } from './fileExists.ts';

/** Identifies one series of `series.csv`. */
export interface SeriesId {
  metric: string;
  material: string;
  stage: string;
  region: string;
}

/** The per-tick bands of one series: parallel arrays, one entry per tick read. */
export interface SeriesFan extends SeriesId {
  year: number[];
  p5: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
  /** The mean over runs per tick (for a 0/1 series, the share of runs), when the file has a `mean` column. */
  mean?: number[];
}

/** Key of a series in the map {@link readSeriesCsv} returns: `metric|material|stage|region`. */
export function seriesKey(id: SeriesId): string {
  return `${id.metric}|${id.material}|${id.stage}|${id.region}`;
}

/** The columns {@link readSeriesCsv} reads, found by name (files before `unit` was added lack it; it is not read). */
const COLUMNS = ['year', 'metric', 'material', 'stage', 'region', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;

/**
 * Streams `series.csv` and keeps the bands (and the mean, when present) of the series `keep` accepts (the file holds about a
 * thousand series; a report needs a few dozen). Empty fields (undefined) become NaN. Columns are
 * found by name: files of every version read (`tick,year,metric,material,stage,region,unit,mean,p5,…`,
 * and before `unit` was added, `…,region,mean,p5,…`).
 *
 * @param dir - The output folder.
 * @param keep - Chooses the series to keep.
 * @returns Kept series by {@link seriesKey}, or undefined when the folder has no `series.csv`.
 * @throws ReportInputError when the header lacks one of the columns read, a row is cut short, or a kept value is not a number.
 * @example
 * await readSeriesCsv('/tmp/run', (id) => id.metric === 'price');
 */
export async function readSeriesCsv(
  dir: string,
  keep: (id: SeriesId) => boolean,
): Promise<Map<string, SeriesFan> | undefined> {
  const path = join(dir, 'series.csv');
  if (!(await fileExists(path))) return undefined;
  const kept = new Map<string, SeriesFan | null>();
  let line = 0;
  /** A field as a number: empty is NaN (no value); anything else that is not a number is a damaged file. */
  const number = (text: string, column: string): number => {
    if (text === '') return NaN;
    const value = Number(text);
    if (Number.isNaN(value) && text !== 'NaN') throw new ReportInputError(`${path}:${line}: ${column}: expected a number, found "${text.slice(0, 40)}" (a damaged file? write the folder again)`);
    return value;
  };
  let at: number[] = [];
  let meanAt = -1;
  const locate = (header: string[]): boolean => {
    meanAt = header.indexOf('mean');
    return (at = locateCsvColumns(header, COLUMNS) ?? []).length > 0;
  };
  await readCsvLines(path, locate, (fields, lineNumber) => {
    line = lineNumber;
    const [year, metric, material, stage, region, p5, p25, p50, p75, p95] = at;
    const key = `${fields[metric]}|${fields[material]}|${fields[stage]}|${fields[region]}`;
    let fan = kept.get(key);
    if (fan === undefined) {
      const id = { metric: fields[metric], material: fields[material], stage: fields[stage], region: fields[region] };
      fan = keep(id) ? { ...id, year: [], p5: [], p25: [], p50: [], p75: [], p95: [], ...(meanAt >= 0 ? { mean: [] } : {}) } : null;
      kept.set(key, fan);
    }
    if (fan === null) return;
    fan.year.push(number(fields[year], 'year'));
    fan.p5.push(number(fields[p5], 'p5'));
    fan.p25.push(number(fields[p25], 'p25'));
    fan.p50.push(number(fields[p50], 'p50'));
    fan.p75.push(number(fields[p75], 'p75'));
    fan.p95.push(number(fields[p95], 'p95'));
    fan.mean?.push(number(fields[meanAt], 'mean'));
  });
  const result = new Map<string, SeriesFan>();
  for (const [key, fan] of kept) if (fan !== null) result.set(key, fan);
  return result;
}
