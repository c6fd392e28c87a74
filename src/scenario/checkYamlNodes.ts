import { isAlias, isCollection, isMap, isPair, isScalar, type Node, type Pair } from 'yaml';
import type { TreePath } from './fieldRules.ts';
import { quoteText, shortenText } from './quoteText.ts';

/** A problem found in the YAML node tree, at a source offset. */
export interface NodeProblem {
  offset: number;
  expected: string;
  found: string;
  /** Path of the key the problem is at, when known (duplicate and merge keys). */
  path?: TreePath;
  /** Offset of the first of two duplicate keys (the caller turns it into `first at line N`). */
  firstOffset?: number;
  /** A hint for the message. */
  message?: string;
}

/** What to write instead of a YAML merge key `<<` (the core schema has none: `<<` would be a key of its own). */
export const MERGE_KEY_HINT = 'YAML merge keys are not supported: repeat the keys in this map, or put what is shared in a parent file and use `extends`';

/** Anchors seen so far: `open` while their node is being walked, then `done`. */
type AnchorState = Map<string, 'open' | 'done'>;

/** Checks one map key: a plain scalar that cannot reach an object's prototype. */
function checkKey(key: unknown, out: NodeProblem[]): void {
  const offset = (key as Node | null)?.range?.[0] ?? 0;
  if (!isScalar(key)) {
    out.push({ offset, expected: 'a plain key (a name or an id)', found: key === null ? 'an empty key' : isAlias(key) ? 'an alias' : 'a map or list used as a key' });
  } else if (key.value === '__proto__') {
    out.push({ offset, expected: 'a scenario key', found: '"__proto__" (not allowed as a key)' });
  } else if (key.value === null || typeof key.value === 'object') {
    out.push({ offset, expected: 'a plain key (a name or an id)', found: 'an empty key' });
  }
}

/** Whether a pair's key was written with the explicit-key indicator `?` (needs the composer's `keepSourceTokens`). */
function isExplicitKey(item: Pair): boolean {
  const start = (item.srcToken as { start?: { type: string }[] } | undefined)?.start ?? [];
  return start.some((token) => token.type === 'explicit-key-ind');
}

/**
 * Checks the keys of one map for duplicates (as their text: `1` and `"1"` become one key of the data)
 * and merge keys `<<`, naming each by its path.
 */
function checkMapKeys(items: readonly unknown[], path: TreePath, out: NodeProblem[], flow = false): void {
  const first = new Map<string, number>();
  for (const item of items) {
    if (!isPair(item) || !isScalar(item.key) || item.key.value === null || typeof item.key.value === 'object') continue;
    const name = String(item.key.value);
    const offset = item.key.range?.[0] ?? 0;
    // `{ name: Japan, Korea, EU }`: a comma ends a value in a { } map, so Korea and EU became keys with no value,
    // which the loader dropped as nulls (three calibration episodes lost their regions' names so; audit 25).
    // `{ ? key }` (an explicit key, with `?`) is a key with a null value on purpose: the loader drops it as any null.
    if (flow && item.value === null && !isExplicitKey(item)) {
      out.push({ offset, path: [...path, name], expected: 'key: value', found: `${quoteText(name)} with no colon and no value`,
        message: 'a comma inside a value ends it in a { } map: quote the value ("Japan, Korea, EU"), or write `key: null` for a null' });
    }
    if (name === '<<' && item.key.type === 'PLAIN') {
      out.push({ offset, path: [...path, name], expected: 'keys written out', found: 'a YAML merge key "<<"', message: MERGE_KEY_HINT });
    }
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, offset);
    else out.push({ offset, path: [...path, name], expected: 'a unique key', found: `${quoteText(name)} again`, firstOffset: earlier });
  }
}

/** Walks `node` in document order (depth is bounded by the caller's nesting limit); `path` is its path in the data. */
function walk(node: unknown, anchors: AnchorState, out: NodeProblem[], path: TreePath = []): void {
  if (isAlias(node)) {
    const state = anchors.get(node.source);
    const offset = node.range?.[0] ?? 0;
    if (state === 'open') out.push({ offset, expected: 'an alias to a finished node', found: `*${shortenText(node.source)} inside its own anchor (a cycle)` });
    else if (state === undefined) out.push({ offset, expected: 'an alias to an earlier anchor', found: `*${shortenText(node.source)} (no such anchor before it)` });
    return;
  }
  const anchor = (node as Node | null)?.anchor;
  if (anchor) anchors.set(anchor, 'open');
  if (isMap(node)) checkMapKeys(node.items, path, out, node.flow === true);
  if (isCollection(node)) {
    node.items.forEach((item, index) => {
      if (isPair(item)) {
        checkKey(item.key, out);
        walk(item.key, anchors, out);
        walk(item.value, anchors, out, [...path, isScalar(item.key) ? String(item.key.value) : '?']);
      } else {
        walk(item, anchors, out, [...path, index]);
      }
    });
  }
  if (anchor) anchors.set(anchor, 'done');
}

/**
 * Checks a composed YAML document for what `toJS` would turn into a crash or a trap: aliases to
 * no earlier anchor, aliases inside their own anchor (cyclic data), keys that are not plain
 * scalars (maps, lists, aliases, empty keys), and `__proto__` keys; and for keys that would lose
 * data silently or read as something else: a key given twice in one map (named by its path, with
 * the first one's offset), a YAML 1.1 merge key `<<` (a plain key of its own in the core schema,
 * so the merged keys would be missing), and a key with no colon in a `{ }` map (the rest of a value
 * cut at a comma). Returns the problems in document order.
 */
export function checkYamlNodes(contents: unknown): NodeProblem[] {
  const out: NodeProblem[] = [];
  walk(contents, new Map(), out);
  return out;
}
