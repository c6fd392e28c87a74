import { describe, expect, it } from 'vitest';
import type { AlternativeComparison } from '../../src/compare/computeComparison.ts';
import { type ComparisonReport, formatComparisonJson } from '../../src/compare/formatComparisonJson.ts';
import type { ReversalSplit } from '../../src/compare/computeReversalSplit.ts';

const key = { metric: 'cumulativeShortfall', material: 'ndpr', stage: 'endUse', region: 'US', unit: 't' };
const alternative: AlternativeComparison = {
  label: 'subsidy',
  metrics: [{ key, direction: 'lower', n: 6, meanA: 10, meanB: 6, meanDifference: -4, ciLow: -5.5, ciHigh: -2.5, pBetter: 1, pWorse: 0, pValue: 0.001 }],
};
const report: ComparisonReport = {
  arms: [{ label: 'threat', path: 'a.yaml', name: 'a' }, { label: 'subsidy', path: 'b.yaml', name: 'b' }],
  masterSeed: 1, replicates: 6, level: 0.95, alternatives: [alternative],
};
const split: ReversalSplit = {
  label: 'subsidy', policies: ['p1', 'p2'], runsReversedByPolicy: [1, 2], runsReversed: 2, runs: 6,
  byPolicy: [],
  metrics: [{ key, kept: { n: 4, mean: -5, ciLow: -6.3, ciHigh: -3.7 }, reversed: { n: 2, mean: -2, ciLow: -14.7, ciHigh: 10.7 }, difference: { mean: -3, ciLow: NaN, ciHigh: 4.6 } }],
};

describe('comparison.json reversalSplit', () => {
  it('adds nothing when no alternative has reversible policies: the file is byte-identical', () => {
    const without = formatComparisonJson(report);
    expect(formatComparisonJson({ ...report, reversalSplit: [] })).toBe(without);
    expect(without).not.toContain('reversalSplit');
  });

  it('adds the split last, per alternative, and leaves every other field byte-identical', () => {
    const without = formatComparisonJson(report);
    const text = formatComparisonJson({ ...report, reversalSplit: [split] });
    const json = JSON.parse(text);
    expect(Object.keys(json).at(-1)).toBe('reversalSplit');
    const { reversalSplit, ...rest } = json;
    expect(`${JSON.stringify(rest, null, 2)}\n`).toBe(without);
    expect(reversalSplit.subsidy).toEqual({
      policies: ['p1', 'p2'], runsReversedByPolicy: { p1: 1, p2: 2 }, runsReversed: 2, runs: 6,
      metrics: { 'cumulativeShortfall.ndpr.endUse.US': { kept: { n: 4, mean: -5, ciLow: -6.3, ciHigh: -3.7 }, reversed: { n: 2, mean: -2, ciLow: -14.7, ciHigh: 10.7 }, difference: { mean: -3, ciLow: null, ciHigh: 4.6 } } },
    });
  });
});
