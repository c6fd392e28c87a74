import { describe, expect, it } from 'vitest';
import { studentTUpperTail } from '../../src/stats/studentTUpperTail.ts';

describe('studentTUpperTail', () => {
  it('gives the tabulated tail probabilities', () => {
    expect(studentTUpperTail(2.2281388519862742245, 10)).toBeCloseTo(0.025, 14);
    expect(studentTUpperTail(12.706204736174698, 1)).toBeCloseTo(0.025, 14);
    expect(studentTUpperTail(0, 7)).toBe(0.5);
  });
  it('is symmetric: P(T > −t) = 1 − P(T > t)', () => {
    expect(studentTUpperTail(-1.3, 4)).toBeCloseTo(1 - studentTUpperTail(1.3, 4), 15);
  });
  it('handles infinities and invalid df', () => {
    expect(studentTUpperTail(Infinity, 3)).toBe(0);
    expect(studentTUpperTail(-Infinity, 3)).toBe(1);
    expect(studentTUpperTail(1, 0)).toBeNaN();
  });
});
