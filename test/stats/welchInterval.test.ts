import { describe, expect, it } from 'vitest';
import { welchInterval } from '../../src/stats/welchInterval.ts';

describe('welchInterval', () => {
  it('matches a hand-computed Welch–Satterthwaite interval', () => {
    // x = [1, 2, 3, 4]: x̄ = 2.5, s²ₓ = 5/3, s²ₓ/nₓ = 5/12.  y = [0, 1]: ȳ = 0.5, s²ᵧ = 1/2, s²ᵧ/nᵧ = 1/4.
    // se² = 5/12 + 1/4 = 2/3, so se = √(2/3) ≈ 0.81650.
    // ν = (2/3)² / ((5/12)²/3 + (1/4)²/1) = (4/9) / (25/432 + 27/432) = (4/9) / (13/108) = 48/13 ≈ 3.6923.
    // t(0.975, 48/13) = 2.870117274063262 (scipy.stats.t.ppf; not this repository's studentTQuantile).
    // Interval: 2 ± 2.870117274063262 · √(2/3) = [−0.3434409411342587, 4.343440941134259],
    // which is also what scipy.stats.ttest_ind(x, y, equal_var=False).confidence_interval(0.95) gives.
    const { mean, low, high } = welchInterval([1, 2, 3, 4], [0, 1]);
    expect(mean).toBe(2);
    expect(low).toBeCloseTo(2 - 2.870117274063262 * Math.sqrt(2 / 3), 12);
    expect(low).toBeCloseTo(-0.3434409411342587, 12);
    expect(high).toBeCloseTo(4.343440941134259, 12);
  });

  it('matches a reference at another level, with unequal sizes and a non-integer ν', () => {
    // scipy.stats.ttest_ind([2.1, 3.4, 1.9, 5.6, 4.2], [1.0, 0.5, 2.2], equal_var=False): ν = 5.99164527101004,
    // confidence_interval(0.9) = [0.551644279981488, 3.861689053351845].
    const { mean, low, high } = welchInterval([2.1, 3.4, 1.9, 5.6, 4.2], [1.0, 0.5, 2.2], 0.9);
    expect(mean).toBeCloseTo(3.44 - 1.2333333333333334, 12);
    expect(low).toBeCloseTo(0.551644279981488, 10);
    expect(high).toBeCloseTo(3.861689053351845, 10);
  });

  it('ignores NaN, is NaN with fewer than two values, exact for constant samples, and checks the level', () => {
    expect(welchInterval([1, NaN, 2, 3, 4], [0, 1, NaN])).toEqual(welchInterval([1, 2, 3, 4], [0, 1]));
    const short = welchInterval([1, 2, 3], [5]);
    expect([short.mean, short.low, short.high]).toEqual([-3, NaN, NaN]);
    expect(welchInterval([2, 2, 2], [1, 1])).toEqual({ mean: 1, low: 1, high: 1 });
    expect(() => welchInterval([1, 2], [3, 4], 1)).toThrow(RangeError);
  });
});
