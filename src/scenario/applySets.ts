import { didYouMean } from './didYouMean.ts';
import type { TreePath } from './fieldRules.ts';
import { type Loc, type Located, isPlainMap, pathKey, purgeLocs } from './locatedTree.ts';
import { quoteText, shortenText } from './quoteText.ts';
import { parseYamlData } from './readYamlFile.ts';
import type { Problem } from './scenarioError.ts';
import { suggestOverridePath } from './suggestOverridePath.ts';

/**
 * Prefix of the override made by a `--years Y` option: `--years=Y` sets `years` like `years=Y`,
 * but its problems are labelled `--years` (see {@link yearsOverride}).
 */
const YEARS_FLAG = '--years=';

/** The override of a `--years` option (labelled `--years` in messages), e.g. `yearsOverride('3')` → `--years=3`. */
export function yearsOverride(years: string): string {
  return `${YEARS_FLAG}${years}`;
}

/** The `path=value` text of an override (`--years=3` → `years=3`). */
export function overrideText(set: string): string {
  return set.startsWith(YEARS_FLAG) ? `years=${set.slice(YEARS_FLAG.length)}` : set;
}

/**
 * Where problems of the override `set` (the `index`-th, 0-based) point: `--years`, `<label> (path=value)`
 * when the caller names the option it came from (`--grid #2`), else `--set #n (path=value)`.
 */
