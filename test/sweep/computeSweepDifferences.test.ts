import { describe, expect, it } from 'vitest';
import { summarizeValues } from '../../src/stats/summarizeValues.ts';
import { computeSweepDifferences } from '../../src/sweep/computeSweepDifferences.ts';

const cost = { metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' };
const weeks = { metric: 'shortfallWeeks', material: 'ndpr', stage: 'endUse', region: 'US', unit: 'weeks' };
const price = { metric: 'peakPriceMultiple', material: 'ndpr', stage: 'mining', region: 'US', unit: 'x base' };
const metric = (key: typeof cost, values: number[]) => ({ stat: { key, ...summarizeValues(values) }, values });
const point = (...metrics: ReturnType<typeof metric>[]) => ({ stats: metrics.map((m) => m.stat), columnOf: (index: number) => metrics[index].values });

describe('computeSweepDifferences', () => {
  it('gives the mean and 95% t interval of the per-replicate differences from point 0, by hand', () => {
    // Differences 1, 2, 1, 2: mean 1.5, s = √(1/3), standard error s/2, t(0.975, 3) = 3.182446305284263.
    const points = [
      point(metric(cost, [10, 12, 11, 13]), metric(weeks, [4, 5, 6, 7])),
      point(metric(cost, [11, 14, 12, 15]), metric(weeks, [NaN, 6, 7, 8])),
    ];
    const [first, second] = computeSweepDifferences(points);
    expect(first).toBeUndefined(); // point 0 is the reference
    expect(second?.[0]?.n).toBe(4);
    expect(second?.[0]?.meanDifference).toBeCloseTo(1.5, 12);
    expect(second?.[0]?.ciLow).toBeCloseTo(0.5813068844813005, 9);
    expect(second?.[0]?.ciHigh).toBeCloseTo(2.4186931155186997, 9);
    // The replicate undefined at point 1 is left out: differences 1, 1, 1 over n = 3, no spread.
    expect(second?.[1]).toEqual({ meanDifference: 1, ciLow: 1, ciHigh: 1, n: 3 });
  });

  it('pairs replicate i with replicate i, not the values in sorted order', () => {
    // The same values in another replicate order: sorted they are equal, paired every run moved by ±2.
    const points = [point(metric(cost, [1, 3, 5, 7])), point(metric(cost, [3, 1, 7, 5]))];
    const difference = computeSweepDifferences(points)[1]?.[0];
    expect(difference?.meanDifference).toBe(0);
    expect(difference?.ciHigh).toBeGreaterThan(1);
  });

  it('matches metrics by id when a point lists them in another order, and gives none for a metric point 0 lacks', () => {
    const points = [
      point(metric(cost, [1, 2, 3]), metric(weeks, [0, 0, 0])),
      point(metric(weeks, [2, 2, 2]), metric(price, [1, 1, 1]), metric(cost, [1, 2, 3])),
    ];
    const [, later] = computeSweepDifferences(points);
    expect(later?.[0]).toEqual({ meanDifference: 2, ciLow: 2, ciHigh: 2, n: 3 });
    expect(later?.[1]).toBeUndefined();
    expect(later?.[2]).toEqual({ meanDifference: 0, ciLow: 0, ciHigh: 0, n: 3 });
  });
});
