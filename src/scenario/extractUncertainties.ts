import type { DistributionSpec } from '../../sim-core/index.ts';
import type { TreePath } from './fieldRules.ts';
import { canonicalKeys } from './canonicalYaml.ts';
import { cloneData, isDist, isPlainMap } from './locatedTree.ts';
import { nominalValue } from './nominalValue.ts';

/** A distribution found in the authoring tree, at its path with ids. */
export interface FoundUncertainty {
  path: TreePath;
  distribution: DistributionSpec;
}

/**
 * Replaces the distributions below `node` by their nominal values, collecting them in `found` in
 * canonical key order (see canonicalKeys): the order of draws must not depend on the order keys
 * were written in, or a run's scenario.resolved.yaml would not reproduce it.
 */
function extractFrom(node: unknown, path: TreePath, found: FoundUncertainty[]): void {
  const entries: [string | number, unknown][] = Array.isArray(node)
    ? node.map((v, i) => [i, v])
    : isPlainMap(node) ? canonicalKeys(node, path).map((k) => [k, node[k]]) : [];
  for (const [key, value] of entries) {
    const childPath = [...path, key];
    if (isDist(value)) {
      // source and asOf document the distribution (they stay in the resolved YAML); the engine draws from the rest.
      const { source: _source, asOf: _asOf, ...distribution } = value;
      found.push({ path: childPath, distribution: distribution as unknown as DistributionSpec });
      (node as Record<string | number, unknown>)[key] = nominalValue(value);
    } else {
      extractFrom(value, childPath, found);
    }
  }
}

/**
 * Splits an authoring tree (canonical units) into a copy holding nominal values in place of
 * distribution objects, and the list of distributions with their paths (canonical key order).
 */
export function extractUncertainties(tree: Record<string, unknown>): {
  nominal: Record<string, unknown>;
  found: FoundUncertainty[];
} {
  const nominal = cloneData(tree);
  const found: FoundUncertainty[] = [];
  extractFrom(nominal, [], found);
  return { nominal, found };
}
