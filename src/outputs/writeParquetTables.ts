import type { ResultLayout } from '../../sim-core/index.ts';
import type { ReplicateSummaries } from '../stats/computeSummaryStatistics.ts';
import type { SeriesBand } from '../stats/createSeriesBand.ts';
import { createParquetTableWriter, type ParquetColumnSpec } from './createParquetTableWriter.ts';

/** Footer metadata and writer name of crm-sim's Parquet files. */
export interface ParquetFileInfo {
  /** Key-value metadata (`crm-sim.manifest`: the manifest's result identity as JSON). */
  metadata: Record<string, string>;
  createdBy: string;
}

/** The key's four parts and its unit, as the CSVs' columns after `region` carry it. */
const KEY_COLUMNS: ParquetColumnSpec[] = ['metric', 'material', 'stage', 'region', 'unit'].map((name) => ({ name, type: 'STRING' }));
const BAND_STATS = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;

/**
 * Writes `series.parquet`: the rows of `series.csv` (tick INT32, year DOUBLE = startYear +
 * tick/ticksPerYear, metric, material, stage, region, unit, mean, p5, p25, p50, p75, p95), NaN as null.
 *
 * @param path - File to create.
 * @param layout - Result layout (ticks and calendar).
 * @param bands - One band per series, layout order.
 * @param info - Footer metadata.
 * @returns Resolves when the file is closed.
 * @example
 * await writeBandsParquet(join(dir, 'series.parquet'), layout, bands, info);
 */
export async function writeBandsParquet(
  path: string,
  layout: ResultLayout,
  bands: readonly SeriesBand[],
  info: ParquetFileInfo,
): Promise<void> {
  const columns: ParquetColumnSpec[] = [
    { name: 'tick', type: 'INT32' },
    { name: 'year', type: 'DOUBLE' },
    ...KEY_COLUMNS,
    ...BAND_STATS.map((name): ParquetColumnSpec => ({ name, type: 'DOUBLE' })),
  ];
  const table = createParquetTableWriter(path, columns, info.metadata, info.createdBy);
  const { ticks } = layout;
  const rows = bands.length * ticks;
  const tick = new Int32Array(rows);
  const year = new Float64Array(rows);
  const keys: string[][] = KEY_COLUMNS.map(() => new Array<string>(rows));
  const stats = BAND_STATS.map(() => new Float64Array(rows));
  bands.forEach((band, b) => {
    const names = [band.key.metric, band.key.material, band.key.stage, band.key.region, band.key.unit];
    for (let t = 0; t < ticks; t++) {
      const row = b * ticks + t;
      tick[row] = t;
      year[row] = layout.startYear + t / layout.ticksPerYear;
      names.forEach((name, k) => (keys[k][row] = name));
      BAND_STATS.forEach((stat, k) => (stats[k][row] = band[stat][t]));
    }
  });
  try {
    await table.append([tick, year, ...keys, ...stats]);
  } finally {
    await table.close();
  }
}

/**
 * Writes `replicates.parquet`: the rows of `replicates.csv` (replicate INT32, metric, material,
 * stage, region, unit, value DOUBLE with null for NaN), replicates ascending.
 *
 * @param path - File to create.
 * @param layout - Result layout (summary keys).
 * @param results - Summaries of every replicate (any order).
 * @param info - Footer metadata.
 * @returns Resolves when the file is closed.
 * @example
 * await writeReplicatesParquet(join(dir, 'replicates.parquet'), layout, store.summaries(), info);
 */
export async function writeReplicatesParquet(
  path: string,
  layout: ResultLayout,
  results: readonly ReplicateSummaries[],
  info: ParquetFileInfo,
): Promise<void> {
  const columns: ParquetColumnSpec[] = [{ name: 'replicate', type: 'INT32' }, ...KEY_COLUMNS, { name: 'value', type: 'DOUBLE' }];
  const table = createParquetTableWriter(path, columns, info.metadata, info.createdBy);
  try {
    await table.append(replicateColumns(layout, results, 'replicates.parquet'));
  } finally {
    await table.close();
  }
}

/**
 * The columns of a replicates table for one layout: replicate, the key's parts and unit, value;
 * one row per replicate (ascending) and summary key.
 */
function replicateColumns(layout: ResultLayout, results: readonly ReplicateSummaries[], file: string): [Int32Array, ...string[][], Float64Array] {
  const ordered = [...results].sort((a, b) => a.replicate - b.replicate);
  const count = layout.summaries.length;
  const rows = ordered.length * count;
  const replicate = new Int32Array(rows);
  const keys: string[][] = KEY_COLUMNS.map(() => new Array<string>(rows));
  const value = new Float64Array(rows);
  ordered.forEach((result, r) => {
    if (result.summaries.length !== count) throw new Error(`${file}: replicate ${result.replicate} has ${result.summaries.length} summaries, layout has ${count}`);
    layout.summaries.forEach((key, i) => {
      const row = r * count + i;
      replicate[row] = result.replicate;
      [key.metric, key.material, key.stage, key.region, key.unit].forEach((name, k) => (keys[k][row] = name));
      value[row] = result.summaries[i];
    });
  });
  return [replicate, ...keys, value];
}

/**
 * Writes a comparison's `replicates.parquet`: the rows of its `replicates.csv` (arm STRING = the
 * arm's label, replicate INT32, metric, material, stage, region, unit, value DOUBLE with null for
 * NaN), arms in command-line order, replicates ascending.
 *
 * @param path - File to create.
 * @param arms - Each arm's label, layout and results.
 * @param info - Footer metadata.
 * @returns Resolves when the file is closed.
 * @example
 * await writeArmReplicatesParquet(join(dir, 'replicates.parquet'), [{ label: 'threat', layout, results }], info);
 */
export async function writeArmReplicatesParquet(
  path: string,
  arms: readonly { label: string; layout: ResultLayout; results: readonly ReplicateSummaries[] }[],
  info: ParquetFileInfo,
): Promise<void> {
  const columns: ParquetColumnSpec[] = [{ name: 'arm', type: 'STRING' }, { name: 'replicate', type: 'INT32' }, ...KEY_COLUMNS, { name: 'value', type: 'DOUBLE' }];
  const table = createParquetTableWriter(path, columns, info.metadata, info.createdBy);
  try {
    // One row group per arm: arms may differ in their summaries (an alternative's policies).
    for (const arm of arms) {
      const columns = replicateColumns(arm.layout, arm.results, `replicates.parquet, arm ${arm.label}`);
      await table.append([new Array<string>(columns[0].length).fill(arm.label), ...columns]);
    }
  } finally {
    await table.close();
  }
}
