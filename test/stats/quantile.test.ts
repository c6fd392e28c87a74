import { describe, expect, it } from 'vitest';
import { quantile } from '../../src/stats/quantile.ts';

describe('quantile (type 7)', () => {
  const sorted = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  it('matches hand-computed values', () => {
    // h = 9p: p5 → 1 + 0.45, p25 → 3 + 0.25, p50 → 5.5, p95 → 9 + 0.55
    expect(quantile(sorted, 0.05)).toBeCloseTo(1.45, 12);
    expect(quantile(sorted, 0.25)).toBeCloseTo(3.25, 12);
    expect(quantile(sorted, 0.5)).toBe(5.5);
    expect(quantile(sorted, 0.95)).toBeCloseTo(9.55, 12);
    expect(quantile(Float64Array.of(10, 20, 40), 0.75)).toBe(30);
  });
  it('returns the extremes at 0 and 1 and the only value for n = 1', () => {
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 1)).toBe(10);
    expect(quantile(Float64Array.of(7), 0.3)).toBe(7);
  });
  it('is NaN on empty input and rejects p outside [0, 1]', () => {
    expect(quantile(new Float64Array(0), 0.5)).toBeNaN();
    expect(() => quantile(sorted, 1.5)).toThrow(RangeError);
    expect(() => quantile(sorted, NaN)).toThrow(RangeError);
  });
});
