import { describe, expect, it } from 'vitest';
import { confidenceIntervalOfMean } from '../../src/stats/confidenceIntervalOfMean.ts';

describe('confidenceIntervalOfMean', () => {
  it('matches a hand computation with t(0.975, 3) = 3.182446305', () => {
    // mean 2.5, s² = 5/3, s/√n = 0.6454972244, half-width = 2.0542603
    const { mean, low, high } = confidenceIntervalOfMean([4, 1, 3, 2]);
    expect(mean).toBe(2.5);
    expect(low).toBeCloseTo(2.5 - 3.1824463052837084 * Math.sqrt(5 / 12), 12);
    expect(high).toBeCloseTo(2.5 + 3.1824463052837084 * Math.sqrt(5 / 12), 12);
  });
  it('supports other levels and ignores NaN', () => {
    const { low, high } = confidenceIntervalOfMean([1, NaN, 2, 3, 4], 0.9);
    // t(0.95, 3) = 2.353363435
    expect(high - 2.5).toBeCloseTo(2.3533634348018264 * Math.sqrt(5 / 12), 10);
    expect(2.5 - low).toBeCloseTo(high - 2.5, 12);
  });
  it('has NaN bounds with fewer than two values', () => {
    expect(confidenceIntervalOfMean([7])).toEqual({ mean: 7, low: NaN, high: NaN });
    expect(confidenceIntervalOfMean([]).mean).toBeNaN();
    expect(() => confidenceIntervalOfMean([1, 2], 1)).toThrow(RangeError);
  });
});
