import { basename } from 'node:path';

/**
 * Short unique labels for scenario files: the file name without `.yaml`/`.yml` (and without the
 * `.resolved` that a compare folder's `<label>.resolved.yaml` carries, so re-running a folder's
 * scenarios gives the same labels), with `-2`, `-3`, … appended to repeats (so a scenario can be
 * compared with itself). A suffixed label never takes another file's own name: `a/q.yaml`,
 * `b/q.yaml`, `q-2.yaml` give `q`, `q-3`, `q-2`; names that differ only in case count as repeats
 * (`Q.yaml`, `q.yaml` give `Q`, `q-2`).
 *
 * @param paths - Scenario file paths, in arm order.
 * @returns One label per path, all different.
 * @example
 * createArmLabels(['scenarios/a.yaml', 'b.yml', 'a.yaml']); // ['a', 'b', 'a-2']
 * createArmLabels(['out/a.resolved.yaml', 'out/b.resolved.yaml']); // ['a', 'b']
 */
export function createArmLabels(paths: readonly string[]): string[] {
  const names = paths.map((path) => basename(path).replace(/\.ya?ml$/i, '').replace(/\.resolved$/i, ''));
  // Labels name files (`<label>.resolved.yaml`): compared without case, as macOS and Windows compare file names.
  const key = (label: string): string => label.toLowerCase();
  const keys = names.map(key);
  const taken = new Set<string>();
  return names.map((name, i) => {
    // The first file of a name keeps it, even when a repeat of another name could have taken it.
    if (!taken.has(keys[i]) && keys.indexOf(keys[i]) === i) {
      taken.add(keys[i]);
      return name;
    }
    let count = 2;
    while (taken.has(key(`${name}-${count}`)) || keys.includes(key(`${name}-${count}`))) count++;
    taken.add(key(`${name}-${count}`));
    return `${name}-${count}`;
  });
}
