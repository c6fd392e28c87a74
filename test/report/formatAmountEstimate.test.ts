import { describe, expect, it } from 'vitest';
import { formatMoneyEstimate, formatSignedTonnesAlongside, formatSignedTonnesEstimate, formatTonnesEstimate } from '../../src/report/formatAmountEstimate.ts';

describe('formatMoneyEstimate', () => {
  it('writes the three in the mean\'s scale with the same decimals', () => {
    expect(formatMoneyEstimate(94.7e6, 90.02e6, 99.3e6)).toEqual({ mean: 'USD 94.7 million', low: 'USD 90.0 million', high: 'USD 99.3 million' });
    expect(formatMoneyEstimate(2.8504e9, 2.651e9, 3.049e9)).toEqual({ mean: 'USD 2.85 billion', low: 'USD 2.65 billion', high: 'USD 3.05 billion' });
    // An end in another scale stays in the mean's: 900 thousand is 0.900 million beside 1.20 million.
    expect(formatMoneyEstimate(1.2e6, 0.9e6, 1.5e6)).toEqual({ mean: 'USD 1.20 million', low: 'USD 0.90 million', high: 'USD 1.50 million' });
    expect(formatMoneyEstimate(297.3, 190.6, 721.4)).toEqual({ mean: 'USD 297', low: 'USD 191', high: 'USD 721' });
  });

  it('signs a negative amount before the currency, and takes the scale from the ends when the mean is 0', () => {
    expect(formatMoneyEstimate(-5e6, -8e6, -1.2e6)).toEqual({ mean: '−USD 5.00 million', low: '−USD 8.00 million', high: '−USD 1.20 million' });
    expect(formatMoneyEstimate(0, -2e6, 2e6)).toEqual({ mean: 'USD 0', low: '−USD 2.0 million', high: 'USD 2.0 million' });
    // An unclear difference takes its interval's scale; a mean that rounds up into the next scale takes that one; an end at 0 is USD 0.
    expect(formatMoneyEstimate(200e3, -50e6, 50e6)).toEqual({ mean: 'USD 0', low: '−USD 50 million', high: 'USD 50 million' });
    expect(formatMoneyEstimate(999_700, 900e3, 1.1e6)).toEqual({ mean: 'USD 1.000 million', low: 'USD 0.900 million', high: 'USD 1.100 million' });
    expect(formatMoneyEstimate(5e6, 0, 12e6)).toEqual({ mean: 'USD 5.0 million', low: 'USD 0', high: 'USD 12.0 million' });
    expect(formatMoneyEstimate(3e6, NaN, 4e6).low).toBe('n/a');
  });
});

describe('formatTonnesEstimate', () => {
  it('writes the three in one unit with the same decimals', () => {
    expect(formatTonnesEstimate(1.31, 0.179, 2.44)).toEqual({ mean: '1.31 t', low: '0.18 t', high: '2.44 t' });
    expect(formatTonnesEstimate(8086, 7125, 9048)).toEqual({ mean: '8,090 t', low: '7,130 t', high: '9,050 t' });
    expect(formatTonnesEstimate(0.0123, 0.001, 0.03)).toEqual({ mean: '12.3 kg', low: '1.0 kg', high: '30.0 kg' });
    expect(formatTonnesEstimate(0.5, 0.25, 0.75, 't')).toEqual({ mean: '0.500 t', low: '0.250 t', high: '0.750 t' });
  });
});

describe('formatSignedTonnesEstimate', () => {
  it('signs every figure that does not round to zero', () => {
    expect(formatSignedTonnesEstimate(1.2, 0.0623, 2.34)).toEqual({ mean: '+1.20 t', low: '+0.06 t', high: '+2.34 t' });
    expect(formatSignedTonnesEstimate(-4252, -5164, -3341)).toEqual({ mean: '−4,250 t', low: '−5,160 t', high: '−3,340 t' });
    expect(formatSignedTonnesEstimate(3, 0.001, 6)).toEqual({ mean: '+3.00 t', low: '0.00 t', high: '+6.00 t' });
  });
});

describe('formatSignedTonnesAlongside', () => {
  it('writes further masses of a sentence in the unit and decimals of its estimate, signed', () => {
    // Beside +3.10 t (95% CI +2.40 t to +3.90 t): two decimals, trailing zeros kept.
    expect(formatSignedTonnesAlongside([54.216, -11.6, 62.72], 3.096, 2.4, 3.9, 't')).toEqual(['+54.22 t', '−11.60 t', '+62.72 t']);
    // Beside an interval reaching 0 (−310 t to +290 t): units; a part that rounds to 0 is unsigned.
    expect(formatSignedTonnesAlongside([54.216, 0.3, -11.6], -0.4, -310, 290, 't')).toEqual(['+54 t', '0 t', '−12 t']);
    // In kg when the estimate is written in kg.
    expect(formatSignedTonnesAlongside([0.01234], 0.003, 0.0021, 0.0039, 'kg')).toEqual(['+12.34 kg']);
  });
});
