import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AtomicWriteOptions, writeDirectoryAtomically } from '../outputs/writeDirectoryAtomically.ts';

/** A file of an output folder: its name and either its text or a function that writes it (large files, streamed). */
export type OutputFile = { name: string; text: string } | { name: string; write: (path: string) => Promise<void> };

/**
 * Writes the files of a comparison, sweep or stress folder atomically (all or nothing, see
 * `writeDirectoryAtomically`): manifest, resolved scenarios and results. Text gets LF line ends
 * and a final LF; a file given by a `write` function is written by it, into the temporary folder.
 *
 * @param dir - Final output folder.
 * @param files - Files to write; names must be unique and contain no path separator.
 * @param options - `overwrite` an existing non-empty folder (default false).
 * @returns Resolves with the absolute path of the folder.
 * @throws OutputFolderExistsError when `dir` is non-empty; Error on a bad or repeated file name.
 * @example
 * await writeOutputFiles('outputs/cmp', [{ name: 'comparison.json', text }]);
 */
export async function writeOutputFiles(
  dir: string,
  files: readonly OutputFile[],
  options: AtomicWriteOptions = {},
): Promise<string> {
  const names = new Set<string>();
  for (const file of files) {
    if (/[/\\]/.test(file.name) || file.name === '' || file.name.startsWith('.') || names.has(file.name)) {
      throw new Error(`writeOutputFiles: bad or repeated file name '${file.name}'`);
    }
    names.add(file.name);
  }
  return writeDirectoryAtomically(
    dir,
    async (temporaryDir) => {
      for (const file of files) {
        if ('write' in file) {
          await file.write(join(temporaryDir, file.name));
          continue;
        }
        const text = file.text.replace(/\r\n?/g, '\n');
        await writeFile(join(temporaryDir, file.name), text.endsWith('\n') ? text : `${text}\n`);
      }
    },
    options,
  );
}
