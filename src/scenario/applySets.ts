import { didYouMean } from './didYouMean.ts';
import type { TreePath } from './fieldRules.ts';
import { type Loc, type Located, isPlainMap, pathKey, purgeLocs } from './locatedTree.ts';
import { quoteText } from './quoteText.ts';
import { parseYamlData } from './readYamlFile.ts';
import type { Problem } from './scenarioError.ts';

/** Position of every command-line override. */
export const SET_LOC: Loc = { file: '--set', line: 0, column: 0 };
const ID_MAPS = new Set(['regions', 'materials', 'events']);
/** Path segments that would reach an object's prototype instead of a key. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** A problem about an override. */
function setProblem(path: string, expected: string, found: string, message = ''): Problem {
  return { ...SET_LOC, path, expected, found, message };
}

/** Parses the value of an override as a YAML scalar or flow value (`0.05`, `30 kt/yr`, `[US, JP]`). */
function parseSetValue(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const data = parseYamlData(text, '--set');
  if (data.ok) return { ok: true, value: data.value };
  const [first] = data.problems;
  return { ok: false, reason: first.message || `${first.expected}, found ${first.found}` };
}

/** Walks to the container of `path`'s last segment, creating missing maps on the way. */
function walkToParent(
  root: Record<string, unknown>,
  path: string[],
  created: string[][],
): { node: unknown } | { error: string } {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i];
    if (Array.isArray(node)) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= node.length) return { error: `no element ${segment}` };
      node = node[index];
      continue;
    }
    if (!isPlainMap(node)) return { error: `${path.slice(0, i).join('.')} holds no keys` };
    if (i === 1 && ID_MAPS.has(path[0]) && !Object.hasOwn(node, segment)) {
      const hint = didYouMean(segment, Object.keys(node));
      return { error: `no ${path[0].replace(/s$/, '')} "${segment}"${hint ? `; did you mean "${hint}"?` : ''}` };
    }
    if (!Object.hasOwn(node, segment) || node[segment] === undefined) {
      node[segment] = {};
      created.push(path.slice(0, i + 1));
    }
    node = node[segment];
  }
  return { node };
}

/** Stores `value` at the last segment of `path` in `container`; returns an error text on failure. */
function assign(container: unknown, path: string[], value: unknown): string | undefined {
  const last = path[path.length - 1];
  if (Array.isArray(container)) {
    const index = Number(last);
    if (!Number.isInteger(index) || index < 0 || index > container.length) return `no element ${last}`;
    if (value === null) container.splice(index, 1);
    else container[index] = value;
    return undefined;
  }
  if (!isPlainMap(container)) return `${path.slice(0, -1).join('.')} holds no keys`;
  if (value === null) delete container[last];
  else container[last] = value;
  return undefined;
}

/**
 * Applies command-line overrides `path=value` to the tree, in order. Paths use ids
 * (`materials.ndpr.demand.growthPerYear=0.05`, `events.quotaCut.start=2027-01`); values may carry
 * units; `null` deletes. Positions of overridden values become `--set` line 0.
 * An override naming a region, material or event that does not exist is a problem naming the path;
 * unknown keys are reported by the schema at the `--set` position.
 */
export function applySets(located: Located, sets: readonly string[], problems: Problem[]): void {
  for (const set of sets) {
    const eq = set.indexOf('=');
    const pathText = eq < 0 ? '' : set.slice(0, eq).trim();
    if (pathText === '' || pathText.split('.').some((s) => s === '')) {
      problems.push(setProblem(pathText, 'path=value', quoteText(set)));
      continue;
    }
    const forbidden = pathText.split('.').find((s) => FORBIDDEN_SEGMENTS.has(s));
    if (forbidden !== undefined) {
      problems.push(setProblem(pathText, 'a path of scenario keys', quoteText(pathText), `"${forbidden}" is not a scenario key`));
      continue;
    }
    const parsed = parseSetValue(set.slice(eq + 1));
    if (!parsed.ok) {
      problems.push(setProblem(pathText, 'a YAML value', quoteText(set.slice(eq + 1)), parsed.reason));
      continue;
    }
    const path = pathText.split('.');
    const created: string[][] = [];
    const walked = walkToParent(located.value, path, created);
    const failure = 'error' in walked ? walked.error : assign(walked.node, path, parsed.value);
    if (failure !== undefined) {
      problems.push(setProblem(pathText, 'an existing path', quoteText(pathText), failure));
      continue;
    }
    purgeLocs(located, path);
    for (const p of [...created, path] as TreePath[]) {
      located.values.set(pathKey(p), SET_LOC);
      located.keys.set(pathKey(p), SET_LOC);
    }
  }
}
