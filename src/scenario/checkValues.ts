import type { DistributionSpec } from '../../sim-core/index.ts';
import { asPercent } from './checkBareNumbers.ts';
import type { FoundUncertainty } from './extractUncertainties.ts';
import { describeRange, type FieldRule, inRange, ruleFor, type TreePath } from './fieldRules.ts';
import { isPlainMap } from './locatedTree.ts';
import { describeFound, type ProblemSink } from './problemSink.ts';
import { shortenText } from './quoteText.ts';
import { MAX_MAGNITUDE } from './scenarioLimits.ts';
import { distributionSchema } from './scenarioSchema.ts';
import { reportZodIssues } from './zodProblems.ts';
import { z } from 'zod';

const resolvedDistribution = distributionSchema(z.number());

/** What a number beyond {@link MAX_MAGNITUDE} is told. */
const MAGNITUDE_EXPECTED = `a number of magnitude at most ${MAX_MAGNITUDE.toExponential()}`;

/** Whether `value` is a finite number beyond the sanity bound (no real quantity in canonical units comes near it). */
function isHuge(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) > MAX_MAGNITUDE;
}

/**
 * For a share above 1 written without `%` (`quotaShare: 50`), what it means and what to write; for a
 * quota share above 100% (a ceiling above last year's exports), the key that says it; else ''.
 */
function percentHint(rule: FieldRule, value: number, found: string, key: string | number): string {
  if (rule.dimension !== 'share' || value <= 1) return '';
  if (!found.includes('%')) return `a share: ${value} means ${asPercent(value)}; write ${value}%`;
  return key === 'quotaShare' ? 'a ceiling above last year\'s exports is a tonnage: give quotaTonnesPerYear instead' : '';
}

/** Checks every numeric leaf: its magnitude, and its range when it has a rule. */
function checkNode(node: unknown, path: TreePath, sink: ProblemSink): void {
  const entries: [string | number, unknown][] = Array.isArray(node)
    ? node.map((v, i) => [i, v])
    : isPlainMap(node) ? Object.entries(node) : [];
  for (const [key, value] of entries) {
    const childPath = [...path, key];
    const rule = ruleFor(childPath);
    if (rule && typeof value === 'number' && Number.isFinite(value) && !inRange(rule, value)) {
      const found = sink.found(childPath, value);
      sink.add(childPath, describeRange(rule), found, percentHint(rule, value, found, key));
    } else if (isHuge(value)) {
      sink.add(childPath, MAGNITUDE_EXPECTED, sink.found(childPath, value));
    } else if (typeof value === 'object') checkNode(value, childPath, sink);
  }
}

/** The smallest and largest of `values` (a loop: spreading a long list into Math.min overflows the stack). */
function extremes(values: readonly number[]): { low: number; high: number } {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return { low, high };
}

/** Internal consistency of a distribution; returns a problem text or undefined. */
function distributionFlaw(d: DistributionSpec): string | undefined {
  if (d.dist === 'uniform' && d.min > d.max) return 'min ≤ max';
  if (d.dist === 'triangular' && !(d.min <= d.mode && d.mode <= d.max)) return 'min ≤ mode ≤ max';
  if (d.dist === 'normal' && d.sd < 0) return 'sd ≥ 0';
  if (d.dist === 'normal' && d.min !== undefined && d.max !== undefined && d.min > d.max) return 'min ≤ max';
  if (d.dist === 'lognormal' && !(d.median > 0 && d.sigma >= 0)) return 'median > 0 and sigma ≥ 0';
  if (d.dist === 'discrete' && d.weights) {
    const ok = d.weights.length === d.values.length && d.weights.every((w) => w >= 0) && d.weights.some((w) => w > 0);
    if (!ok) return 'one non-negative weight per value, not all zero';
  }
  return undefined;
}

/** The extreme values a distribution can draw, undefined for an unbounded side. */
function support(d: DistributionSpec): { low?: number; high?: number; points: number[] } {
  switch (d.dist) {
    case 'uniform':
    case 'triangular':
      return { low: d.min, high: d.max, points: [d.min, d.max] };
    case 'normal':
      return { low: d.min, high: d.max, points: [d.min, d.max].filter((x): x is number => x !== undefined) };
    case 'lognormal':
      return { low: 0, points: [] };
    case 'discrete':
      return { ...extremes(d.values), points: d.values };
  }
}

/** Checks a distribution's shape, consistency and that all its draws satisfy the key's rule. */
function checkDistribution(u: FoundUncertainty, rule: FieldRule | undefined, sink: ProblemSink): void {
  if (!reportZodIssues(resolvedDistribution, u.distribution, sink, u.path)) return sink.suppress(u.path);
  const huge = Object.values(u.distribution).flat().find(isHuge);
  if (huge !== undefined) return sink.add(u.path, `a distribution whose parameters are ${MAGNITUDE_EXPECTED.slice(2)}`, describeFound(huge));
  const flaw = distributionFlaw(u.distribution);
  if (flaw) return sink.add(u.path, `a distribution with ${flaw}`, shortenText(JSON.stringify(u.distribution)));
  if (!rule) return;
  const { low, high, points } = support(u.distribution);
  const outside = points.find((p) => !inRange(rule, p));
  if (outside !== undefined) return sink.add(u.path, `draws that are ${describeRange(rule)}`, `a possible draw ${outside}`);
  const unboundedLow = rule.min !== undefined && low === undefined;
  const unboundedHigh = rule.max !== undefined && high === undefined;
  if (unboundedLow || unboundedHigh) {
    sink.add(u.path, `a bounded distribution (${describeRange(rule)})`, `${u.distribution.dist} without ${unboundedLow ? 'min' : 'max'}`);
  }
}

/**
 * Checks ranges of every number of the nominal tree (shares in [0, 1], capacities ≥ 0, …) and every
 * distribution: shape, consistency, and that its support lies in the key's range.
 */
export function checkValues(nominal: Record<string, unknown>, found: FoundUncertainty[], sink: ProblemSink): void {
  for (const u of found) checkDistribution(u, ruleFor(u.path), sink);
  checkNode(nominal, [], sink);
}
