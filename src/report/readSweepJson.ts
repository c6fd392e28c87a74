import { join } from 'node:path';
import { isRecord } from './isRecord.ts';
import { readJsonFile } from './readJsonFile.ts';
import type { SweepRow, SweepTable, SweepTornadoStatus } from './readSweepCsv.ts';
import { toNumber } from './toNumber.ts';

const STATUSES: readonly SweepTornadoStatus[] = ['ran', 'off', 'noUncertainParameters'];

/**
 * Reads the grid of a sweep from `sweep.json`: `points: [{point, values: {path: value},
 * metrics: {id: {unit, n, mean, ciLow, ciHigh}}}]` (what `crm-sim sweep` writes), or rows in the
 * columns of `sweep.csv` (`{point, parameters: {…}, metric, material, stage, region, mean, ciLow,
 * ciHigh}`, bare or under `rows`/`points`/`results`). Units, where given, are kept per metric, each
 * metric's `n` per point where given (`counts`), and so
 * is a metric's `vsFirstPoint` (its paired difference from point 0) and `vsPreviousPoint` (from the
 * point before in design order) where given, and the sweep's
 * `metric` and `tornado` status where the file records them, and whether its design has a Latin hypercube.
 *
 * @param dir - The output folder.
 * @returns The table, or undefined when there is no `sweep.json` or it holds no point.
 * @throws ReportInputError when the file is not valid JSON.
 * @example
 * (await readSweepCsv(dir)) ?? (await readSweepJson(dir));
 */
export async function readSweepJson(dir: string): Promise<SweepTable | undefined> {
  const data = await readJsonFile(join(dir, 'sweep.json'));
  const list = Array.isArray(data) ? data : isRecord(data) ? [data.points, data.rows, data.results].find(Array.isArray) : undefined;
  if (list === undefined) return undefined;
  const rows: SweepRow[] = [];
  const units: Record<string, string> = {};
  const counts: Record<string, Record<string, number>> = {};
  for (const item of list.filter(isRecord)) {
    const values = isRecord(item.values) ? item.values : isRecord(item.parameters) ? item.parameters : undefined;
    if (values === undefined) continue;
    const parameters = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' || (typeof v === 'string' && v !== '' && Number.isFinite(Number(v))) ? Number(v) : String(v)]));
    const metrics: Array<[string, Record<string, unknown>]> = isRecord(item.metrics)
      ? Object.entries(item.metrics).filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
      : typeof item.metric === 'string' ? [[[item.metric, item.material, item.stage, item.region].filter((p) => typeof p === 'string' && p !== '').join('.'), item]] : [];
    for (const [metric, m] of metrics) {
      if (typeof m.unit === 'string') units[metric] = m.unit;
      const d = m.vsFirstPoint;
      const difference = isRecord(d) ? { vsFirstPoint: { meanDifference: toNumber(d.meanDifference), ciLow: toNumber(d.ciLow), ciHigh: toNumber(d.ciHigh) } } : {};
      // Written since the step table pairs neighbouring points; absent in older folders.
      const e = m.vsPreviousPoint;
      const previous = isRecord(e) ? { vsPreviousPoint: { meanDifference: toNumber(e.meanDifference), ciLow: toNumber(e.ciLow), ciHigh: toNumber(e.ciHigh) } } : {};
      const point = String(item.point ?? '');
      if (typeof m.n === 'number') (counts[metric] ??= {})[point] = m.n;
      rows.push({ point, parameters, metric, mean: toNumber(m.mean), ciLow: toNumber(m.ciLow), ciHigh: toNumber(m.ciHigh), ...difference, ...previous });
    }
  }
  if (rows.length === 0) return undefined;
  // Recorded since audit 25; absent in older folders (the report then applies the CLI's default rule).
  const metric = isRecord(data) && typeof data.metric === 'string' ? { metric: data.metric } : {};
  const status = isRecord(data) ? STATUSES.find((t) => t === data.tornado) : undefined;
  const tornado = status === undefined ? {} : { tornado: status };
  const lhs = isRecord(data) && isRecord(data.design) && 'lhs' in data.design ? { lhs: data.design.lhs !== null } : {};
  // Which parameters the hypercube draws: a grid crossed with a hypercube holds both kinds (review 25, M1).
  const ranges = isRecord(data) && isRecord(data.design) && isRecord(data.design.lhs) && Array.isArray(data.design.lhs.ranges) ? data.design.lhs.ranges : undefined;
  const drawn = ranges === undefined ? {} : { drawnParameters: ranges.filter(isRecord).map((r) => r.path).filter((p): p is string => typeof p === 'string') };
  const n = Object.keys(counts).length === 0 ? {} : { counts };
  return { parameters: [...new Set(rows.flatMap((r) => Object.keys(r.parameters)))], rows, units, ...n, ...metric, ...tornado, ...lhs, ...drawn };
}
