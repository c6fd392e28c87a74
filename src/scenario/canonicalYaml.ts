import { stringify } from 'yaml';
import { isPlainMap } from './locatedTree.ts';

/** Maps whose key order carries meaning (file order of regions and materials). */
const ORDERED = new Set(['regions', 'materials']);

/** Copy with map keys sorted, except the ordered top-level collections. */
function sortKeys(value: unknown, path: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, [...path, '#']));
  if (!isPlainMap(value)) return value;
  const keep = path.length === 1 && ORDERED.has(path[0]);
  const keys = keep ? Object.keys(value) : Object.keys(value).sort();
  return Object.fromEntries(keys.map((k) => [k, sortKeys(value[k], [...path, k])]));
}

/**
 * Serialises a resolved authoring tree deterministically: block YAML, map keys sorted (regions and
 * materials kept in file order), plain numbers in shortest round-trip form, no aliases.
 */
export function canonicalYaml(tree: Record<string, unknown>): string {
  return stringify(sortKeys(tree, []), { aliasDuplicateObjects: false, lineWidth: 0, sortMapEntries: false });
}
