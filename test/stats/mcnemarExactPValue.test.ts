import { describe, expect, it } from 'vitest';
import { mcnemarExactPValue } from '../../src/stats/mcnemarExactPValue.ts';

describe('mcnemarExactPValue', () => {
  it('is twice the binomial tail of the smaller discordant count, capped at 1', () => {
    expect(mcnemarExactPValue(0, 6)).toBeCloseTo(2 / 64, 12);
    expect(mcnemarExactPValue(6, 0)).toBeCloseTo(2 / 64, 12);
    // 2 · P(X ≤ 1), X ~ Bin(7, ½) = 2 · 8/128.
    expect(mcnemarExactPValue(1, 6)).toBeCloseTo(0.125, 12);
    // scipy.stats.binomtest(3, 20).pvalue = 0.0025768…
    expect(mcnemarExactPValue(3, 17)).toBeCloseTo(0.002576828002929688, 10);
    // Over 1,000 discordant pairs, the incomplete beta: scipy.stats.binomtest(600, 1300).pvalue.
    expect(mcnemarExactPValue(600, 700)).toBeCloseTo(0.0060157938610, 9);
  });

  it('gives 1 with no discordant pair or an even split', () => {
    expect(mcnemarExactPValue(0, 0)).toBe(1);
    expect(mcnemarExactPValue(3, 3)).toBe(1);
    expect(mcnemarExactPValue(0, 1)).toBe(1);
  });
});
