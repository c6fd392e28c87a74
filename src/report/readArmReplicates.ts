import { join } from 'node:path';
import { locateCsvColumns } from './locateCsvColumns.ts';
import { readCsvLines } from './readCsvLines.ts';
import type { ReplicateValues } from './readReplicatesCsv.ts';
import { fileExists } from './fileExists.ts';

const COLUMNS = ['arm', 'replicate', 'metric', 'material', 'stage', 'region', 'value'] as const;

/**
 * Reads a compare folder's `replicates.csv` (`arm,replicate,metric,material,stage,region,unit,value`)
 * keeping only the metrics `wanted` accepts, per arm (file label) and metric id, each array in
 * replicate order: unlike `readReplicatesCsv`, which is for a run folder, it keeps arms apart (two
 * arms share ids such as `policyReversed.dy.processing.usStockpileDy`).
 *
 * @param dir - The compare output folder.
 * @param wanted - Whether to keep a metric (its first id part, e.g. `policyReversed`).
 * @returns The values, or undefined without replicates.csv.
 * @throws ReportInputError when the header lacks a column or a row is damaged.
 * @example
 * (await readArmReplicates(dir, (m) => m === 'policyReversed'))?.get('mitigation-stockpile-60d')?.get('policyReversed.dy.processing.usStockpileDy');
 */
export async function readArmReplicates(dir: string, wanted: (metric: string) => boolean): Promise<Map<string, ReplicateValues> | undefined> {
  const path = join(dir, 'replicates.csv');
  if (!(await fileExists(path))) return undefined;
  const rows = new Map<string, Map<string, Array<[number, number]>>>();
  let at: number[] = [];
  await readCsvLines(path, (header) => (at = locateCsvColumns(header, COLUMNS) ?? []).length > 0, (fields) => {
    const [arm, replicate, metric, material, stage, region, value] = at;
    if (!wanted(fields[metric])) return;
    const id = [fields[metric], fields[material], fields[stage], fields[region]].filter((part) => part !== '').join('.');
    const byId = rows.get(fields[arm]) ?? new Map<string, Array<[number, number]>>();
    rows.set(fields[arm], byId);
    const list = byId.get(id) ?? [];
    byId.set(id, list);
    list.push([Number(fields[replicate]), fields[value] === '' ? NaN : Number(fields[value])]);
  });
  const out = new Map<string, ReplicateValues>();
  for (const [arm, byId] of rows) out.set(arm, new Map([...byId].map(([id, list]) => [id, list.sort((a, b) => a[0] - b[0]).map(([, v]) => v)])));
  return out;
}
