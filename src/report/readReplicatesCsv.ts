import { join } from 'node:path';
import { locateCsvColumns } from './locateCsvColumns.ts';
import { readCsvLines } from './readCsvLines.ts';
import { fileExists } from './fileExists.ts';

/** Per-replicate values by metric id, each array in ascending replicate order (NaN = undefined). */
export type ReplicateValues = Map<string, number[]>;

/** The columns {@link readReplicatesCsv} reads, found by name (files before `unit` was added lack it; it is not read). */
const COLUMNS = ['replicate', 'metric', 'material', 'stage', 'region', 'value'] as const;

/**
 * Reads `replicates.csv` (`replicate,metric,material,stage,region,unit,value`; before `unit` was
 * added, `…,region,value`: columns are found by name) into one array of values per metric id
 * (the ids of `summary.json`), ordered by replicate index.
 *
 * @param dir - The output folder.
 * @returns The values, or undefined when the folder has no `replicates.csv`.
 * @throws ReportInputError when the header lacks one of the columns read.
 * @example
 * (await readReplicatesCsv('/tmp/run'))?.get('shortfallWeeks.ndpr.endUse.US');
 */
export async function readReplicatesCsv(dir: string): Promise<ReplicateValues | undefined> {
  const path = join(dir, 'replicates.csv');
  if (!(await fileExists(path))) return undefined;
  const rows = new Map<string, Array<[number, number]>>();
  let at: number[] = [];
  await readCsvLines(
    path,
    (header) => (at = locateCsvColumns(header, COLUMNS) ?? []).length > 0,
    (fields) => {
      const [replicate, metric, material, stage, region, value] = at;
      const id = [fields[metric], fields[material], fields[stage], fields[region]].filter((part) => part !== '').join('.');
      const list = rows.get(id) ?? [];
      if (list.length === 0) rows.set(id, list);
      list.push([Number(fields[replicate]), fields[value] === '' ? NaN : Number(fields[value])]);
    },
  );
  const values: ReplicateValues = new Map();
  for (const [id, list] of rows) values.set(id, list.sort((a, b) => a[0] - b[0]).map(([, value]) => value));
  return values;
}
