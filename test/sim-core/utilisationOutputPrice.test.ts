import { describe, expect, it } from 'vitest';
import { UTILISATION_OUTPUT_RISE_SHARE, utilisationOutputPriceOf } from '../../sim-core/phases/utilisationOutputPrice.ts';
import { utilisationOf } from '../../sim-core/phases/firmDecisions.ts';

describe('the output price utilisation plans on', () => {
  const expected = 1000;
  const x = UTILISATION_OUTPUT_RISE_SHARE;

  it('is the expected price while the current price is below it or less than 1/(1 − x) above it', () => {
    expect(utilisationOutputPriceOf(400, expected)).toBe(expected);
    expect(utilisationOutputPriceOf(expected, expected)).toBe(expected);
    expect(utilisationOutputPriceOf(0.99 * expected / (1 - x), expected)).toBe(expected);
  });

  it('follows the current price up beyond that, discounted by x and without a jump at the threshold', () => {
    expect(utilisationOutputPriceOf(expected / (1 - x), expected)).toBeCloseTo(expected, 9);
    expect(utilisationOutputPriceOf(2 * expected, expected)).toBeCloseTo(2 * expected * (1 - x), 9);
    expect(utilisationOutputPriceOf(1.01 * expected / (1 - x), expected)).toBeCloseTo(1.01 * expected, 9);
  });

  it('keeps a firm running when its output sells at twice its expected price though the expected margin is gone', () => {
    // G35's week 101 for a US gallium component maker, in kUSD/t: Pₑ 1,035 out, 903 in, unit cost 245, band 0.2.
    const [pe, input, cost, band] = [1035, 903, 245, 0.2];
    expect(utilisationOf(pe, input, band, cost)).toBe(0);
    expect(utilisationOf(utilisationOutputPriceOf(2308, pe), input, band, cost)).toBe(1);
  });
});
