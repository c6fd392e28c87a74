import { readFile } from 'node:fs/promises';
import { ReportInputError } from './reportInputError.ts';

/**
 * Reads and parses a JSON file of an output folder, or returns undefined when it does not exist.
 *
 * @param path - The file.
 * @returns The parsed value, or undefined if the file is missing.
 * @throws ReportInputError when the file exists but is not valid JSON.
 * @example
 * const manifest = await readJsonFile(join(dir, 'manifest.json'));
 */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ReportInputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}
