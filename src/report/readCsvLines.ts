import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ReportInputError } from './reportInputError.ts';
import { parseCsvLine } from './parseCsvLine.ts';

/**
 * Streams a CSV file with a header row, calling `onRow` with each data row's fields, so files of
 * hundreds of megabytes (`series.csv`) are read without holding them in memory.
 *
 * @param path - The CSV file.
 * @param onHeader - Receives the header fields; returns false to reject the file (wrong format).
 * @param onRow - Receives each data row's fields (empty lines are skipped).
 * @returns Resolves when the file has been read.
 * @throws ReportInputError when the header is rejected or the file is empty.
 * @example
 * await readCsvLines('replicates.csv', (h) => h[0] === 'replicate', (row) => rows.push(row));
 */
export async function readCsvLines(
  path: string,
  onHeader: (header: string[]) => boolean,
  onRow: (fields: string[]) => void,
): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let header: string[] | undefined;
  for await (const line of lines) {
    if (header === undefined) {
      header = parseCsvLine(line.replace(/^\uFEFF/, ''));
      if (!onHeader(header)) throw new ReportInputError(`${path}: unexpected header "${line.slice(0, 120)}"`);
    } else if (line !== '') onRow(parseCsvLine(line));
  }
  if (header === undefined) throw new ReportInputError(`${path}: the file is empty`);
}
