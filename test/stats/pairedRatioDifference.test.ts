import { describe, expect, it } from 'vitest';
import { pairedRatioDifference } from '../../src/stats/pairedRatioDifference.ts';
import { studentTQuantile } from '../../src/stats/studentTQuantile.ts';

describe('pairedRatioDifference', () => {
  it('gives the difference of the ratios of means and a delta-method t interval from the paired influences', () => {
    const costA = [10, 12, 9, 11];
    const gainA = [2, 2.5, 1.8, 2.2];
    const costB = [14, 15, 13, 16];
    const gainB = [2, 2.4, 1.9, 2.1];
    const out = pairedRatioDifference(costA, gainA, costB, gainB);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const rA = mean(costA) / mean(gainA);
    const rB = mean(costB) / mean(gainB);
    expect(out.difference).toBeCloseTo(rA - rB, 12);
    const psi = costA.map((_, r) => (costA[r] - rA * gainA[r]) / mean(gainA) - (costB[r] - rB * gainB[r]) / mean(gainB));
    const sd = Math.sqrt(psi.reduce((s, v) => s + (v - mean(psi)) ** 2, 0) / 3);
    const half = (studentTQuantile(0.975, 3) * sd) / 2;
    expect(out.ciHigh - out.difference).toBeCloseTo(half, 10);
    expect(out.difference - out.ciLow).toBeCloseTo(half, 10);
    expect(out.n).toBe(4);
  });

  it('is exact and zero-width when every run has the same two ratios, and narrower than the separate intervals when the runs share their noise', () => {
    const same = pairedRatioDifference([2, 4, 6], [1, 2, 3], [3, 6, 9], [1, 2, 3]);
    expect([same.difference, same.ciLow, same.ciHigh]).toEqual([-1, -1, -1]);
    // A common shock in the gains moves both ratios alike: the difference stays tight.
    const shock = [0.5, 1.5, 0.8, 1.2, 1.0, 0.7];
    const out = pairedRatioDifference(shock.map(() => 10), shock, shock.map(() => 11), shock);
    expect(out.ciHigh).toBeLessThan(0);
    const nan = pairedRatioDifference([2, NaN, 6], [1, 2, 3], [3, 6, 9], [1, 2, 3]);
    expect(nan.n).toBe(2);
  });
});
