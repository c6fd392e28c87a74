import type { CST } from 'yaml';

/** A collection token and how many collections enclose it (itself included). */
type Pending = { token: CST.Token | null | undefined; depth: number };

/** The child tokens of a collection: every item's key and value. */
function childrenOf(token: CST.BlockMap | CST.BlockSequence | CST.FlowCollection): (CST.Token | null | undefined)[] {
  const out: (CST.Token | null | undefined)[] = [];
  for (const item of token.items) {
    if ('key' in item) out.push(item.key);
    out.push(item.value);
  }
  return out;
}

/**
 * Finds the first collection (map or list, block or flow, in source order) nested more than
 * `maxDepth` deep in the YAML token stream of the `yaml` package's Parser, without recursion (so it
 * is safe on any input, in time linear in its length); returns its source offset, or undefined
 * when every collection is within the limit.
 * Example: `findDeepNesting(new Parser().parse('a: [[1]]'), 1)` → 4 (the inner list).
 */
export function findDeepNesting(tokens: Iterable<CST.Token>, maxDepth: number): number | undefined {
  const stack: Pending[] = [];
  for (const token of tokens) stack.push({ token, depth: 0 });
  let first: number | undefined;
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as Pending;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > maxDepth) first = Math.min(first ?? token.offset, token.offset);
      else for (const child of childrenOf(token)) stack.push({ token: child, depth: depth + 1 });
    }
  }
  return first;
}
