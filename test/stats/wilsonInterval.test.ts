import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/stats/wilsonInterval.ts';

describe('wilsonInterval', () => {
  it('matches the textbook values', () => {
    const { low, high } = wilsonInterval(3, 10);
    expect(low).toBeCloseTo(0.1078, 4);
    expect(high).toBeCloseTo(0.6032, 4);
    expect(wilsonInterval(0, 100).low).toBe(0);
    expect(wilsonInterval(0, 100).high).toBeCloseTo(0.037, 3);
    expect(wilsonInterval(100, 100).high).toBe(1);
  });
  it('holds the estimate, stays in [0, 1], narrows with more trials and widens with the level', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
      const k = Math.round(share * n);
      const { low, high } = wilsonInterval(k, n);
      expect(low).toBeGreaterThanOrEqual(0);
      expect(high).toBeLessThanOrEqual(1);
      expect(low).toBeLessThanOrEqual(k / n + 1e-12);
      expect(high).toBeGreaterThanOrEqual(k / n - 1e-12);
      const more = wilsonInterval(k * 4, n * 4);
      expect(more.high - more.low).toBeLessThan(high - low + 1e-12);
      const wider = wilsonInterval(k, n, 0.99);
      expect(wider.high - wider.low).toBeGreaterThanOrEqual(high - low - 1e-12);
    }));
  });
  it('is undefined without trials and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: NaN, high: NaN });
    expect(() => wilsonInterval(4, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 3, 1)).toThrow(RangeError);
  });
});
