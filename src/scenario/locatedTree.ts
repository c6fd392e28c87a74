import type { TreePath } from './fieldRules.ts';

/** A position in a file: 1-based line and column (0 for `--set` and unreadable files). */
export interface Loc {
  file: string;
  line: number;
  column: number;
  /** The value's source text as written (scalars only), quoted in messages instead of its converted value. */
  text?: string;
  /** The value text of the command-line override (`--set path=value`) that wrote a map or list here, for the hint to quote it. */
  overrideText?: string;
}

/**
 * A parsed scenario tree with the position of every key and value, indexed by dotted path
 * (see {@link pathKey}). Positions follow values through `extends` merges and `--set` overrides.
 */
export interface Located {
  /** Root map of the scenario, authoring form. */
  value: Record<string, unknown>;
  /** Position of each value by path key. */
  values: Map<string, Loc>;
  /** Position of each map key by path key. */
  keys: Map<string, Loc>;
}

/** A plain map (not an array, not null). */
export type PlainMap = Record<string, unknown>;

/** The string key of a path, e.g. `materials.ndpr.pipeline.0.region`. */
export function pathKey(path: TreePath): string {
  return path.join('.');
}

/** Whether `value` is a plain map. */
export function isPlainMap(value: unknown): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is a distribution object (`{ dist: …, … }`). */
export function isDist(value: unknown): value is PlainMap & { dist: string } {
  return isPlainMap(value) && typeof value.dist === 'string';
}

/** Removes every position at `path` and below it. */
export function purgeLocs(located: Located, path: TreePath): void {
  const key = pathKey(path);
  for (const map of [located.values, located.keys]) {
    for (const k of [...map.keys()]) {
      if (k === key || k.startsWith(`${key}.`) || key === '') map.delete(k);
    }
  }
}

/**
 * The position for a problem at `path`: the key's position when `preferKey`, else the value's;
 * falls back to the nearest located ancestor, then to `fallback`.
 */
export function locate(located: Located, path: TreePath, preferKey: boolean, fallback: Loc): Loc {
  for (let n = path.length; n >= 0; n--) {
    const key = pathKey(path.slice(0, n));
    const first = preferKey ? located.keys : located.values;
    const second = preferKey ? located.values : located.keys;
    const loc = first.get(key) ?? second.get(key);
    if (loc) return { file: loc.file, line: loc.line, column: loc.column };
  }
  return fallback;
}

/** Deep copy of plain data (maps, arrays, scalars). */
export function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneData) as T;
  if (isPlainMap(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneData(v)])) as T;
  }
  return value;
}
