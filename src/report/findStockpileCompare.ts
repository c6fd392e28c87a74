import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isRecord } from './isRecord.ts';

/** The shipped stockpile mitigations' file names: `mitigation-stockpile-60d.yaml` and its kin. */
const STOCKPILE_FILE = /^mitigation-stockpile-[\w-]*\.ya?ml$/;

/**
 * The compare command that sets the stockpile mitigations beside a run's scenario against it
 * (README's worked example: "what a 60-day stockpile buys"), for the answer box's "What helps"
 * pointer: the report never named what can be done about the shortage (user audit, session 35,
 * item 17). Found from the manifest's scenario path (as typed, from the working folder): the
 * `mitigation-stockpile-*.yaml` files in the scenario's folder whose `extends:` chain reaches the
 * scenario. All of them: the shell pattern `mitigation-stockpile-*.yaml`; some: their names.
 * Undefined when the scenario file or any such mitigation cannot be found (a report written from
 * another folder, a scenario no stockpile extends), so that no command is named that would compare
 * the wrong scenarios.
 *
 * @param manifest - `manifest.json` as read (its `scenario.path`).
 * @param cwd - The folder the path is relative to (the working folder by default).
 * @returns The command, or undefined.
 * @example
 * await findStockpileCompare({ scenario: { path: 'scenarios/threat-export-quota.yaml' } });
 * // 'npx crm-sim compare scenarios/threat-export-quota.yaml scenarios/mitigation-stockpile-*.yaml --replicates 30 --report'
 */
export async function findStockpileCompare(manifest: unknown, cwd = process.cwd()): Promise<string | undefined> {
  const path = isRecord(manifest) && isRecord(manifest.scenario) && typeof manifest.scenario.path === 'string' ? manifest.scenario.path : undefined;
  if (path === undefined || /\s/.test(path)) return undefined;
  const folder = dirname(resolve(cwd, path));
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return undefined;
  }
  if (!names.includes(basename(path))) return undefined;
  const stockpiles = names.filter((name) => STOCKPILE_FILE.test(name)).sort();
  const parents = new Map<string, string | undefined>();
  for (const name of names.filter((n) => /\.ya?ml$/.test(n))) parents.set(name, await readExtends(join(folder, name)));
  const reaches = (name: string): boolean => {
    // Follow `extends:` up to the scenario; a cycle or a missing file ends the chain.
    const seen = new Set<string>();
    for (let at: string | undefined = parents.get(name); at !== undefined && !seen.has(at); at = parents.get(at)) {
      if (at === basename(path)) return true;
      seen.add(at);
    }
    return false;
  };
  const found = stockpiles.filter(reaches);
  if (found.length === 0) return undefined;
  const prefix = dirname(path) === '.' ? '' : `${dirname(path)}/`;
  const others = found.length === stockpiles.length && found.length > 1 ? `${prefix}mitigation-stockpile-*.yaml` : found.map((name) => `${prefix}${name}`).join(' ');
  // 30 paired runs, as README's worked example: enough for its figures, and about 20 s of CPU rather than minutes.
  return `npx crm-sim compare ${path} ${others} --replicates 30 --report`;
}

/** A scenario file's `extends:` (a file name in the same folder), or undefined. */
async function readExtends(file: string): Promise<string | undefined> {
  try {
    const match = /^extends:\s*["']?([^"'\s#]+)["']?/m.exec(await readFile(file, 'utf8'));
    return match === null ? undefined : basename(match[1]);
  } catch {
    return undefined;
  }
}
