import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ReportInputError } from './reportInputError.ts';

/**
 * Lists the files of an output folder with their sizes, leaving out hidden files, folders and
 * the report's own outputs (`report.html`, `charts/`).
 *
 * @param dir - The folder.
 * @returns Files sorted by name.
 * @throws ReportInputError when the folder does not exist or is not a folder.
 * @example
 * (await readFolderFiles('/tmp/run')).map((f) => f.name); // ['manifest.json', 'replicates.csv', …]
 */
export async function readFolderFiles(dir: string): Promise<Array<{ name: string; bytes: number }>> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new ReportInputError(`${dir} is not a folder`);
    names = await readdir(dir);
  } catch (error) {
    if (error instanceof ReportInputError) throw error;
    throw new ReportInputError(`cannot read the output folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const files: Array<{ name: string; bytes: number }> = [];
  for (const name of names.sort()) {
    if (name.startsWith('.') || name === 'report.html') continue;
    const info = await stat(join(dir, name));
    if (info.isFile()) files.push({ name, bytes: info.size });
  }
  return files;
}
