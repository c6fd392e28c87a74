import { describe, expect, it } from 'vitest';
import { sortedWithoutNaN } from '../../src/stats/sortedWithoutNaN.ts';

describe('sortedWithoutNaN', () => {
  it('drops NaN, keeps infinities, sorts numerically and copies', () => {
    const input = [10, NaN, -Infinity, 2, 1];
    expect(Array.from(sortedWithoutNaN(input))).toEqual([-Infinity, 1, 2, 10]);
    expect(input[0]).toBe(10);
  });
});
