import { fileWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';

/** Column kinds of crm-sim's Parquet tables. */
export type ParquetColumnType = 'INT32' | 'DOUBLE' | 'STRING';

/**
 * A column of a table: DOUBLE columns are nullable (NaN and ±Infinity are written as null), STRING
 * columns too (an empty string is written as null, as DuckDB, pandas and R read the CSVs' empty
 * fields); INT32 columns are required.
 */
export interface ParquetColumnSpec {
  name: string;
  type: ParquetColumnType;
}

/** Appends row groups to one Parquet file. */
export interface ParquetTableWriter {
  /** Appends rows: one array per column, in spec order, all of the same length (NaN, ±Infinity → null in DOUBLE columns, '' → null in STRING columns). */
  append(columns: ReadonlyArray<ArrayLike<number> | readonly string[]>): Promise<void>;
  /** Writes the footer (schema, row groups, key-value metadata) and closes the file. */
  close(): Promise<void>;
}

/** Rows per row group. */
const ROW_GROUP_SIZE = 1_000_000;

/**
 * Opens a Parquet file for incremental writing with hyparquet-writer (pure JavaScript, snappy
 * pages, column statistics). Output is a pure function of the rows and metadata: no timestamps.
 *
 * @param path - File to create (replaced if present).
 * @param columns - Schema, in order.
 * @param metadata - Key-value metadata for the footer (e.g. the manifest as JSON).
 * @param createdBy - The footer's `created_by`, e.g. `crm-sim 0.1.0`.
 * @returns The writer.
 * @example
 * const table = createParquetTableWriter('r.parquet', [{ name: 'value', type: 'DOUBLE' }], {}, 'crm-sim');
 * await table.append([Float64Array.of(1, NaN)]);
 * await table.close();
 */
export function createParquetTableWriter(
  path: string,
  columns: readonly ParquetColumnSpec[],
  metadata: Record<string, string>,
  createdBy: string,
): ParquetTableWriter {
  const schema = schemaFromColumnData({
    columnData: columns.map(({ name, type }) => ({ name, data: [], type, nullable: type !== 'INT32' })),
  });
  const writer = new ParquetWriter({
    writer: fileWriter(path),
    schema,
    kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    createdBy,
  });
  return {
    async append(data) {
      const columnData = columns.map(({ name, type }, index) => ({
        name,
        data: type === 'DOUBLE' ? toNullableDoubles(data[index] as ArrayLike<number>)
          : type === 'STRING' ? toNullableStrings(data[index] as readonly string[]) : data[index],
      }));
      await writer.write({ columnData: columnData as never, rowGroupSize: ROW_GROUP_SIZE });
    },
    async close() {
      await writer.finish();
    },
  };
}

/** Copies strings into an array with null for the empty string (a key that does not apply, e.g. no region). */
function toNullableStrings(values: readonly string[]): Array<string | null> {
  return values.map((value) => (value === '' ? null : value));
}

/** Copies numbers into an array with null for NaN and ±Infinity (undefined; as the CSV files' empty field). */
function toNullableDoubles(values: ArrayLike<number>): Array<number | null> {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number.isFinite(values[i]) ? values[i] : null;
  return out;
}
