import { parse } from 'yaml';
import { isDeepStrictEqual } from 'node:util';

/** Top-level keys whose differences are the strategy itself (its events) or only name it. */
const STRATEGY_KEYS = new Set(['events', 'name', 'title', 'description']);
/** Keys that document a value (at any depth) and change no result. */
const CITATION_KEYS = new Set(['source', 'asOf']);

/**
 * Where an alternative's resolved scenario differs from the reference's outside its events and
 * names, leaving out `source:` and `asOf:` (audit 25, L11): a strategy file that also raised demand growth credited the policy with
 * 151 kt of consumption the growth made. Paths with ids, deepest where the two differ (a value, or a
 * key only one of them has), in the reference's key order, then the alternative's.
 *
 * @param reference - The reference's `resolvedYaml`.
 * @param alternative - The alternative's `resolvedYaml`.
 * @returns Dotted paths, e.g. `materials.graphite.demand.growthPerYear`; empty when they differ only in events and names.
 * @example
 * findNonEventDifferences(threat.resolvedYaml, stockpile.resolvedYaml); // []
 */
export function findNonEventDifferences(reference: string, alternative: string): string[] {
  const a: unknown = parse(reference);
  const b: unknown = parse(alternative);
  const found: string[] = [];
  const walk = (x: unknown, y: unknown, path: string[]): void => {
    if (isDeepStrictEqual(withoutCitations(x), withoutCitations(y))) return;
    // A distribution differs as a whole; other maps key by key.
    if (isMap(x) && isMap(y) && !('dist' in x) && !('dist' in y)) {
      for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
        if ((path.length === 0 && STRATEGY_KEYS.has(key)) || CITATION_KEYS.has(key)) continue;
        walk(x[key], y[key], [...path, key]);
      }
      return;
    }
    found.push(path.join('.'));
  };
  walk(a, b, []);
  return found;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy without `source:` and `asOf:` at any depth. */
function withoutCitations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCitations);
  if (!isMap(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !CITATION_KEYS.has(key)).map(([key, v]) => [key, withoutCitations(v)]));
}
