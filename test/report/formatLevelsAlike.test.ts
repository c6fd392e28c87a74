import { describe, expect, it } from 'vitest';
import { formatLevelsAlike } from '../../src/report/formatLevelsAlike.ts';

describe('formatLevelsAlike', () => {
  it('writes both levels with the decimals of the larger at three significant digits, trailing zeros kept', () => {
    // formatQuantity alone writes 28 t and 31.7 t: the pair then reads as of unequal precision.
    expect(formatLevelsAlike(28.01, 31.7, 't')).toEqual(['28.0 t', '31.7 t']);
    expect(formatLevelsAlike(28.01, 4.8, 't')).toEqual(['28.0 t', '4.8 t']);
    expect(formatLevelsAlike(33.6, 9.53, 'weeks')).toEqual(['33.6 weeks', '9.5 weeks']);
    expect(formatLevelsAlike(3.9, 0.5, 'weeks')).toEqual(['3.90 weeks', '0.50 weeks']);
    // Rounded once: 4.846 at one decimal is 4.8 (not 4.85, then 4.9).
    expect(formatLevelsAlike(4.846, 28, 't')).toEqual(['4.8 t', '28.0 t']);
  });

  it('never goes past units, keeps a large level to three digits, and 99.96 as the 100 it rounds to', () => {
    expect(formatLevelsAlike(1044, 1070, 't')).toEqual(['1,040 t', '1,070 t']);
    expect(formatLevelsAlike(1044, 191.2, 't')).toEqual(['1,040 t', '191 t']);
    expect(formatLevelsAlike(99.96, 5, 'weeks')).toEqual(['100 weeks', '5.0 weeks']);
    expect(formatLevelsAlike(120, 1, 'weeks')).toEqual(['120 weeks', '1.0 weeks']);
    expect(formatLevelsAlike(120, 12, 'weeks')).toEqual(['120 weeks', '12 weeks']);
  });

  it('keeps two significant digits of a much smaller level, which the larger\'s decimals would round away', () => {
    expect(formatLevelsAlike(1044, 5.2, 't')).toEqual(['1,040 t', '5.2 t']);
    expect(formatLevelsAlike(0.116, 0.0095, 't')).toEqual(['116 kg', '9.5 kg']);
    expect(formatLevelsAlike(1044, 0.3, 't')).toEqual(['1,040 t', '0.30 t']);
  });

  it('writes both masses in one unit, an exact 0 as 0, and levels that would read alike with the digits that tell them apart', () => {
    expect(formatLevelsAlike(0.116, 0.02, 't')).toEqual(['116 kg', '20 kg']);
    expect(formatLevelsAlike(0, 0.0095, 't', 'kg')).toEqual(['0 kg', '9.50 kg']);
    expect(formatLevelsAlike(704481.5, 703993.6, 't')).toEqual(['704,482 t', '703,994 t']);
  });

  it('leaves money, shares and multiples to formatLevelValue', () => {
    expect(formatLevelsAlike(0.5, 0.8, 'share')).toEqual(['50%', '80%']);
    expect(formatLevelsAlike(2.5e8, 2.51e8, 'USD')).toEqual(['USD 250 million', 'USD 251 million']);
  });
});
