import { describe, expect, it } from 'vitest';
import { sampleVariance } from '../../src/stats/sampleVariance.ts';

describe('sampleVariance', () => {
  it('uses the n − 1 denominator', () => {
    expect(sampleVariance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 14);
    expect(sampleVariance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 14);
  });
  it('is NaN below two values and zero for constants', () => {
    expect(sampleVariance([3])).toBeNaN();
    expect(sampleVariance([5, 5, 5])).toBe(0);
  });
});
