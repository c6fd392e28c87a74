import { describe, expect, it } from 'vitest';
import type { ReplicateResult, ResultLayout, SeriesKey } from '../../sim-core/results.ts';
import { computeComparison, type ComparisonArm } from '../../src/compare/computeComparison.ts';
import { computeReversalSplit } from '../../src/compare/computeReversalSplit.ts';

const shortfall: SeriesKey = { metric: 'cumulativeShortfall', material: 'ndpr', stage: 'endUse', region: 'US', unit: 't' };
const weeks: SeriesKey = { metric: 'shortfallWeeks', material: 'ndpr', stage: 'endUse', region: 'US', unit: 'weeks' };
const reversedKey = (id: string, material = 'ndpr'): SeriesKey => ({ metric: 'policyReversed', material, stage: 'processing', region: id, unit: 'share' });

function arm(label: string, summaries: SeriesKey[], rows: number[][]): ComparisonArm {
  const layout: ResultLayout = { ticks: 1, ticksPerYear: 52, startYear: 2025, series: [], summaries };
  const results: ReplicateResult[] = rows.map((row, replicate) => ({ replicate, series: new Float64Array(0), summaries: Float64Array.from(row) }));
  return { label, layout, results };
}

// Six paired runs. The reference has no policy. In the alternative, policy p1 is reversed in run 1
// and p2 in runs 1 and 4: two reversed runs (1, 4), four kept (0, 2, 3, 5).
// Shortfall differences B − A: kept −4, −6, −5, −5 (mean −5); reversed −1, −3 (mean −2).
const reference = arm('threat', [shortfall, weeks], [[10, 8], [10, 8], [10, 8], [10, 8], [10, 8], [10, 8]]);
const subsidy = arm('subsidy', [reversedKey('p1'), shortfall, reversedKey('p2'), weeks], [
  [0, 6, 0, NaN], [1, 9, 1, 7], [0, 4, 0, 6], [0, 5, 0, 5], [0, 7, 1, 8], [0, 5, 0, 4],
]);

