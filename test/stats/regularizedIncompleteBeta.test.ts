import { describe, expect, it } from 'vitest';
import { regularizedIncompleteBeta } from '../../src/stats/regularizedIncompleteBeta.ts';

describe('regularizedIncompleteBeta', () => {
  it('matches closed forms', () => {
    expect(regularizedIncompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    // I_x(1, b) = 1 − (1 − x)^b
    expect(regularizedIncompleteBeta(0.3, 1, 3)).toBeCloseTo(1 - 0.7 ** 3, 14);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
  it('matches high-precision references (mpmath) on both sides of the symmetry switch', () => {
    expect(regularizedIncompleteBeta(0.3, 2.5, 7.25)).toBeCloseTo(0.6604822735819072218, 13);
    expect(regularizedIncompleteBeta(0.9, 50, 0.5)).toBeCloseTo(0.0012041498325598130044, 15);
  });
  it('is NaN for invalid arguments', () => {
    expect(regularizedIncompleteBeta(1.5, 1, 1)).toBeNaN();
    expect(regularizedIncompleteBeta(0.5, 0, 1)).toBeNaN();
  });
});
