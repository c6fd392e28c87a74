import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { confidenceIntervalOfMean } from '../../src/stats/confidenceIntervalOfMean.ts';
import { meanDifferencePValue } from '../../src/stats/meanDifferencePValue.ts';

/** P(|T| > t) for 3 degrees of freedom in closed form (Student), independent of the incomplete beta. */
function twoSidedTailDf3(t: number): number {
  const u = t / Math.sqrt(3);
  return 1 - (2 / Math.PI) * (Math.atan(u) + u / (1 + u * u));
}

describe('meanDifferencePValue', () => {
  it('is the paired t test: two-sided tail of t = mean / (s / sqrt n) with n - 1 df', () => {
    const t = 2.5 / (Math.sqrt(5 / 3) / 2); // [1, 2, 3, 4]: mean 2.5, variance 5/3
    expect(meanDifferencePValue([1, 2, 3, 4])).toBeCloseTo(twoSidedTailDf3(t), 12);
    expect(meanDifferencePValue([-1, -2, -3, -4])).toBeCloseTo(twoSidedTailDf3(t), 12); // two-sided
    expect(meanDifferencePValue([1, -1, 2, -2])).toBeCloseTo(1, 12); // mean 0
  });

  it('ignores NaN, is NaN below two values, and 0 or 1 without spread', () => {
    expect(meanDifferencePValue([1, NaN, 2, 3, 4])).toBe(meanDifferencePValue([1, 2, 3, 4]));
    expect(meanDifferencePValue([3])).toBeNaN();
    expect(meanDifferencePValue([2, 2, 2])).toBe(0);
    expect(meanDifferencePValue([0, 0, 0])).toBe(1);
  });

  it('is below 0.05 exactly when the 95% interval of the mean excludes 0', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 2, maxLength: 40 }), (values) => {
      const { low, high } = confidenceIntervalOfMean(values);
      const p = meanDifferencePValue(values);
      fc.pre(Math.abs(p - 0.05) > 1e-9 && high - low > 0); // leave the edge (rounding) and no-spread cases out
      expect(p < 0.05).toBe(low > 0 || high < 0);
    }));
  });
});
