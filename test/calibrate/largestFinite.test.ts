import { describe, expect, it } from 'vitest';
import { largestFinite, monteCarloMean } from '../../src/calibrate/evaluateParameters.ts';

describe('aggregating replicate values', () => {
  it('takes the largest finite value for aggregate: max, and the mean otherwise', () => {
    expect(largestFinite([0.1, 0.45, NaN, 0])).toBe(0.45);
    expect(monteCarloMean([0.1, 0.5, NaN, 0])).toBeCloseTo(0.2, 12);
  });

  it('gives NaN when fewer than half of the replicates have a value', () => {
    expect(largestFinite([NaN, NaN, 3])).toBeNaN();
    expect(monteCarloMean([NaN, NaN, 3])).toBeNaN();
  });
});
