import { describe, expect, it } from 'vitest';
import { describePeakAgainstWithout } from '../../src/report/describePeakAgainstWithout.ts';

describe('describePeakAgainstWithout', () => {
  it('gives the peak with the disruptions as one multiple of the level without them, the ratio of the means (user audit, session 32)', () => {
    // The audit's case: 7.39× against 1.02× its start is 7.2 times that level (+620%), not "a rise of 6.37×".
    const text = describePeakAgainstWithout({ meanWith: 7.39, meanWithout: 1.0264 });
    expect(text).toBe('against 1.03× in the same months without them: 7.2× that peak');
    expect(text).not.toMatch(/%/);
    expect(describePeakAgainstWithout({ meanWith: 1.1, meanWithout: 1.5 })).toBe('against 1.5× in the same months without them: 0.733× that peak');
    expect(describePeakAgainstWithout({ meanWith: 2, meanWithout: 0 })).toBe('');
  });
});
