import { ruleFor, type TreePath } from './fieldRules.ts';
import { isDist, isPlainMap, type PlainMap } from './locatedTree.ts';
import type { ProblemSink } from './problemSink.ts';

/** A number written without a unit: a YAML number, or a text that is only a number (`"18"`). */
const BARE = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Distribution parameters that carry the key's unit. */
const UNIT_PARAMS = new Set(['min', 'mode', 'max', 'mean', 'median']);

/** The value of a bare number, or undefined when `value` carries a unit (or is no number). */
export function bareNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' && BARE.test(value) ? Number(value) : undefined;
}

/** A share as a percentage for messages, grouped: 25 → `2,500%`. */
export function asPercent(share: number): string {
  return `${Number((share * 100).toPrecision(12)).toLocaleString('en-US', { maximumFractionDigits: 6 })}%`;
}

/**
 * A bare share of 5 or more where a share may exceed 1 (`rate: 25` is a 2,500% tariff): most likely
 * a percentage typed without `%`. Below 5 a bare share is taken as meant: a run's
 * `scenario.resolved.yaml` writes a 150% tariff as `rate: 1.5`, and reloading it must not warn.
 */
const LIKELY_PERCENT = 5;

function warnShare(value: unknown, path: TreePath, warnings: ProblemSink): void {
  const share = bareNumber(value);
  if (share === undefined || share < LIKELY_PERCENT) return;
  warnings.add(path, 'a share (0.25 or 25%)', warnings.found(path, value),
    `a share: ${share} means ${asPercent(share)}; write ${share}% if a percentage was meant`);
}

/** Warns about each bare share of {@link LIKELY_PERCENT} or more at `path` (a value, or the parameters of a distribution). */
function checkShare(value: unknown, path: TreePath, warnings: ProblemSink): void {
  if (!isDist(value)) return warnShare(value, path, warnings);
  for (const [param, v] of Object.entries(value)) {
    if (UNIT_PARAMS.has(param)) warnShare(v, [...path, param], warnings);
    if (param === 'values' && Array.isArray(v)) v.forEach((x, i) => warnShare(x, [...path, param, i], warnings));
  }
}

/**
 * Share keys where a bare number far above 1 is meant, not a percentage: the calibration scenarios
 * switch the rule-driven price war off with `priceWarTrigger: 100`; `entrantHeadroom: 5` is room for
 * five times the starting firms, and a cost spread of 5 a plain ratio (review 25, L1).
 */
const NEVER_SHARES = new Set(['priceWarTrigger', 'entrantHeadroom', 'costSpread']);

/**
 * Plain-number multipliers of events (demand, permitting durations, construction times) and the
 * largest value taken as meant: above it, most likely a typo or a percentage (`multiplier: 150`).
 */
const MULTIPLIER_KEYS = new Set(['multiplier', 'durationMultiplier', 'constructionMultiplier']);
export const LARGEST_PLAUSIBLE_MULTIPLIER = 10;

/** What each multiplier multiplies, for messages. */
const MULTIPLIES: Readonly<Record<string, string>> = {
  multiplier: 'demand', durationMultiplier: 'permitting durations', constructionMultiplier: 'construction times',
};

/** Warns about one bare multiplier above {@link LARGEST_PLAUSIBLE_MULTIPLIER} (`1e14`; `150`, with the 1.5 a percentage would mean). */
function warnMultiplier(value: unknown, key: string, path: TreePath, warnings: ProblemSink): void {
  const factor = bareNumber(value);
  if (factor === undefined || !(factor > LARGEST_PLAUSIBLE_MULTIPLIER)) return;
  const shown = factor < 1e6 ? String(factor) : factor.toExponential();
  // `multiplier: 150` for +50% or 150%: a percentage typed as the multiplier.
  const percent = factor >= 100 && factor <= 10000 ? `; if ${factor}% was meant, write ${Number((factor / 100).toPrecision(12))}` : '';
  warnings.add(path, `a multiplier of at most ${LARGEST_PLAUSIBLE_MULTIPLIER} (1.5 is 50% more)`, warnings.found(path, value),
    `it multiplies ${MULTIPLIES[key]} by ${shown}: most likely a typo${percent}`);
}

