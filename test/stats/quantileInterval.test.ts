import { describe, expect, it } from 'vitest';
import { quantileInterval } from '../../src/stats/quantileInterval.ts';
import { summarizeValues } from '../../src/stats/summarizeValues.ts';

/** 1, 2, …, n: each order statistic is its rank. */
const ranks = (n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => i + 1);

describe('quantileInterval', () => {
  // Ranks from the binomial, checked against scipy.stats.binom (largest l with P(B < l) ≤ 0.025, smallest u with P(B ≥ u) ≤ 0.025).
  it.each([
    [100, 0.05, 1, 11], [30, 0.5, 10, 21], [20, 0.5, 6, 15], [1000, 0.95, 936, 964], [10000, 0.05, 458, 544],
  ])('n = %i, q = %f: ranks %i and %i', (n, q, low, high) => {
    expect(quantileInterval(ranks(n), q)).toEqual({ low, high });
  });

  it('leaves a side unbounded (NaN) when the runs are too few to bound it: a 5th percentile below 72 runs has no lower bound', () => {
    expect(quantileInterval(ranks(30), 0.05)).toEqual({ low: NaN, high: 5 });
    expect(quantileInterval(ranks(30), 0.95)).toEqual({ low: 26, high: NaN });
    expect(quantileInterval(ranks(71), 0.05).low).toBeNaN();
    expect(quantileInterval(ranks(72), 0.05).low).toBe(1);
    expect(quantileInterval(ranks(0), 0.5)).toEqual({ low: NaN, high: NaN });
  });

  it('covers the true quantile in at least 95% of samples (uniform draws, median at n = 25)', () => {
    // A fixed LCG, so the test is deterministic.
    let state = 12345;
    const next = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let covered = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const sample = Float64Array.from({ length: 25 }, next).sort();
      const { low, high } = quantileInterval(sample, 0.5);
      if (low <= 0.5 && 0.5 <= high) covered++;
    }
    // Exact coverage of ranks 8 and 18 at n = 25 is P(8 ≤ B ≤ 17) = 0.957.
    expect(covered / trials).toBeGreaterThan(0.94);
    expect(covered / trials).toBeLessThan(0.975);
  });

  it('gives summarizeValues its percentiles\' intervals', () => {
    const summary = summarizeValues(ranks(100).reverse());
    expect([summary.p5CiLow, summary.p5CiHigh, summary.p95CiLow, summary.p95CiHigh]).toEqual([1, 11, 90, 100]);
    expect(summary.p50CiLow).toBeLessThan(summary.p50);
    expect(summary.p50CiHigh).toBeGreaterThan(summary.p50);
  });
});
