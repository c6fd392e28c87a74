import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes `value` as one JSON object (and a newline) to `path` atomically: into a temporary file beside
 * it, then renamed over it, so a reader never sees half a file and a failed write leaves the old one.
 * @param path - The file (`--json-out`, bench/baseline.json); its folder must exist.
 * @param value - What to write.
 * @param indent - Spaces per level (bench/baseline.json: 2, for readable diffs); absent: one line.
 */
export function writeJsonAtomically(path: string, value: unknown, indent?: number): void {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, `${JSON.stringify(value, null, indent)}\n`);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
