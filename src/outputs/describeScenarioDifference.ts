import { parse } from 'yaml';

/** Most differing keys named (the rest are counted). */
const MAX_NAMED = 3;

/**
 * Where two resolved scenarios differ, in words a user can act on: the first few differing keys
 * with both values (`years (2 in s2, 1 in s1)`), instead of two SHA-256 hashes. Keys are compared in
 * sorted order, depth first, so the text does not depend on key order.
 *
 * @param first - One resolved scenario's YAML and how to name it.
 * @param second - The other's.
 * @returns e.g. `years (2 in s2, 1 in s1); …`, or '' when they parse to equal trees or do not parse.
 * @example
 * describeScenarioDifference({ label: 's2', yaml: 'years: 2\n' }, { label: 's1', yaml: 'years: 1\n' }); // 'years (2 in s2, 1 in s1)'
 */
export function describeScenarioDifference(first: { label: string; yaml: string }, second: { label: string; yaml: string }): string {
  let a: unknown;
  let b: unknown;
  try {
    [a, b] = [parse(first.yaml), parse(second.yaml)];
  } catch {
    return '';
  }
  const found: { path: string; text: string }[] = [];
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (isMap(x) && isMap(y)) {
      for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) walk(x[key], y[key], path === '' ? key : `${path}.${key}`);
      return;
    }
    if (JSON.stringify(x) === JSON.stringify(y)) return;
    // Long texts that share a beginning are shown from where they part (`…overridden: --years 2`).
    const from = typeof x === 'string' && typeof y === 'string' ? wordStartBefore(x, commonPrefixLength(x, y)) : 0;
    found.push({ path, text: `${path || '(root)'} (${show(x, from)} in ${first.label}, ${show(y, from)} in ${second.label})` });
  };
  walk(a, b, '');
  // The resolved file's `source` line records the overrides, so it differs whenever an overridden key
  // does: named only when nothing else differs (a provenance note, not a setting).
  const named = found.some((d) => d.path !== 'source') ? found.filter((d) => d.path !== 'source') : found;
  const shown = named.slice(0, MAX_NAMED).map((d) => d.text);
  return named.length === 0 ? '' : `${shown.join('; ')}${named.length > MAX_NAMED ? `; and ${named.length - MAX_NAMED} more` : ''}`;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value in at most about 40 characters: `2`, `"US"`, `[…]`, `none`; a string from character `from` on, marked `…`. */
function show(value: unknown, from = 0): string {
  if (value === undefined) return 'none';
  const text = typeof value === 'string' && from > 0 ? `"…${value.slice(from)}"` : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Where to start showing a text that differs from character `at`: the start of a word up to 24 characters before it (0 for short prefixes). */
function wordStartBefore(text: string, at: number): number {
  if (at <= 24) return 0;
  const space = text.indexOf(' ', at - 24);
  return space >= 0 && space < at ? space + 1 : at - 24;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
