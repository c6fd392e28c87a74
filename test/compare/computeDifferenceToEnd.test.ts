import { describe, expect, it } from 'vitest';
import { computeDifferenceToEnd } from '../../src/compare/computeDifferenceToEnd.ts';
import { confidenceIntervalOfMean } from '../../src/stats/confidenceIntervalOfMean.ts';

describe('computeDifferenceToEnd', () => {
  // Three periods, three runs (columns per period, runs in order).
  const reference = [[1, 2, 3], [1, 1, 1], [5, 5, 5]].map((v) => Float64Array.from(v));
  const alternative = [[2, 2, 5], [0, 2, 1], [6, 7, 4]].map((v) => Float64Array.from(v));
  const weeks = [4, 5, 4];

  it('sums each run\'s differences × weeks from each period to the end, then takes the t interval over runs', () => {
    const out = computeDifferenceToEnd(reference, alternative, weeks);
    // Run sums from period 2: (1, 2, −1) × 4; from period 1: those + (−1, 1, 0) × 5; from period 0: + (1, 0, 2) × 4.
    const last = [4, 8, -4];
    const middle = last.map((v, r) => v + [-5, 5, 0][r]);
    const first = middle.map((v, r) => v + [4, 0, 8][r]);
    [first, middle, last].forEach((runs, p) => {
      const expected = confidenceIntervalOfMean(runs);
      expect(out.mean[p]).toBeCloseTo(expected.mean, 12);
      expect(out.ciLow[p]).toBeCloseTo(expected.low, 12);
      expect(out.ciHigh[p]).toBeCloseTo(expected.high, 12);
    });
  });

  it('leaves a run with a missing month out of the periods up to it, not out of later ones', () => {
    const gap = alternative.map((v, p) => (p === 1 ? Float64Array.of(NaN, 2, 1) : v));
    const out = computeDifferenceToEnd(reference, gap, weeks);
    expect(out.mean[2]).toBeCloseTo((4 + 8 - 4) / 3, 12);
    expect(out.mean[1]).toBeCloseTo((8 + 5 - 4 + 0) / 2, 12);
    expect(out.mean[0]).toBeCloseTo((13 + -4 + 8) / 2, 12);
  });
});
