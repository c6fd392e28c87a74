/**
 * docs/model.md G35: the ask charges the input in stock at its expected price Pₑ through ordinary dips
 * and follows the current price P down only after a crash, P < (1 − x)·Pₑ, as P/(1 − x) (continuous:
 * no jump in the ask at the threshold). The expected values below are worked by hand from that rule
 * with x = 0.25 (the constant is asserted first, so a change of x fails here and is seen).
 */
import { describe, expect, it } from 'vitest';
import { askInputPriceOf, ASK_INPUT_CRASH_SHARE } from '../../sim-core/phases/askInputPrice.ts';

describe('the ask\'s input price after an input-price fall', () => {
  const expected = 1000;

  it('uses a 25% threshold', () => {
    expect(ASK_INPUT_CRASH_SHARE).toBe(0.25);
  });

  it('stays at the expected price when the current price is slightly below it (an ordinary dip)', () => {
    expect(askInputPriceOf(950, expected)).toBe(expected);
    expect(askInputPriceOf(800, expected)).toBe(expected);
  });

  it('stays at the expected price when the current price is above it (rises are left to Pₑ)', () => {
    expect(askInputPriceOf(1500, expected)).toBe(expected);
  });

  it('follows the current price, as P/(1 − x), once it is well below the expected price (a crash)', () => {
    // P = 400 is 60% below Pₑ: 400 / 0.75 = 533.33…, well under Pₑ and well over P itself.
    expect(askInputPriceOf(400, expected)).toBeCloseTo(533.333, 3);
    // Halving P halves the ask's input price below the threshold.
    expect(askInputPriceOf(200, expected)).toBeCloseTo(askInputPriceOf(400, expected) / 2, 9);
  });

  it('is continuous at the threshold P = (1 − x)·Pₑ and falls below Pₑ just past it', () => {
    expect(askInputPriceOf(750, expected)).toBeCloseTo(expected, 9);
    expect(askInputPriceOf(749, expected)).toBeLessThan(expected);
    expect(askInputPriceOf(749, expected)).toBeGreaterThan(998);
  });

  it('is 0 for a stage without an input market (P = Pₑ = 0)', () => {
    expect(askInputPriceOf(0, 0)).toBe(0);
  });
});
