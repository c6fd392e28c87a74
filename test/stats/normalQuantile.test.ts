import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/stats/normalQuantile.ts';

describe('normalQuantile (AS 241)', () => {
  it('matches high-precision references in the centre and both tails', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845400542355, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080407, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.3613409024040562047, 13);
  });
  it('is symmetric and infinite at the ends', () => {
    expect(normalQuantile(0.1)).toBeCloseTo(-normalQuantile(0.9), 14);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(2)).toBeNaN();
  });
});
