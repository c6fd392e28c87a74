import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { readCsvLines } from './readCsvLines.ts';

/** Per-replicate values by metric id, each array in ascending replicate order (NaN = undefined). */
export type ReplicateValues = Map<string, number[]>;

/**
 * Reads `replicates.csv` (`replicate,metric,material,stage,region,value`) into one array of
 * values per metric id (the ids of `summary.json`), ordered by replicate index.
 *
 * @param dir - The output folder.
 * @returns The values, or undefined when the folder has no `replicates.csv`.
 * @throws ReportInputError when the header is not the documented one.
 * @example
 * (await readReplicatesCsv('/tmp/run'))?.get('shortfallWeeks.ndpr.endUse.US');
 */
export async function readReplicatesCsv(dir: string): Promise<ReplicateValues | undefined> {
  const path = join(dir, 'replicates.csv');
  try {
    await access(path);
  } catch {
    return undefined;
  }
  const rows = new Map<string, Array<[number, number]>>();
  await readCsvLines(
    path,
    (header) => header.join(',') === 'replicate,metric,material,stage,region,value',
    (fields) => {
      const id = fields.slice(1, 5).filter((part) => part !== '').join('.');
      const list = rows.get(id) ?? [];
      if (list.length === 0) rows.set(id, list);
      list.push([Number(fields[0]), fields[5] === '' ? NaN : Number(fields[5])]);
    },
  );
  const values: ReplicateValues = new Map();
  for (const [id, list] of rows) values.set(id, list.sort((a, b) => a[0] - b[0]).map(([, value]) => value));
  return values;
}
