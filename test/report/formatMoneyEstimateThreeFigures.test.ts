import { describe, expect, it } from 'vitest';
import { formatMoneyEstimate } from '../../src/report/formatAmountEstimate.ts';
import { formatMoneyEstimateThreeFigures } from '../../src/report/formatMoneyEstimateThreeFigures.ts';

describe('formatMoneyEstimateThreeFigures', () => {
  it('keeps a wide interval\'s far end to three significant digits, the mean and near end at their decimals', () => {
    // The oxide stockpile's USD per kg of Dysprosium oxide gained (30 runs, seed 1): formatMoneyEstimate writes the high end at the mean's tens, 22,550.
    expect(formatMoneyEstimate(4285.988, 2372.328, 22551.998).high).toBe('USD 22,550');
    expect(formatMoneyEstimateThreeFigures(4285.988, 2372.328, 22551.998)).toEqual({ mean: 'USD 4,290', low: 'USD 2,370', high: 'USD 22,600' });
    // An end with three digits at the mean's decimals is as it was.
    expect(formatMoneyEstimateThreeFigures(200.445, 111.232, 1050.377)).toEqual({ mean: 'USD 200', low: 'USD 111', high: 'USD 1,050' });
  });

  it('keeps the digits a narrow interval needs, and leaves an interval that reaches 0 or has no bound alone', () => {
    expect(formatMoneyEstimateThreeFigures(1.6905, 1.6862, 1.6949)).toEqual(formatMoneyEstimate(1.6905, 1.6862, 1.6949));
    expect(formatMoneyEstimateThreeFigures(94.7e6, 90.02e6, 99.3e6)).toEqual({ mean: 'USD 94.7 million', low: 'USD 90.0 million', high: 'USD 99.3 million' });
    expect(formatMoneyEstimateThreeFigures(4286, -1234, 22552)).toEqual(formatMoneyEstimate(4286, -1234, 22552));
    expect(formatMoneyEstimateThreeFigures(4286, 2372, NaN)).toEqual(formatMoneyEstimate(4286, 2372, NaN));
  });
});

describe('formatMoneyEstimateThreeFigures: decimals', () => {
  it('writes a capped end at the mean\'s decimals, its digits past the third zeros', () => {
    // formatMoneyEstimate writes all three at the mean's two decimals: 22.55; capped, 22.60 (the three alike in decimals, no fourth digit but a zero).
    expect(formatMoneyEstimate(4.2860, 2.3723, 22.552).high).toBe('USD 22.55');
    expect(formatMoneyEstimateThreeFigures(4.2860, 2.3723, 22.552)).toEqual({ mean: 'USD 4.29', low: 'USD 2.37', high: 'USD 22.60' });
    expect(formatMoneyEstimateThreeFigures(5.0e6, 0.2e6, 12.34e6)).toEqual({ mean: 'USD 5.00 million', low: 'USD 0.20 million', high: 'USD 12.30 million' });
    // An end that is already three digits and a zero is as it was: USD 80.0 to USD 100.0.
    expect(formatMoneyEstimateThreeFigures(90, 80, 100)).toEqual({ mean: 'USD 90.0', low: 'USD 80.0', high: 'USD 100.0' });
  });
});
