import { isPlainMap, type PlainMap } from './locatedTree.ts';
import type { ProblemSink } from './problemSink.ts';

/**
 * Keys that scenarios once accepted (and that older resolved scenarios carry, filled in as defaults)
 * but the engine never read, by parent key, with what to write instead.
 */
const RETIRED_KEYS: ReadonlyArray<{ parent: 'government' | 'exploration'; key: string; instead: string }> = [
  { parent: 'government', key: 'allies', instead: 'allied regions are the regions with alignment: ally' },
  { parent: 'exploration', key: 'referenceSpendUsdPerYear', instead: 'exploration effort follows the concentrate price (docs/model.md, discovery)' },
];

/**
 * Removes retired keys from an authoring tree, with a located warning for each: an older scenario
 * (or the `scenario.resolved.yaml` of an older run) still loads and runs, and its reader learns the
 * key did nothing.
 *
 * @param tree - The merged authoring tree (changed in place).
 * @param warnings - Where the located warnings go.
 * @example
 * dropRetiredKeys(tree, warnings); // government.allies: expected no retired key, found "allies" (ignored: …)
 */
export function dropRetiredKeys(tree: PlainMap, warnings: ProblemSink): void {
  const parents: Array<{ parent: 'government' | 'exploration'; path: string[]; map: PlainMap }> = [];
  if (isPlainMap(tree.government)) parents.push({ parent: 'government', path: ['government'], map: tree.government });
  for (const [id, material] of Object.entries(isPlainMap(tree.materials) ? tree.materials : {})) {
    if (isPlainMap(material) && isPlainMap(material.exploration)) parents.push({ parent: 'exploration', path: ['materials', id, 'exploration'], map: material.exploration });
  }
  for (const { parent, path, map } of parents) {
    for (const retired of RETIRED_KEYS) {
      if (retired.parent !== parent || !Object.hasOwn(map, retired.key)) continue;
      warnings.add([...path, retired.key], 'no retired key', `"${retired.key}"`, `ignored: it was never read and is gone; ${retired.instead}`, true);
      delete map[retired.key];
    }
  }
}
