import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../src/stats/studentTQuantile.ts';

describe('studentTQuantile', () => {
  it('matches the printed t table (two-sided 95%, three decimals)', () => {
    const table: Array<[number, number]> = [
      [1, 12.706], [2, 4.303], [3, 3.182], [5, 2.571], [10, 2.228], [20, 2.086], [30, 2.042],
      [60, 2.0], [120, 1.98],
    ];
    for (const [df, value] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(value, 3);
  });
  it('matches the printed t table at other levels', () => {
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.812, 3);
    expect(studentTQuantile(0.995, 20)).toBeCloseTo(2.845, 3);
    expect(studentTQuantile(0.999, 5)).toBeCloseTo(5.893, 3);
  });
  it('agrees with 20-digit references (mpmath) to ~1e-12 relative', () => {
    const references: Array<[number, number, number]> = [
      [0.975, 3, 3.1824463052837084359],
      [0.975, 4, 2.7764451051977934898],
      [0.975, 10, 2.2281388519862742245],
      [0.975, 30, 2.0422724563012378878],
      [0.975, 100, 1.9839715185235518946],
      [0.975, 1000, 1.9623390808264081039],
      [0.99, 7, 2.9979515668685278061],
      [0.9, 2.5, 1.730250928807176833],
      [0.975, 0.5, 164.5576734804882408],
    ];
    for (const [p, df, value] of references) {
      expect(Math.abs(studentTQuantile(p, df) / value - 1)).toBeLessThan(1e-12);
    }
  });
  it('is antisymmetric, zero at the median and tends to the normal quantile', () => {
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-studentTQuantile(0.975, 10), 13);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 14);
    // continuity where the Cornish–Fisher expansion takes over
    expect(studentTQuantile(0.975, 1e5 - 1)).toBeCloseTo(studentTQuantile(0.975, 1e5), 9);
  });
  it('rejects invalid arguments', () => {
    expect(() => studentTQuantile(1.1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
    expect(studentTQuantile(1, 3)).toBe(Infinity);
  });
});
