import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelReachedInShare } from '../../src/report/levelReachedInShare.ts';

describe('levelReachedInShare', () => {
  it('is exact on a small example and ignores NaN', () => {
    expect(levelReachedInShare([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 0.9)).toBe(2);
    expect(levelReachedInShare([3, NaN, 1, 2], 1)).toBe(1);
    expect(levelReachedInShare([NaN], 0.9)).toBeNaN();
    expect(() => levelReachedInShare([1], 0)).toThrow(RangeError);
  });

  it('is the largest value that at least the given share of runs reach', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 40 }),
      fc.double({ min: 0.05, max: 1, noNaN: true }),
      (values, share) => {
        const level = levelReachedInShare(values, share);
        const reaching = (v: number) => values.filter((x) => x >= v).length;
        expect(reaching(level)).toBeGreaterThanOrEqual(share * values.length - 1e-9);
        const above = values.filter((x) => x > level);
        if (above.length > 0) expect(reaching(Math.min(...above))).toBeLessThan(share * values.length - 1e-9);
      },
    ));
  });
});
