import { join } from 'node:path';
import { locateCsvColumns } from './locateCsvColumns.ts';
import { readCsvLines } from './readCsvLines.ts';
import { ReportInputError } from './reportInputError.ts';
import { fileExists } from './fileExists.ts';

/** One run's stockpile of one material: when it first released (NaN: never) and how much over the run. */
export interface RunRelease {
  /** Calendar year of the middle of the first month the stock fell; NaN when it never fell. */
  firstReleaseYear: number;
  /** `YYYY-MM` of that month, '' when it never fell. */
  firstReleasePeriod: string;
  releasedTonnes: number;
  peakHeldTonnes: number;
  /**
   * What the stockpile sold over the run by the trigger of its offers (t, tick by tick: shortage, price
   * spike, steady release; NaN where the file leaves it empty); absent in a file written before these columns.
   */
  soldByTrigger?: SoldByTrigger;
}

/** A run's stockpile sales by trigger, t (stockpile-releases.csv's shortageReleaseTonnes, priceSpikeReleaseTonnes, steadyReleaseTonnes). */
export interface SoldByTrigger {
  shortage: number;
  priceSpike: number;
  steady: number;
}

/** Per strategy (file label), per material, one entry per run in replicate order. */
export type StockpileReleases = Map<string, Map<string, RunRelease[]>>;

const COLUMNS = ['strategy', 'material', 'replicate', 'peakHeldTonnes', 'firstReleasePeriod', 'firstReleaseYear', 'releasedTonnes'] as const;
/** The by-trigger columns, read when the file has all three (a compare from before session 30 has none). */
const TRIGGER_COLUMNS = ['shortageReleaseTonnes', 'priceSpikeReleaseTonnes', 'steadyReleaseTonnes'] as const;

/**
 * Reads a compare folder's `stockpile-releases.csv` (per strategy holding a stockpile, material and
 * replicate: when the stock first fell, how much it released and, in a file that has them, what it
 * sold by trigger; computeStockpileReleases.ts).
 *
 * @param dir - The output folder.
 * @returns The runs, or undefined when the folder has no such file (an older compare, or no stockpile).
 * @throws ReportInputError when the header lacks a column, a row is damaged or a number is not one.
 * @example
 * (await readStockpileReleases('/tmp/cmp'))?.get('mitigation-stockpile-60d')?.get('ndpr')?.length; // 20
 */
export async function readStockpileReleases(dir: string): Promise<StockpileReleases | undefined> {
  const path = join(dir, 'stockpile-releases.csv');
  if (!(await fileExists(path))) return undefined;
  const rows = new Map<string, Map<string, Array<[number, RunRelease]>>>();
  let at: number[] = [];
  let triggersAt: number[] | undefined;
  await readCsvLines(path, (header) => {
    triggersAt = locateCsvColumns(header, TRIGGER_COLUMNS);
    return (at = locateCsvColumns(header, COLUMNS) ?? []).length > 0;
  }, (fields, line) => {
    const [strategy, material, replicate, peak, period, year, released] = at.map((i) => fields[i]);
    // A damaged value is said, not read as "never released".
    const number = (text: string, column: string, empty: boolean): number => {
      if (text === '' && empty) return NaN;
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) throw new ReportInputError(`${path}:${line}: ${column}: expected a number${empty ? ' or nothing' : ''}, found "${text}" (a damaged file? write the folder again)`);
      return value;
    };
    number(replicate, 'replicate', false);
    const byMaterial = rows.get(strategy) ?? new Map<string, Array<[number, RunRelease]>>();
    rows.set(strategy, byMaterial);
    const list = byMaterial.get(material) ?? [];
    byMaterial.set(material, list);
    const run: RunRelease = { firstReleaseYear: number(year, 'firstReleaseYear', true), firstReleasePeriod: period, releasedTonnes: number(released, 'releasedTonnes', false), peakHeldTonnes: number(peak, 'peakHeldTonnes', false) };
    if (triggersAt !== undefined) {
      const [shortage, priceSpike, steady] = triggersAt.map((i, k) => number(fields[i] ?? '', TRIGGER_COLUMNS[k], true));
      run.soldByTrigger = { shortage, priceSpike, steady };
    }
    list.push([Number(replicate), run]);
  });
  const out: StockpileReleases = new Map();
  for (const [strategy, byMaterial] of rows) {
    out.set(strategy, new Map([...byMaterial].map(([material, list]) => [material, list.sort((a, b) => a[0] - b[0]).map(([, run]) => run)])));
  }
  return out;
}
