import { describe, expect, it } from 'vitest';
import { formatYear } from '../../src/outputs/formatYear.ts';

describe('formatYear', () => {
  it('uses fixed decimals from the tick length', () => {
    expect(formatYear(2025, 0, 52)).toBe('2025.000');
    expect(formatYear(2025, 1, 52)).toBe('2025.019');
    expect(formatYear(2025, 78, 52)).toBe('2026.500');
    expect(formatYear(2025, 1, 12)).toBe('2025.083');
    expect(formatYear(2025, 3, 4)).toBe('2025.75');
    expect(formatYear(2025, 3, 1)).toBe('2028');
  });
});
