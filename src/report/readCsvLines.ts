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
 * @param onRow - Receives each data row's fields and its line number (1 = the header; empty lines are skipped).
 * @returns Resolves when the file has been read.
 * @throws ReportInputError when the header is rejected, the file is empty, or a row has another number
 *   of fields than the header (a truncated or damaged file: a report from it would silently lack data).
 * @example
 * await readCsvLines('replicates.csv', (h) => h[0] === 'replicate', (row) => rows.push(row));
 */
export async function readCsvLines(
  path: string,
  onHeader: (header: string[]) => boolean,
  onRow: (fields: string[], lineNumber: number) => void,
): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let header: string[] | undefined;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (header === undefined) {
      header = parseCsvLine(line.replace(/^\uFEFF/, ''));
      if (!onHeader(header)) throw new ReportInputError(`${path}: unexpected header "${line.slice(0, 120)}"`);
    } else if (line !== '') {
      const fields = parseCsvLine(line);
      if (fields.length !== header.length) {
        throw new ReportInputError(`${path}:${lineNumber}: expected ${header.length} fields, as in the header, found ${fields.length} (a truncated or damaged file? write the folder again)`);
      }
      onRow(fields, lineNumber);
    }
  }
  if (header === undefined) throw new ReportInputError(`${path}: the file is empty`);
}
