import { basename } from 'node:path';

/**
 * Short unique labels for scenario files: the file name without `.yaml`/`.yml`, with `-2`,
 * `-3`, … appended to repeats (so a scenario can be compared with itself).
 *
 * @param paths - Scenario file paths, in arm order.
 * @returns One label per path.
 * @example
 * createArmLabels(['scenarios/a.yaml', 'b.yml', 'a.yaml']); // ['a', 'b', 'a-2']
 */
export function createArmLabels(paths: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return paths.map((path) => {
    const label = basename(path).replace(/\.ya?ml$/i, '');
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label}-${count}`;
  });
}
