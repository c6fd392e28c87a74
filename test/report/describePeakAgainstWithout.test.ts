import { describe, expect, it } from 'vitest';
import { describePeakAgainstWithout } from '../../src/report/describePeakAgainstWithout.ts';
import { formatMultiple } from '../../src/report/formatMultiple.ts';
import { formatQuantity } from '../../src/report/formatQuantity.ts';

describe('describePeakAgainstWithout', () => {
  it('gives the peak with the disruptions as one multiple of the level without them, the ratio of the means (user audit, session 32)', () => {
    // The audit's case: 7.39× against 1.02× its start is 7.2 times that level (+620%), not "a rise of 6.37×".
    const text = describePeakAgainstWithout({ meanWith: 7.39, meanWithout: 1.0264 });
    expect(text).toBe('against 1.03× in the same months without them: 7.20 times as high');
    expect(text).not.toMatch(/%/);
    expect(describePeakAgainstWithout({ meanWith: 1.1, meanWithout: 1.5 })).toBe('against 1.50× in the same months without them: 0.733 times as high');
    expect(describePeakAgainstWithout({ meanWith: 2, meanWithout: 0 })).toBe('');
  });
});

describe('formatMultiple', () => {
  it('writes every multiple to three significant figures, trailing zeros kept: "6.90×" beside "7.39×", not "6.9×" (user audit, session 32)', () => {
    expect([6.9, 7.39, 0.929, 12.34, 2, 1240.4, -0.4, 0].map(formatMultiple)).toEqual(['6.90×', '7.39×', '0.929×', '12.3×', '2.00×', '1,240×', '−0.400×', '0×']);
    // The same rule through the level formatter the comparison tables use.
    expect(formatQuantity(1.7, 'x base')).toBe('1.70× the starting price');
    expect(formatQuantity(1, 'x home demand')).toBe('1.00× home demand');
  });
});
