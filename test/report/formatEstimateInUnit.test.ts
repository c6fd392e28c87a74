import { describe, expect, it } from 'vitest';
import { formatEstimateInUnit, unitAfterNumber } from '../../src/report/formatEstimateInUnit.ts';

describe('formatEstimateInUnit', () => {
  it('rounds a level and its interval alike in any unit of the outputs, the unit on each', () => {
    expect(formatEstimateInUnit(4.213, 3.8, 4.62, 'weeks')).toEqual({ mean: '4.21 weeks', low: '3.80 weeks', high: '4.62 weeks' });
    expect(formatEstimateInUnit(0.0312, 0.02, 0.0425, 'share')).toEqual({ mean: '3.12 percentage points', low: '2.00 percentage points', high: '4.25 percentage points' });
    // A multiple names what it multiplies once, after the mean.
    expect(formatEstimateInUnit(1.6912, 1.6702, 1.7003, 'x base')).toEqual({ mean: '1.69× the starting price', low: '1.67×', high: '1.70×' });
    expect(formatEstimateInUnit(0.103, 0.1, 0.106, 'x home demand')).toEqual({ mean: '0.103× home demand', low: '0.100×', high: '0.106×' });
    expect(formatEstimateInUnit(94.7e6, 90.02e6, 99.3e6, 'USD')).toEqual({ mean: 'USD 94.7 million', low: 'USD 90.0 million', high: 'USD 99.3 million' });
    expect(formatEstimateInUnit(1.31, 0.179, 2.44, 't')).toEqual({ mean: '1.31 t', low: '0.18 t', high: '2.44 t' });
    expect(formatEstimateInUnit(12.04, 11.1, 13, '')).toEqual({ mean: '12.0', low: '11.1', high: '13.0' });
    expect(formatEstimateInUnit(12.04, NaN, 13, 'weeks').low).toBe('n/a');
  });

  it('writes one week in the singular', () => {
    expect(unitAfterNumber('1', 'weeks')).toBe(' week');
    expect(unitAfterNumber('−1', 'weeks')).toBe(' week');
    expect(unitAfterNumber('1.0', 'weeks')).toBe(' weeks');
  });
});
