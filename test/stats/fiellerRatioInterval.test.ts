import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiellerRatioInterval } from '../../src/stats/fiellerRatioInterval.ts';
import { studentTQuantile } from '../../src/stats/studentTQuantile.ts';

describe('fiellerRatioInterval', () => {
  it('with a denominator that is the same in every pair, is the t interval of mean(x) divided by it', () => {
    const x = [10, 14, 9, 13, 12];
    const y = [2, 2, 2, 2, 2];
    const mean = 11.6;
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / 4);
    const half = (studentTQuantile(0.975, 4) * sd) / Math.sqrt(5);
    const r = fiellerRatioInterval(x, y);
    expect(r.ratio).toBeCloseTo(5.8, 12);
    expect(r.low).toBeCloseTo((mean - half) / 2, 10);
    expect(r.high).toBeCloseTo((mean + half) / 2, 10);
  });

  it('puts its bounds where the t test of mean(x − R·y) = 0 just rejects, with correlated pairs', () => {
    const x = [12, 15, 9, 14, 11, 16, 10, 13];
    const y = [2.1, 2.8, 1.6, 2.5, 2.0, 3.1, 1.9, 2.3];
    const n = x.length;
    const t = studentTQuantile(0.975, n - 1);
    /** t statistic of the mean of x − R·y against 0. */
    const statistic = (R: number): number => {
      const d = x.map((v, i) => v - R * y[i]);
      const mean = d.reduce((s, v) => s + v, 0) / n;
      const variance = d.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
      return Math.abs(mean) / Math.sqrt(variance / n);
    };
    const r = fiellerRatioInterval(x, y);
    expect(statistic(r.low)).toBeCloseTo(t, 9);
    expect(statistic(r.high)).toBeCloseTo(t, 9);
    expect(statistic((r.low + r.high) / 2)).toBeLessThan(t);
  });

  it('is bounded for nearly constant pairs, however small the rounding (a tight interval, not NaN)', () => {
    const x = Array.from({ length: 30 }, (_, i) => 1e8 + (i % 3) * 1e-6);
    const y = Array.from({ length: 30 }, (_, i) => 200 + (i % 3) * 1e-12);
    const r = fiellerRatioInterval(x, y);
    expect(Number.isFinite(r.low) && Number.isFinite(r.high)).toBe(true);
    expect(r.high - r.low).toBeLessThan(1e-6 * r.ratio);
  });

  it('is unbounded (NaN) when the denominator is not clearly different from zero', () => {
    const r = fiellerRatioInterval([5, 6, 5, 6], [1, -1, 1, -1.2]);
    expect(Number.isNaN(r.low) && Number.isNaN(r.high)).toBe(true);
    expect(r.n).toBe(4);
  });

  it('leaves out pairs with NaN and needs two pairs for an interval', () => {
    expect(fiellerRatioInterval([1, NaN, 3], [1, 1, NaN])).toMatchObject({ n: 1, ratio: 1 });
    expect(Number.isNaN(fiellerRatioInterval([1, NaN], [1, 1]).low)).toBe(true);
  });

  it('contains the ratio of means whenever bounded, and widens with the level', () => {
    const pair = fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 1, max: 100, noNaN: true }));
    fc.assert(fc.property(fc.array(pair, { minLength: 3, maxLength: 40 }), (pairs) => {
      const x = pairs.map((p) => p[0]);
      const y = pairs.map((p) => p[1]);
      const r95 = fiellerRatioInterval(x, y, 0.95);
      const r99 = fiellerRatioInterval(x, y, 0.99);
      if (Number.isNaN(r95.low)) return;
      const slack = 1e-9 * (1 + Math.abs(r95.ratio));
      expect(r95.low).toBeLessThanOrEqual(r95.ratio + slack);
      expect(r95.high).toBeGreaterThanOrEqual(r95.ratio - slack);
      if (!Number.isNaN(r99.low)) {
        expect(r99.low).toBeLessThanOrEqual(r95.low + slack);
        expect(r99.high).toBeGreaterThanOrEqual(r95.high - slack);
      }
    }));
  });
});
