import { describe, expect, it } from 'vitest';
import { formatMoneyThreeFigures } from '../../src/report/renderExportControlsCompared.ts';

describe('formatMoneyThreeFigures', () => {
  it('writes three significant figures, trailing zeros kept, in millions or billions', () => {
    expect(formatMoneyThreeFigures(6.4e9)).toBe('USD 6.40 billion');
    expect(formatMoneyThreeFigures(6.64e6)).toBe('USD 6.64 million');
    expect(formatMoneyThreeFigures(601.2e6)).toBe('USD 601 million');
  });

  it('rounds before it picks the scale: 999.7 million is 1.00 billion, never "1.00e+3 million" (review 24)', () => {
    expect(formatMoneyThreeFigures(999.7e6)).toBe('USD 1.00 billion');
    expect(formatMoneyThreeFigures(999.4e6)).toBe('USD 999 million');
    expect(formatMoneyThreeFigures(999_970)).toBe('USD 1.00 million');
  });
});
