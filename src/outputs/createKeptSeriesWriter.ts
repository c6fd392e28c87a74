import { join } from 'node:path';
import type { ResultLayout } from '../../sim-core/index.ts';
import type { SeriesBlock } from '../stats/computeBlockBands.ts';
import { createParquetTableWriter, type ParquetColumnSpec, type ParquetTableWriter } from './createParquetTableWriter.ts';
import { createTextFileWriter, type TextFileWriter } from './createTextFileWriter.ts';
import { formatCsvField } from './formatCsvField.ts';
import { formatCsvNumber } from './formatCsvNumber.ts';
import type { ParquetFileInfo } from './writeParquetTables.ts';

/** Header of `replicate-series.csv`. */
export const KEPT_SERIES_CSV_HEADER = 'replicate,tick,metric,material,stage,region,unit,value';

/** String columns of a row: the series key and its unit. */
const KEY_NAMES = ['metric', 'material', 'stage', 'region', 'unit'];

/** Writes every replicate's per-tick series, block by block of series. */
export interface KeptSeriesWriter {
  writeBlock(block: SeriesBlock): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens `replicate-series.csv` (and `replicate-series.parquet` when `parquet` is given): tidy rows
 * `replicate,tick,metric,material,stage,region,unit,value` for every replicate, series and tick, in
 * series (layout) order, then replicate, then tick; NaN as an empty field (CSV) or null (Parquet).
 *
 * @param dir - Folder to write into.
 * @param layout - Result layout (series keys).
 * @param firstReplicate - Index of the blocks' replicate 0 in the run.
 * @param parquet - Footer metadata to also write Parquet, or undefined for CSV only.
 * @returns The writer.
 * @example
 * const kept = await createKeptSeriesWriter(dir, layout, 0, undefined);
 */
export async function createKeptSeriesWriter(
  dir: string,
  layout: ResultLayout,
  firstReplicate: number,
  parquet: ParquetFileInfo | undefined,
): Promise<KeptSeriesWriter> {
  const csv = await createTextFileWriter(join(dir, 'replicate-series.csv'));
  await csv.write(`${KEPT_SERIES_CSV_HEADER}\n`);
  const columns: ParquetColumnSpec[] = [
    { name: 'replicate', type: 'INT32' },
    { name: 'tick', type: 'INT32' },
    ...KEY_NAMES.map((name): ParquetColumnSpec => ({ name, type: 'STRING' })),
    { name: 'value', type: 'DOUBLE' },
  ];
  const table = parquet === undefined ? undefined : createRowBuffer(
    createParquetTableWriter(join(dir, 'replicate-series.parquet'), columns, parquet.metadata, parquet.createdBy),
  );
  return {
    async writeBlock(block) {
      for (let s = 0; s < block.seriesCount; s++) {
        await writeSeriesRows(csv, table, layout, block, s, firstReplicate);
      }
    },
    async close() {
      try {
        await csv.close();
      } finally {
        await table?.close();
      }
    },
  };
}

/** Rows gathered before they go to Parquet as one row group. */
const ROWS_PER_GROUP = 1 << 20;

/** Kept-series rows buffered into row groups of about a million rows. */
interface RowBuffer {
  /** Adds a row; returns a promise only when a row group was flushed (await it then). */
  add(replicate: number, tick: number, names: readonly string[], value: number): Promise<void> | undefined;
  close(): Promise<void>;
}

/** Buffers rows (replicate, tick, key names and unit, value) and appends them to the table in large row groups. */
function createRowBuffer(table: ParquetTableWriter): RowBuffer {
  const replicates = new Int32Array(ROWS_PER_GROUP);
  const ticks = new Int32Array(ROWS_PER_GROUP);
  const names: string[][] = KEY_NAMES.map(() => []);
  const values = new Float64Array(ROWS_PER_GROUP);
  let rows = 0;
  const flush = async (): Promise<void> => {
    if (rows === 0) return;
    await table.append([replicates.subarray(0, rows), ticks.subarray(0, rows), ...names.map((column) => column.slice(0, rows)), values.subarray(0, rows)]);
    rows = 0;
  };
  return {
    add(replicate, tick, keys, value) {
      replicates[rows] = replicate;
      ticks[rows] = tick;
      for (let k = 0; k < names.length; k++) names[k][rows] = keys[k];
      values[rows++] = value;
      return rows === ROWS_PER_GROUP ? flush() : undefined;
    },
    async close() {
      try {
        await flush();
      } finally {
        await table.close();
      }
    },
  };
}

/** Writes the rows of series s of a block (all replicates and ticks). */
async function writeSeriesRows(
  csv: TextFileWriter,
  table: RowBuffer | undefined,
  layout: ResultLayout,
  block: SeriesBlock,
  s: number,
  firstReplicate: number,
): Promise<void> {
  const { replicateCount, ticks } = block;
  const key = layout.series[block.firstSeries + s];
  const names = [key.metric, key.material, key.stage, key.region, key.unit];
  const fields = names.map(formatCsvField).join(',');
  const values = block.values.subarray(s * replicateCount * ticks, (s + 1) * replicateCount * ticks);
  for (let r = 0; r < replicateCount; r++) {
    const lines: string[] = [];
    for (let t = 0; t < ticks; t++) lines.push(`${firstReplicate + r},${t},${fields},${formatCsvNumber(values[r * ticks + t])}\n`);
    await csv.write(lines.join(''));
    for (let t = 0; t < ticks && table !== undefined; t++) {
      const flushed = table.add(firstReplicate + r, t, names, values[r * ticks + t]);
      if (flushed !== undefined) await flushed;
    }
  }
}
