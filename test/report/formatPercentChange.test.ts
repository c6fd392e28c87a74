import { describe, expect, it } from 'vitest';
import { formatPercentChange, formatPercentChangeSize } from '../../src/report/formatPercentChange.ts';

describe('formatPercentChange', () => {
  it('prints one figure one way: the chart label and the text\'s "… less" carry the same digits (user audit, session 32: "−9.6%" and "10% less")', () => {
    expect(formatPercentChange(-9.6)).toBe('−9.6%');
    expect(formatPercentChangeSize(-0.096)).toBe('9.6%');
    for (const share of [-0.096, -0.1449, 0.024, -0.0996, 0.31]) expect(formatPercentChange(share * 100).replace(/^[+−]/, '')).toBe(formatPercentChangeSize(share));
    expect(formatPercentChangeSize(-0.0996)).toBe('10%');
    expect(formatPercentChangeSize(-0.1449)).toBe('14%');
    expect(formatPercentChangeSize(0.0004)).toBe('under 0.1%');
    expect(formatPercentChangeSize(0)).toBe('');
    expect(formatPercentChange(0.052)).toBe('<0.1%');
    expect(formatPercentChange(0)).toBe('0%');
  });
});
