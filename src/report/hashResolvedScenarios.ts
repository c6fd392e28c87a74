import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * SHA-256 of every `*.resolved.yaml` in an output folder (`scenario.resolved.yaml` of a run,
 * sweep or stress folder; `<label>.resolved.yaml` per strategy of a compare folder), to check
 * them against the hashes the manifest recorded.
 *
 * @param folder - The output folder.
 * @param names - File names in the folder.
 * @returns Hex digest by file name.
 * @example
 * (await hashResolvedScenarios(dir, ['scenario.resolved.yaml']))['scenario.resolved.yaml'];
 */
export async function hashResolvedScenarios(folder: string, names: readonly string[]): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const name of names.filter((n) => n.endsWith('.resolved.yaml'))) {
    hashes[name] = createHash('sha256').update(await readFile(join(folder, name))).digest('hex');
  }
  return hashes;
}
