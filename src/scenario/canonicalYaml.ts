import { stringify } from 'yaml';
import { isPlainMap } from './locatedTree.ts';

/** Maps whose key order carries meaning (file order of regions and materials). */
const ORDERED = new Set(['regions', 'materials']);

/**
 * The keys of the map at `path` in canonical order: sorted, except the top-level regions and
 * materials (file order). Everything that depends on key order (the resolved YAML, the order in
 * which distributions are drawn) uses this order, so a scenario and its resolved YAML run alike.
 */
export function canonicalKeys(map: Record<string, unknown>, path: readonly (string | number)[]): string[] {
  const keep = path.length === 1 && typeof path[0] === 'string' && ORDERED.has(path[0]);
  return keep ? Object.keys(map) : Object.keys(map).sort();
}

/** Copy with map keys in canonical order. */
function sortKeys(value: unknown, path: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, [...path, '#']));
  if (!isPlainMap(value)) return value;
  return Object.fromEntries(canonicalKeys(value, path).map((k) => [k, sortKeys(value[k], [...path, k])]));
}

/**
 * Serialises a resolved authoring tree deterministically: block YAML, map keys sorted (regions and
 * materials kept in file order), plain numbers in shortest round-trip form, no aliases.
 */
export function canonicalYaml(tree: Record<string, unknown>): string {
  return stringify(sortKeys(tree, []), { aliasDuplicateObjects: false, lineWidth: 0, sortMapEntries: false });
}
