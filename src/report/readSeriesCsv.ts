import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { readCsvLines } from './readCsvLines.ts';

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
}

/** Key of a series in the map {@link readSeriesCsv} returns: `metric|material|stage|region`. */
export function seriesKey(id: SeriesId): string {
  return `${id.metric}|${id.material}|${id.stage}|${id.region}`;
}

const HEADER = 'tick,year,metric,material,stage,region,mean,p5,p25,p50,p75,p95';

/**
 * Streams `series.csv` and keeps the bands of the series `keep` accepts (the file holds about a
 * thousand series; a report needs a few dozen). Empty fields (undefined) become NaN.
 *
 * @param dir - The output folder.
 * @param keep - Chooses the series to keep.
 * @returns Kept series by {@link seriesKey}, or undefined when the folder has no `series.csv`.
 * @throws ReportInputError when the header is not the documented one.
 * @example
 * await readSeriesCsv('/tmp/run', (id) => id.metric === 'price');
 */
export async function readSeriesCsv(
  dir: string,
  keep: (id: SeriesId) => boolean,
): Promise<Map<string, SeriesFan> | undefined> {
  const path = join(dir, 'series.csv');
  try {
    await access(path);
  } catch {
    return undefined;
  }
  const kept = new Map<string, SeriesFan | null>();
  const number = (text: string): number => (text === '' ? NaN : Number(text));
  await readCsvLines(path, (header) => header.join(',') === HEADER, (fields) => {
    const key = `${fields[2]}|${fields[3]}|${fields[4]}|${fields[5]}`;
    let fan = kept.get(key);
    if (fan === undefined) {
      const id = { metric: fields[2], material: fields[3], stage: fields[4], region: fields[5] };
      fan = keep(id) ? { ...id, year: [], p5: [], p25: [], p50: [], p75: [], p95: [] } : null;
      kept.set(key, fan);
    }
    if (fan === null) return;
    fan.year.push(Number(fields[1]));
    fan.p5.push(number(fields[7]));
    fan.p25.push(number(fields[8]));
    fan.p50.push(number(fields[9]));
    fan.p75.push(number(fields[10]));
    fan.p95.push(number(fields[11]));
  });
  const result = new Map<string, SeriesFan>();
  for (const [key, fan] of kept) if (fan !== null) result.set(key, fan);
  return result;
}