export function overrideLoc(set: string, index: number, label?: string): Loc {
  if (set.startsWith(YEARS_FLAG)) return { file: '--years', line: 0, column: 0 };
  // One line whatever the override holds: control characters (newlines) are shown escaped.
  const shown = shortenText(set, 80).replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
  return { file: `${label ?? `--set #${index + 1}`} (${shown})`, line: 0, column: 0 };
}
const ID_MAPS = new Set(['regions', 'materials', 'events']);
/** Path segments that would reach an object's prototype instead of a key. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** A problem about an override; `usage` for a malformed one (the command line's mistake, exit 2). */
function setProblem(loc: Loc, path: string, expected: string, found: string, message = '', usage = false): Problem {
  return { ...loc, path, expected, found, message, ...(usage ? { usage } : {}) };
}

/**
 * The first malformed override (no `path=`, an empty segment, a prototype key, a value that is
 * not YAML) as a one-line message, or undefined: the CLI checks this before loading (exit 2).
 */
export function findMalformedOverride(sets: readonly string[]): string | undefined {
  const problems: Problem[] = [];
  sets.forEach((set, index) => parseOverride(set, overrideLoc(set, index), problems));
  const [first] = problems;
  return first === undefined ? undefined : `${first.file}: expected ${first.expected}, found ${first.found}${first.message ? ` (${first.message})` : ''}`;
}

/** Splits an override into its path and parsed value, or adds a (usage) problem. */
function parseOverride(set: string, loc: Loc, problems: Problem[]): { path: string[]; value: unknown; text: string } | undefined {
  const text = overrideText(set);
  const eq = text.indexOf('=');
  const pathText = eq < 0 ? '' : text.slice(0, eq).trim();
  if (pathText === '' || pathText.split('.').some((s) => s === '')) {
    problems.push(setProblem(loc, pathText, 'path=value', quoteText(text), '', true));
    return undefined;
  }
  const forbidden = pathText.split('.').find((s) => FORBIDDEN_SEGMENTS.has(s));
  if (forbidden !== undefined) {
    problems.push(setProblem(loc, pathText, 'a path of scenario keys', quoteText(pathText), `"${forbidden}" is not a scenario key`, true));
    return undefined;
  }
  const valueText = text.slice(eq + 1);
  const parsed = parseSetValue(valueText, loc.file);
  if (!parsed.ok) {
    problems.push(setProblem(loc, pathText, 'a YAML value', quoteText(valueText), parsed.reason, true));
    return undefined;
  }
  return { path: pathText.split('.'), value: parsed.value, text: valueText.trim() };
}

/** Parses the value of an override as a YAML scalar or flow value (`0.05`, `30 kt/yr`, `[US, JP]`). */
function parseSetValue(text: string, label: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const data = parseYamlData(text, label);
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

/**
 * Maps keyed by ids, which cannot carry `source` (a key there would be an id), and maps keyed by
 * stage, whose readers expect one number per stage: an override there marks the object above.
 */
const RECORD_KEYS = new Set(['capacityByRegion', 'byRegion', 'prospectivityByRegion', 'basePriceUsdPerTonne', 'threat']);

/** Whether the map at `path` is keyed by ids or stages (regions, materials, events, …ByRegion, prices, threat). */
function isIdMap(path: readonly string[]): boolean {
  return (path.length === 1 && ID_MAPS.has(path[0])) || (path.length > 0 && RECORD_KEYS.has(path[path.length - 1]));
}

/** The value at `path` below `root`, or undefined. */
function valueAtPath(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const segment of path) node = isPlainMap(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
  return node;
}

/** What precedes each override's mark in a `source` text. */
const OVERRIDE_MARK = 'overridden: ';

/**
 * `source` with the mark `overridden: <label>` (`--set path=value`) added: after the citation, the
 * marks sorted, one per path (a later override of the same path replaces its mark, as it replaced
 * its value), so that overrides that commute give the same resolved scenario, and the same SHA-256,
 * in whatever order they were given (`--years 2` is marked as `--set years=2`: audit 27, M1).
 */
function addOverrideMark(source: string, label: string): string {
  const at = source.startsWith(OVERRIDE_MARK) ? 0 : source.indexOf(`; ${OVERRIDE_MARK}`);
  const citation = at < 0 ? source : source.slice(0, at);
  const earlier = at < 0 ? [] : source.slice(at === 0 ? OVERRIDE_MARK.length : at + 2 + OVERRIDE_MARK.length).split(`; ${OVERRIDE_MARK}`);
  const samePath = label.slice(0, label.indexOf('=') + 1);
  const marks = [...earlier.filter((mark) => !mark.startsWith(samePath)), label];
  marks.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...(citation === '' ? [] : [citation]), ...marks.map((mark) => `${OVERRIDE_MARK}${mark}`)].join('; ');
}

/**
 * Marks the object an override changed: its `source` gains `overridden: <override>` (after the
 * citation it had, which no longer backs the changed value alone), so the resolved scenario says
 * which values came from the command line. The object is the nearest map above the changed key
 * that may carry `source` (not a map of ids, not a list); overriding `source` or `asOf` marks nothing.
 */
function markOverridden(root: Record<string, unknown>, path: readonly string[], label: string): void {
  const last = path[path.length - 1];
  if (last === 'source' || last === 'asOf') return;
  // A new or replaced object (`events.extra={…}`) is marked itself.
  for (let n = path.length - (isPlainMap(valueAtPath(root, path)) ? 0 : 1); n >= 0; n--) {
    const prefix = path.slice(0, n);
    const node = valueAtPath(root, prefix);
    if (!isPlainMap(node) || isIdMap(prefix)) continue;
    node.source = addOverrideMark(typeof node.source === 'string' || typeof node.source === 'number' ? String(node.source) : '', label);
    return;
  }
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
  if (value === null) {
    // Removing an event (region, material) that is not there changed nothing, silently: a typo in
    // `events.<id>=null` kept the event (audit 22). Unsetting a key that is not written stays a no-op.
    if (path.length === 2 && ID_MAPS.has(path[0]) && !Object.hasOwn(container, last)) {
      const hint = didYouMean(last, Object.keys(container));
      return `no ${path[0].replace(/s$/, '')} "${last}" to delete${hint ? `; did you mean "${hint}"?` : ''}`;
    }
    delete container[last];
  } else container[last] = value;
  return undefined;
}

/**
 * Applies command-line overrides `path=value` to the tree, in order. Paths use ids
 * (`materials.ndpr.demand.growthPerYear=0.05`, `events.quotaCut.start=2027-01`); values may carry
 * units; `null` deletes. Positions of overridden values become the override's label, line 0.
 * An override naming a region, material or event that does not exist is a problem naming the path;
 * one that leaves out the top-level key (`cut.quotaShare`) is a problem suggesting the full path;
 * unknown keys are reported by the schema at the override's label, `--set #n (path=value)`
 * (`--years` for {@link yearsOverride}, `labels[i]` when given, e.g. `--grid #1`); malformed overrides are usage problems.
 */
export function applySets(located: Located, sets: readonly string[], problems: Problem[], labels: readonly (string | undefined)[] = []): void {
  sets.forEach((set, index) => {
    const loc = overrideLoc(set, index, labels[index]);
    const override = parseOverride(set, loc, problems);
    if (override === undefined) return;
    const { path, value, text } = override;
    // `cut.quotaShare` for `events.cut.quotaShare`: the schema would only say "cut" is unknown.
    const meant = suggestOverridePath(located.value, path);
    if (meant !== undefined) {
      problems.push(setProblem(loc, path[0], 'a known key', quoteText(path[0]), `did you mean "${meant}"?`));
      return;
    }
    const created: string[][] = [];
    const walked = walkToParent(located.value, path, created);
    const failure = 'error' in walked ? walked.error : assign(walked.node, path, value);
    if (failure !== undefined) {
      problems.push(setProblem(loc, path.join('.'), 'an existing path', quoteText(path.join('.')), failure));
      return;
    }
    purgeLocs(located, path);
    for (const p of [...created, path] as TreePath[]) {
      located.values.set(pathKey(p), loc);
      located.keys.set(pathKey(p), loc);
    }
    if (value !== null && typeof value !== 'object') located.values.set(pathKey(path), { ...loc, text });
    else if (value !== null) located.values.set(pathKey(path), { ...loc, overrideText: text });
    markOverridden(located.value, path, `--set ${overrideText(set)}`);
  });
}
