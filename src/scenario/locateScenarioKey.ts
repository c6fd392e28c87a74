import { relative } from 'node:path';
import { overrideLoc, overrideText } from './applySets.ts';
import type { LoadedScenario } from './loadScenario.ts';
import type { Loc } from './locatedTree.ts';
import { readYamlFile } from './readYamlFile.ts';

/**
 * Where a loaded scenario's top-level or dotted `path` was set, for a message about its value: the
 * last `--set` (or `--years`) that sets it, else the first file of the `extends` chain that writes it
 * (the named file first), else the named file's first line.
 *
 * @param loaded - The loaded scenario (its `files`: the named file, then its ancestors).
 * @param scenarioPath - The path as the user gave it (messages name it so).
 * @param sets - The overrides it was loaded with.
 * @param path - Dotted key path, e.g. `years`.
 * @returns File, line and column.
 * @example
 * locateScenarioKey(loaded, 'scenarios/threat-export-quota.yaml', [], 'years'); // { file: 'scenarios/baseline.yaml', line: 18, column: 1 }
 */
export function locateScenarioKey(loaded: LoadedScenario, scenarioPath: string, sets: readonly string[], path: string): Loc {
  const setsPath = (s: string) => overrideText(s).startsWith(`${path}=`) || overrideText(s).startsWith(`${path}.`);
  let last = -1;
  if (path !== '') sets.forEach((s, i) => { if (setsPath(s)) last = i; });
  if (last >= 0) return overrideLoc(sets[last], last);
  for (const [i, file] of loaded.files.entries()) {
    const name = i === 0 ? scenarioPath : relative(process.cwd(), file);
    const read = readYamlFile(file, name);
    const loc = read.ok ? (read.located.keys.get(path) ?? read.located.keys.get(path.split('.')[0])) : undefined;
    if (loc) return loc;
  }
  return { file: scenarioPath, line: 1, column: 1 };
}
