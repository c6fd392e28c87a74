import { isAlias, isCollection, isPair, isScalar, type Node } from 'yaml';
import { shortenText } from './quoteText.ts';

/** A problem found in the YAML node tree, at a source offset. */
export interface NodeProblem {
  offset: number;
  expected: string;
  found: string;
}

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

/** Walks `node` in document order (depth is bounded by the caller's nesting limit). */
function walk(node: unknown, anchors: AnchorState, out: NodeProblem[]): void {
  if (isAlias(node)) {
    const state = anchors.get(node.source);
    const offset = node.range?.[0] ?? 0;
    if (state === 'open') out.push({ offset, expected: 'an alias to a finished node', found: `*${shortenText(node.source)} inside its own anchor (a cycle)` });
    else if (state === undefined) out.push({ offset, expected: 'an alias to an earlier anchor', found: `*${shortenText(node.source)} (no such anchor before it)` });
    return;
  }
  const anchor = (node as Node | null)?.anchor;
  if (anchor) anchors.set(anchor, 'open');
  if (isCollection(node)) {
    for (const item of node.items) {
      if (isPair(item)) {
        checkKey(item.key, out);
        walk(item.key, anchors, out);
        walk(item.value, anchors, out);
      } else {
        walk(item, anchors, out);
      }
    }
  }
  if (anchor) anchors.set(anchor, 'done');
}

/**
 * Checks a composed YAML document for what `toJS` would turn into a crash or a trap: aliases to
 * no earlier anchor, aliases inside their own anchor (cyclic data), keys that are not plain
 * scalars (maps, lists, aliases, empty keys), and `__proto__` keys. Returns the problems in
 * document order.
 */
export function checkYamlNodes(contents: unknown): NodeProblem[] {
  const out: NodeProblem[] = [];
  walk(contents, new Map(), out);
  return out;
}
