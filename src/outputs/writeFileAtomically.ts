import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes `text` to `path` atomically: into a temporary file beside it (named after the file and this
 * process's id, so two writers never share one), then renamed over it, so a reader never sees half a
 * file and a failed write leaves the old file as it was, with no temporary behind.
 * @param path - The file; its folder must exist.
 * @param text - The whole content (UTF-8).
 * @throws the file system's error when the temporary cannot be written or renamed.
 * @example
 * writeFileAtomically('schema/scenario.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
 */
export function writeFileAtomically(path: string, text: string): void {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
