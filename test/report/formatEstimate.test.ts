import { describe, expect, it } from 'vitest';
import { formatEstimate } from '../../src/report/formatEstimate.ts';

describe('formatEstimate', () => {
  it('rounds a mean and its interval to the same decimals, set by the interval, keeping trailing zeros', () => {
    expect(formatEstimate(1.6905, 1.6862, 1.6949)).toEqual({ mean: '1.691', low: '1.686', high: '1.695' });
    expect(formatEstimate(2.2134, 2.12, 2.305)).toEqual({ mean: '2.21', low: '2.12', high: '2.31' });
    expect(formatEstimate(0.929, 0.838, 1.0)).toEqual({ mean: '0.929', low: '0.838', high: '1.000' });
    // A large mean keeps three significant digits, not every integer digit: rounded to tens here.
    expect(formatEstimate(2850.4, 2651, 3049)).toEqual({ mean: '2,850', low: '2,650', high: '3,050' });
    expect(formatEstimate(-8086, -9048, -7125)).toEqual({ mean: '−8,090', low: '−9,050', high: '−7,130' });
    // …and more where the interval is that narrow.
    expect(formatEstimate(93612, 93600, 93630)).toEqual({ mean: '93,610', low: '93,600', high: '93,630' });
    expect(formatEstimate(93612, 93609, 93615)).toEqual({ mean: '93,612', low: '93,609', high: '93,615' });
    // A huge mean with a narrow interval keeps units, so its ends do not collapse onto it.
    expect(formatEstimate(12_345_678, 12_345_677, 12_345_679)).toEqual({ mean: '12,345,678', low: '12,345,677', high: '12,345,679' });
    expect(formatEstimate(-0.35, -0.402, -0.298)).toEqual({ mean: '−0.350', low: '−0.402', high: '−0.298' });
  });

  it('lets the interval alone set the decimals when it reaches 0, never past units, and leaves a rounded zero unsigned', () => {
    expect(formatEstimate(-0.4, -310, 290)).toEqual({ mean: '0', low: '−310', high: '290' });
    expect(formatEstimate(3, -250, 256)).toEqual({ mean: '3', low: '−250', high: '256' });
    expect(formatEstimate(0.012, -3.1, 3.2)).toEqual({ mean: '0.0', low: '−3.1', high: '3.2' });
    expect(formatEstimate(5, -0.003, 10)).toEqual({ mean: '5.0', low: '0.0', high: '10.0' });
    expect(formatEstimate(4, -3, 0.001)).toEqual({ mean: '4.0', low: '−3.0', high: '0.0' });
  });

  it('rounds past units where the interval reaching 0 is 1,000 wide or more: two significant digits of its half-width', () => {
    // A net policy cost's unclear gap in the reversal table: its units were noise.
    expect(formatEstimate(163378, -252619, 579376)).toEqual({ mean: '160,000', low: '−250,000', high: '580,000' });
    // Half-width 1,000 exactly: hundreds.
    expect(formatEstimate(-162, -1162, 838)).toEqual({ mean: '−200', low: '−1,200', high: '800' });
    // Just under 1,000: still units.
    expect(formatEstimate(-451, -1097, 195)).toEqual({ mean: '−451', low: '−1,097', high: '195' });
  });

  it('keeps the mean\'s three significant digits when the interval is wide (not reaching 0) or empty, and says n/a for a missing end', () => {
    expect(formatEstimate(1.5, 1.5, 1.5)).toEqual({ mean: '1.50', low: '1.50', high: '1.50' });
    // A lone mean (no interval) keeps its three significant digits, not every integer digit.
    expect(formatEstimate(524_639, NaN, NaN)).toEqual({ mean: '525,000', low: 'n/a', high: 'n/a' });
    expect(formatEstimate(-123_926, -123_926, -123_926).mean).toBe('−124,000');
    expect(formatEstimate(1.234, 0.2, 9.5)).toEqual({ mean: '1.23', low: '0.20', high: '9.50' });
    expect(formatEstimate(3, NaN, NaN)).toEqual({ mean: '3.00', low: 'n/a', high: 'n/a' });
    // An interval as narrow as rounding noise: at most three decimals beyond the mean's own.
    const m = 1.6931162380592018;
    expect(formatEstimate(m, m - 3e-13, m + 3e-13)).toEqual({ mean: '1.69312', low: '1.69312', high: '1.69312' });
  });
});
