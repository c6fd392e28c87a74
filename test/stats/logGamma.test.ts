import { describe, expect, it } from 'vitest';
import { logGamma } from '../../src/stats/logGamma.ts';

describe('logGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  });
  it('matches high-precision references (mpmath)', () => {
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734205902, 13);
    expect(logGamma(100.5) / 361.43554046777762156).toBeCloseTo(1, 14);
  });
  it('is NaN for non-positive arguments', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
  });
});
