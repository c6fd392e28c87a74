import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { readCsvLines } from './readCsvLines.ts';

/** One row of `sweep.csv`: a grid point's parameter values and one metric's mean with its CI. */
export interface SweepRow {
  point: string;
  /** Parameter values by parameter name (numbers where they parse). */
  parameters: Record<string, number | string>;
  /** Metric id (`metric.material.stage.region`, empty parts left out). */
  metric: string;
  mean: number;
  ciLow: number;
  ciHigh: number;
}

/** `sweep.csv` as read. */
export interface SweepTable {
  /** Parameter columns, in file order. */
  parameters: string[];
  rows: SweepRow[];
  /** Unit per metric id, where the source states it (sweep.json does, sweep.csv does not). */
  units?: Record<string, string>;
}

const TAIL = ['metric', 'material', 'stage', 'region', 'mean', 'ciLow', 'ciHigh'];
/** Columns later versions add after {@link TAIL}. */
const ADDED = ['n', 'unit'];

/**
 * Reads `sweep.csv` (written by `crm-sim sweep`): columns `point`, one column per swept
 * parameter, then `metric,material,stage,region,mean,ciLow,ciHigh` (and `n,unit` since they were added).
 *
 * @param dir - The output folder.
 * @returns The table, or undefined when the folder has no `sweep.csv`.
 * @throws ReportInputError when the header does not have that shape.
 * @example
 * (await readSweepCsv(dir))?.parameters; // ['materials.ndpr.demand.growthPerYear', …]
 */
export async function readSweepCsv(dir: string): Promise<SweepTable | undefined> {
  const path = join(dir, 'sweep.csv');
  try {
    await access(path);
  } catch {
    return undefined;
  }
  let parameters: string[] = [];
  const rows: SweepRow[] = [];
  const value = (text: string): number | string => (text !== '' && Number.isFinite(Number(text)) ? Number(text) : text);
  const number = (text: string): number => (text === '' ? NaN : Number(text));
  await readCsvLines(path, (header) => {
    const end = header.slice(-ADDED.length).join(',') === ADDED.join(',') ? header.length - ADDED.length : header.length;
    parameters = header.slice(1, end - TAIL.length);
    return header[0] === 'point' && header.slice(end - TAIL.length, end).join(',') === TAIL.join(',');
  }, (fields) => {
    const p = parameters.length;
    const record: Record<string, number | string> = {};
    parameters.forEach((name, i) => { record[name] = value(fields[1 + i]); });
    rows.push({
      point: fields[0], parameters: record,
      metric: fields.slice(1 + p, 5 + p).filter((part) => part !== '').join('.'),
      mean: number(fields[5 + p]), ciLow: number(fields[6 + p]), ciHigh: number(fields[7 + p]),
    });
  });
  return { parameters, rows };
}
