import { UsageError } from './exitCodes.ts';

/** What `--format` selects: CSV only, or CSV plus the Parquet tables. */
export type OutputFormat = 'csv' | 'parquet';

/**
 * Reads `--format` (absent: csv).
 *
 * @param format - The option as given.
 * @returns `csv` or `parquet`.
 * @throws UsageError for any other value (exit 2).
 * @example
 * parseOutputFormat(undefined); // 'csv'
 */
export function parseOutputFormat(format: string | undefined): OutputFormat {
  const value = format ?? 'csv';
  if (value !== 'csv' && value !== 'parquet') throw new UsageError(`--format: expected csv or parquet, found "${value}"`);
  return value;
}
