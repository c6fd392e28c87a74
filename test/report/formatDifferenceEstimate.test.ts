import { describe, expect, it } from 'vitest';
import { formatDifferenceEstimate } from '../../src/report/formatDifferenceEstimate.ts';

describe('formatDifferenceEstimate', () => {
  it('signs and rounds a difference and its interval alike, the unit once after a suffix-unit interval', () => {
    expect(formatDifferenceEstimate(7.79, 3.62, 11.96, 't')).toBe('+7.79 t (+3.62 to +11.96 t)');
    expect(formatDifferenceEstimate(-1.96, -3.92, 0.00121, 't')).toBe('−2.0 t (−3.9 to 0.0 t)');
    expect(formatDifferenceEstimate(0.0005, 0.0003, 0.0007, 't', 'kg')).toBe('+0.500 kg (+0.300 to +0.700 kg)');
    expect(formatDifferenceEstimate(-0.305, -0.35, -0.261, 'x base')).toBe('−0.305× the starting price (−0.350 to −0.261× the starting price)');
    expect(formatDifferenceEstimate(-30.7, -64.4, 3.0, 'weeks')).toBe('−31 weeks (−64 to +3 weeks)');
    expect(formatDifferenceEstimate(0.0123, 0.004, 0.0206, 'share')).toBe('+1.23 percentage points (+0.40 to +2.06 percentage points)');
  });

  it('writes money with its unit on every figure, and a missing interval as the difference alone', () => {
    expect(formatDifferenceEstimate(94.7e6, 90.02e6, 99.3e6, 'USD')).toBe('+USD 94.7 million (+USD 90.0 million to +USD 99.3 million)');
    expect(formatDifferenceEstimate(-5e6, -8e6, -2e6, 'USD')).toBe('−USD 5.00 million (−USD 8.00 million to −USD 2.00 million)');
    expect(formatDifferenceEstimate(2, NaN, NaN, 'weeks')).toBe('+2.00 weeks');
    expect(formatDifferenceEstimate(NaN, 1, 2, 't')).toBe('n/a');
  });
});
