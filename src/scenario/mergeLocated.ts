import type { TreePath } from './fieldRules.ts';
import { type Located, isDist, isPlainMap, purgeLocs } from './locatedTree.ts';

/**
 * Deep-merges `over` onto `base`: maps merge key by key, scalars, lists and distribution objects
 * replace, `null` deletes the key. A map without `dist:` over a distribution changes the parameters it
 * names (`{ max: 12% }` over a triangular law), as `--set ….max=12%` does: it used to replace the law
 * with a map that was no distribution (audit 25, L7). Calls `replaced(path)` for every path whose base
 * value is replaced or deleted. Returns a new value; inputs are not modified.
 */
export function mergeValues(base: unknown, over: unknown, path: TreePath, replaced: (p: TreePath) => void): unknown {
  const parametersOnly = isDist(base) && isPlainMap(over) && !Object.hasOwn(over, 'dist');
  if (!parametersOnly && (!isPlainMap(base) || !isPlainMap(over) || isDist(over) || isDist(base))) {
    replaced(path);
    return over;
  }
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const childPath = [...path, key];
    if (value === null) {
      delete out[key];
      replaced(childPath);
    } else if (Object.hasOwn(out, key)) {
      out[key] = mergeValues(out[key], value, childPath, replaced);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * Merges a child scenario onto its parent (`extends`): child wins; positions of inherited values
 * stay in the parent's file, positions of the child's values point into the child.
 */
export function mergeLocated(parent: Located, child: Located): Located {
  const merged: Located = { value: parent.value, values: new Map(parent.values), keys: new Map(parent.keys) };
  const value = mergeValues(parent.value, child.value, [], (p) => {
    if (p.length > 0) purgeLocs(merged, p);
  });
  merged.value = value as Record<string, unknown>;
  for (const [k, loc] of child.values) if (k !== '') merged.values.set(k, loc);
  for (const [k, loc] of child.keys) merged.keys.set(k, loc);
  return merged;
}

/** Removes keys whose value is null, at every depth (a `null` with nothing to delete). */
export function stripNulls(value: unknown): void {
  if (Array.isArray(value)) value.forEach(stripNulls);
  else if (isPlainMap(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (child === null) delete value[key];
      else stripNulls(child);
    }
  }
}
