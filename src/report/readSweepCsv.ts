import { join } from 'node:path';
import { readCsvLines } from './readCsvLines.ts';
import { fileExists } from './fileExists.ts';

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
  /**
   * The paired difference from point 0 (mean of per-replicate differences, 95% CI), where the file
   * gives one (`diffMean,diffCiLow,diffCiHigh` in sweep.csv, `vsFirstPoint` in sweep.json); absent
   * on point 0 and in files written before it existed.
   */
  vsFirstPoint?: { meanDifference: number; ciLow: number; ciHigh: number };
  /**
   * The paired difference from the point before it in design order (this point − point k−1), where
   * the file gives one (`prevDiffMean,prevDiffCiLow,prevDiffCiHigh` in sweep.csv, `vsPreviousPoint`
   * in sweep.json); absent on point 0 and in files written before it existed (computeSweepStep then
   * bounds the steps between later points).
   */
  vsPreviousPoint?: { meanDifference: number; ciLow: number; ciHigh: number };
}

/** `sweep.csv` as read. */
export interface SweepTable {
  /** Parameter columns, in file order. */
  parameters: string[];
  rows: SweepRow[];
  /**
   * Replicates that define each metric at each point (`n`), by metric id then point id, where the
   * file gives them (older files do not): kept beside the rows, which stay as they were.
   */
  counts?: Record<string, Record<string, number>>;
  /** Unit per metric id, where the source states it (sweep.json does, sweep.csv does not). */
  units?: Record<string, string>;
  /** The sweep's metric (`--metric` or the CLI's default), where sweep.json records it (since audit 25). */
  metric?: string;
  /** Whether the tornado ran, was turned off (`--no-tornado`) or had no uncertain parameter, where sweep.json records it. */
  tornado?: SweepTornadoStatus;
  /** The design has a Latin hypercube (`--lhs`: sweep.json's `design.lhs` is not null); undefined when the folder does not say (sweep.csv alone). */
  lhs?: boolean;
  /** The parameters the hypercube draws (`design.lhs.ranges[].path`), the others being grid values; undefined when the folder does not say. */
  drawnParameters?: string[];
}

/** sweep.json's `tornado`: it ran, `--no-tornado` turned it off, or the scenario has no uncertain parameter. */
export type SweepTornadoStatus = 'ran' | 'off' | 'noUncertainParameters';

const TAIL = ['metric', 'material', 'stage', 'region', 'mean', 'ciLow', 'ciHigh'];
/** Columns later versions add after {@link TAIL}, longest first: each version's header ends in one of these. */
const ADDED = [
  ['n', 'unit', 'diffMean', 'diffCiLow', 'diffCiHigh', 'prevDiffMean', 'prevDiffCiLow', 'prevDiffCiHigh'],
  ['n', 'unit', 'diffMean', 'diffCiLow', 'diffCiHigh'], ['n', 'unit'], [],
];

/**
 * Reads `sweep.csv` (written by `crm-sim sweep`): columns `point`, one column per swept
 * parameter, then `metric,material,stage,region,mean,ciLow,ciHigh` (and `n,unit` since they were
 * added, `n` read into `counts`; then `diffMean,diffCiLow,diffCiHigh`, the paired difference from point 0, read into `vsFirstPoint`;
 * then `prevDiffMean,prevDiffCiLow,prevDiffCiHigh`, the one from the point before in design order, read into `vsPreviousPoint`).
 *
 * @param dir - The output folder.
 * @returns The table, or undefined when the folder has no `sweep.csv`.
 * @throws ReportInputError when the header does not have that shape.
 * @example
 * (await readSweepCsv(dir))?.parameters; // ['materials.ndpr.demand.growthPerYear', …]
 */
export async function readSweepCsv(dir: string): Promise<SweepTable | undefined> {
  const path = join(dir, 'sweep.csv');
  if (!(await fileExists(path))) return undefined;
  let parameters: string[] = [];
  const rows: SweepRow[] = [];
  const value = (text: string): number | string => (text !== '' && Number.isFinite(Number(text)) ? Number(text) : text);
  const number = (text: string): number => (text === '' ? NaN : Number(text));
  let withDifference = false;
  let withPrevious = false;
  let withN = false;
  const counts: Record<string, Record<string, number>> = {};
  await readCsvLines(path, (header) => {
    const added = ADDED.find((columns) => columns.length === 0 || header.slice(-columns.length).join(',') === columns.join(',')) ?? [];
    const end = header.length - added.length;
    withDifference = added.includes('diffMean');
    withPrevious = added.includes('prevDiffMean');
    withN = added.includes('n');
    parameters = header.slice(1, end - TAIL.length);
    return header[0] === 'point' && header.slice(end - TAIL.length, end).join(',') === TAIL.join(',');
  }, (fields) => {
    const p = parameters.length;
    const record: Record<string, number | string> = {};
    parameters.forEach((name, i) => { record[name] = value(fields[1 + i]); });
    // diffMean follows n and unit; empty on point 0, which is the reference.
    const difference = withDifference && fields[10 + p] !== '' ? {
      vsFirstPoint: { meanDifference: number(fields[10 + p]), ciLow: number(fields[11 + p]), ciHigh: number(fields[12 + p]) },
    } : {};
    // prevDiffMean follows the diff… columns; empty on point 0 too.
    const previous = withPrevious && fields[13 + p] !== '' ? {
      vsPreviousPoint: { meanDifference: number(fields[13 + p]), ciLow: number(fields[14 + p]), ciHigh: number(fields[15 + p]) },
    } : {};
    const metric = fields.slice(1 + p, 5 + p).filter((part) => part !== '').join('.');
    rows.push({ point: fields[0], parameters: record, metric, mean: number(fields[5 + p]), ciLow: number(fields[6 + p]), ciHigh: number(fields[7 + p]), ...difference, ...previous });
    if (withN && fields[8 + p] !== '') (counts[metric] ??= {})[fields[0]] = number(fields[8 + p]);
  });
  return { parameters, rows, ...(withN ? { counts } : {}) };
}
