import { describe, expect, it } from 'vitest';
import type { ReplicateResult, ResultLayout, SeriesKey } from '../../sim-core/results.ts';
import { computeComparison } from '../../src/compare/computeComparison.ts';

const shortfall: SeriesKey = { metric: 'cumulativeShortfall', material: 'ndpr', stage: 'endUse', region: 'US', unit: 't' };
const cost: SeriesKey = { metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' };
const share: SeriesKey = { metric: 'finalSecureSupplyShare', material: 'ndpr', stage: 'mining', region: '', unit: 'share' };

function layout(summaries: SeriesKey[]): ResultLayout {
  return { ticks: 1, ticksPerYear: 52, startYear: 2025, series: [], summaries };
}
function results(rows: number[][]): ReplicateResult[] {
  return rows.map((row, replicate) => ({ replicate, series: new Float64Array(0), summaries: Float64Array.from(row) }));
}

describe('computeComparison', () => {
  it('matches metrics by key whatever their order, and drops metrics missing from an arm', () => {
    const first = { label: 'a', layout: layout([shortfall, cost, share]), results: results([[10, 0, 0.5], [20, 0, 0.5]]) };
    const second = { label: 'b', layout: layout([cost, shortfall]), results: results([[5, 7], [9, 18]]) };
    const [comparison] = computeComparison([first, second]);
    expect(comparison.label).toBe('b');
    expect(comparison.metrics.map((m) => m.key.metric)).toEqual(['cumulativeShortfall', 'policyCost']);
    expect(comparison.metrics[0]).toMatchObject({ meanA: 15, meanB: 12.5, meanDifference: -2.5, pBetter: 1, direction: 'lower' });
    expect(comparison.metrics[1]).toMatchObject({ meanA: 0, meanB: 7, meanDifference: 7, pBetter: 0, pWorse: 1 });
  });

  it('gives P(A > t) and P(B > t) for the metrics of the default exceedance probabilities only', () => {
    const weeks: SeriesKey = { metric: 'longestSevereShortfallWeeks', material: 'ndpr', stage: 'endUse', region: 'US', unit: 'weeks' };
    const keys = [weeks, shortfall, cost];
    const first = { label: 'a', layout: layout(keys), results: results([[10, 1, 0], [4, 1, 0], [9, 1, 0], [NaN, 1, 0]]) };
    const second = { label: 'b', layout: layout(keys), results: results([[2, 1, 0], [8, 1, 0], [12, 1, 0], [20, 1, 0]]) };
    const [comparison] = computeComparison([first, second]);
    expect(comparison.metrics[0].exceedance).toEqual({ threshold: 8, pA: 2 / 3, pB: 1 / 3, pValue: 1 }); // 8 is not above 8; NaN pair left out; one discordant pair: p = 1
    expect(comparison.metrics[1].exceedance).toBeUndefined();
  });

  it('does not match keys that differ in unit', () => {
    const other = { ...cost, unit: 'kUSD' };
    const [comparison] = computeComparison([
      { label: 'a', layout: layout([cost]), results: results([[1], [2]]) },
      { label: 'b', layout: layout([other]), results: results([[1], [2]]) },
    ]);
    expect(comparison.metrics).toEqual([]);
  });

  it('compares every alternative with the first', () => {
    const arm = (label: string, v: number) => ({ label, layout: layout([cost]), results: results([[v], [v + 1]]) });
    const comparisons = computeComparison([arm('a', 1), arm('b', 3), arm('c', 0)]);
    expect(comparisons.map((c) => [c.label, c.metrics[0].meanDifference])).toEqual([['b', 2], ['c', -1]]);
  });

  it('refuses arms with different replicates or a single arm', () => {
    const a = { label: 'a', layout: layout([cost]), results: results([[1], [2]]) };
    expect(() => computeComparison([a])).toThrow(RangeError);
    expect(() => computeComparison([a, { ...a, label: 'b', results: results([[1]]) }])).toThrow(/same replicates/);
  });
});
