import { describe, expect, it } from 'vitest';
import { largestFinite, monteCarloError, monteCarloMean } from '../../src/calibrate/evaluateParameters.ts';

describe('aggregating replicate values', () => {
  it('takes the largest finite value for aggregate: max, and the mean otherwise', () => {
    expect(largestFinite([0.1, 0.45, NaN, 0])).toBe(0.45);
    expect(monteCarloMean([0.1, 0.5, NaN, 0])).toBeCloseTo(0.2, 12);
  });

  it('gives NaN when fewer than half of the replicates have a value', () => {
    expect(largestFinite([NaN, NaN, 3])).toBeNaN();
    expect(monteCarloMean([NaN, NaN, 3])).toBeNaN();
  });

  it('gives the Monte Carlo standard error of the mean: sample sd (n − 1) over √n of the finite values', () => {
    // sd of 1, 2, 3, 4 is √(5/3); over √4.
    expect(monteCarloError([1, 2, NaN, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3) / 2, 12);
    expect(monteCarloError([5, 5, 5])).toBe(0);
    // Identical values whose float mean is not exact: still 0, so a target on a bound is not at an "edge".
    expect(monteCarloError([0.1, 0.1, 0.1, 0.1, 0.1, 0.1])).toBe(0);
    expect(monteCarloError([5, NaN])).toBeNaN();
  });
});
