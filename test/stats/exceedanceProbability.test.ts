import { describe, expect, it } from 'vitest';
import { exceedanceProbability } from '../../src/stats/exceedanceProbability.ts';

describe('exceedanceProbability', () => {
  it('counts values strictly above the threshold among defined values', () => {
    expect(exceedanceProbability([1, 2, 3, NaN], 1.5)).toBeCloseTo(2 / 3, 15);
    expect(exceedanceProbability([1, 2, 3], 3)).toBe(0);
    expect(exceedanceProbability([1, 2, 3], 0)).toBe(1);
  });
  it('is NaN without defined values', () => {
    expect(exceedanceProbability([NaN], 0)).toBeNaN();
  });
});