describe('computeReversalSplit', () => {
  it('splits the paired differences by whether any of the alternative\'s policies was reversed, as by hand', () => {
    const arms = [reference, subsidy];
    const [split] = computeReversalSplit(arms, computeComparison(arms));
    expect(split).toMatchObject({ label: 'subsidy', policies: ['p1', 'p2'], runsReversedByPolicy: [1, 2], runsReversed: 2, runs: 6 });
    const m = split.metrics.find((x) => x.key.metric === 'cumulativeShortfall');
    // Kept: mean −5, s² = 2/3, t(0.975, 3) = 3.1824463052837078 · √(2/3 / 4).
    const keptHalf = 3.1824463052837078 * Math.sqrt(2 / 3 / 4);
    expect(m?.kept.n).toBe(4);
    expect(m?.kept.mean).toBeCloseTo(-5, 12);
    expect(m?.kept.ciLow).toBeCloseTo(-5 - keptHalf, 9);
    expect(m?.kept.ciHigh).toBeCloseTo(-5 + keptHalf, 9);
    // Reversed: mean −2, s² = 2, t(0.975, 1) = 12.706204736174694 · √(2 / 2).
    expect(m?.reversed).toMatchObject({ n: 2 });
    expect(m?.reversed.mean).toBeCloseTo(-2, 12);
    expect(m?.reversed.ciHigh).toBeCloseTo(-2 + 12.706204736174694, 9);
    // Kept − reversed = −3; Welch: V = 1/6 + 1 = 7/6, ν = V² / ((1/6)²/3 + 1²/1) = 147/109, t(0.975, 147/109) = 7.05979690743342 (scipy).
    const welchHalf = 7.05979690743342 * Math.sqrt(7 / 6);
    expect(m?.difference.mean).toBeCloseTo(-3, 12);
    expect(m?.difference.ciLow).toBeCloseTo(-3 - welchHalf, 7);
    expect(m?.difference.ciHigh).toBeCloseTo(-3 + welchHalf, 7);
  });

  it('leaves a pair with an undefined value out of its group only', () => {
    const arms = [reference, subsidy];
    const weeksSplit = computeReversalSplit(arms, computeComparison(arms))[0].metrics.find((x) => x.key.metric === 'shortfallWeeks');
    expect(weeksSplit?.kept).toMatchObject({ n: 3 }); // run 0 is NaN: kept differences −2, −3, −4
    expect(weeksSplit?.kept.mean).toBeCloseTo(-3, 12);
    expect(weeksSplit?.reversed.mean).toBeCloseTo(-0.5, 12); // −1 and 0
  });

  it('gives no entry to an alternative without reversible policies, and no metrics when no run had a reversal', () => {
    const plain = arm('plain', [shortfall, weeks], reference.results.map((r) => Array.from(r.summaries)));
    const neverReversed = arm('steady', [reversedKey('p1'), shortfall, weeks], reference.results.map((r) => [0, r.summaries[0] - 1, r.summaries[1]]));
    const arms = [reference, plain, neverReversed];
    const splits = computeReversalSplit(arms, computeComparison(arms));
    expect(splits.map((s) => s.label)).toEqual(['steady']);
    expect(splits[0]).toMatchObject({ runsReversed: 0, runs: 6, metrics: [], byPolicy: [] });
  });

  it('splits by each policy alone when there are several, and leaves out metrics the alternative never changes', () => {
    const arms = [reference, subsidy];
    const [split] = computeReversalSplit(arms, computeComparison(arms));
    expect(split.byPolicy.map((p) => [p.id, p.runsReversed])).toEqual([['p1', 1], ['p2', 2]]);
    // p1 alone: reversed in run 1 only (−1, no interval from one run); kept in runs 0, 2, 3, 4, 5: −4, −6, −5, −3, −5.
    const byP1 = split.byPolicy[0].metrics.find((m) => m.key.metric === 'cumulativeShortfall');
    expect(byP1?.reversed).toMatchObject({ n: 1, mean: -1 });
    expect(byP1?.reversed.ciLow).toBeNaN();
    expect(byP1?.kept.mean).toBeCloseTo(-4.6, 12);
    expect(byP1?.difference.mean).toBeCloseTo(-3.6, 12);
    // A policy of another material splits only its own material's metrics (and those of no material).
    const otherMaterial = arm('dy-policy', [reversedKey('p1'), shortfall, reversedKey('p2', 'dy'), weeks], subsidy.results.map((r) => Array.from(r.summaries)));
    const mixed = [reference, otherMaterial];
    expect(computeReversalSplit(mixed, computeComparison(mixed))[0].byPolicy.map((p) => p.metrics.length)).toEqual([2, 0]);
    // A metric of no material (policy cost) is split for a policy of another material too.
    const cost: SeriesKey = { metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' };
    const costRef = arm('threat', [shortfall, weeks, cost], reference.results.map((r) => [...Array.from(r.summaries), 0]));
    const withCost = arm('dy-policy-cost', [reversedKey('p1'), shortfall, reversedKey('p2', 'dy'), weeks, cost], subsidy.results.map((r, i) => [...Array.from(r.summaries), 100 + i]));
    const costArms = [costRef, withCost];
    expect(computeReversalSplit(costArms, computeComparison(costArms))[0].byPolicy[1].metrics.map((m) => m.key.metric)).toEqual(['policyCost']);
    const unchanged = arm('same-weeks', [reversedKey('p1'), shortfall, weeks], subsidy.results.map((r, i) => [r.summaries[0], r.summaries[1], i === 0 ? NaN : 8]));
    const both = [reference, unchanged];
    expect(computeReversalSplit(both, computeComparison(both))[0].metrics.map((m) => m.key.metric)).toEqual(['cumulativeShortfall']);
  });
});
