import { describe, expect, it } from 'vitest';
import { pickYearTicks } from '../../src/report/pickYearTicks.ts';

describe('pickYearTicks', () => {
  it('labels whole years on multiples of a round step, at most three', () => {
    expect(pickYearTicks(2025, 2034.98)).toEqual([2028, 2032]);
    expect(pickYearTicks(2025, 2026.92)).toEqual([2025, 2026]);
    expect(pickYearTicks(2025, 2030)).toEqual([2026, 2028, 2030]);
  });

  it('never labels outside the range and copes with an empty one', () => {
    for (const [first, last] of [[2025.3, 2025.9], [2000, 2100], [1999.5, 2003.2]]) {
      const ticks = pickYearTicks(first, last);
      expect(ticks.length).toBeLessThanOrEqual(3);
      for (const t of ticks) expect(t >= first && t <= last).toBe(true);
    }
    expect(pickYearTicks(2030, 2025)).toEqual([]);
  });
});