/** Warns about a multiplier above {@link LARGEST_PLAUSIBLE_MULTIPLIER} at `path` (a value, or the parameters of a distribution). */
function checkMultiplier(value: unknown, key: string, path: TreePath, warnings: ProblemSink): void {
  if (!isDist(value)) return warnMultiplier(value, key, path, warnings);
  for (const [param, v] of Object.entries(value)) {
    if (UNIT_PARAMS.has(param)) warnMultiplier(v, key, [...path, param], warnings);
    if (param === 'values' && Array.isArray(v)) v.forEach((x, i) => warnMultiplier(x, key, [...path, param, i], warnings));
  }
}

/**
 * Walks the tree for share keys whose rule lets them exceed 1 (a key capped at 1 gets a range error
 * instead), but for {@link NEVER_SHARES}, and for the event multipliers of {@link MULTIPLIER_KEYS}.
 */
function walk(node: unknown, path: TreePath, warnings: ProblemSink): void {
  const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : isPlainMap(node) ? Object.entries(node) : [];
  for (const [key, value] of entries) {
    if (key === 'source' || key === 'asOf') continue;
    const childPath = [...path, key];
    const rule = ruleFor(childPath);
    if (rule?.dimension === 'share' && (rule.max === undefined || rule.max > 1)) {
      if (!NEVER_SHARES.has(String(key))) checkShare(value, childPath, warnings);
    } else if (path[0] === 'events' && path.length === 2 && MULTIPLIER_KEYS.has(String(key))) checkMultiplier(value, String(key), childPath, warnings);
    else if (!rule || isDist(value)) walk(value, childPath, warnings);
  }
}

/**
 * Warns about bare numbers (no unit) that are most likely a unit mistake. A bare number is read in
 * its key's base unit (scenarios/README.md, Event reference: shares as fractions, durations in years,
 * prices in USD/t, …) and stays valid, since a run's resolved YAML writes every number bare. Three
 * cases warn, as written, before units are converted:
 * - an event's `duration` without a unit (`duration: 18` is 18 years; the key's name does not say
 *   the unit, and a resolved YAML never carries a duration);
 * - a share of 5 or more on any key that may exceed 1 (`rate: 25` is a 2,500% tariff,
 *   `materials.ndpr.demand.growthPerYear: 5` 500% a year; `quotaShare: 50` is already an error, out
 *   of [0, 1]), but for `priceWarTrigger`, where a bare share far above 1 is a deliberate "never"
 *   (the calibration scenarios' `priceWarTrigger: 100`);
 * - an event multiplier (`multiplier`, `durationMultiplier`, `constructionMultiplier`) above
 *   {@link LARGEST_PLAUSIBLE_MULTIPLIER} (`multiplier: 1e14` runs, with absurd results).
 *
 * @param tree - The merged authoring tree (before convertUnits).
 * @param warnings - Where the located warnings go.
 * @example
 * checkBareNumbers(tree, warnings); // events.q.duration: expected a duration with its unit (18 months, 1.5 years), found 18 (read as 18 years; …)
 */
export function checkBareNumbers(tree: PlainMap, warnings: ProblemSink): void {
  walk(tree, [], warnings);
  if (!isPlainMap(tree.events)) return;
  for (const [id, event] of Object.entries(tree.events)) {
    const years = isPlainMap(event) ? bareNumber(event.duration) : undefined;
    if (years === undefined || years <= 0) continue;
    const path = ['events', id, 'duration'];
    warnings.add(path, 'a duration with its unit (18 months, 1.5 years)', warnings.found(path, (event as PlainMap).duration),
      `read as ${years} years; write \`${years} years\` or \`${years} months\``);
  }
}
