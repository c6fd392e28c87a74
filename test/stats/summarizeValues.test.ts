import { describe, expect, it } from 'vitest';
import { summarizeValues } from '../../src/stats/summarizeValues.ts';

describe('summarizeValues', () => {
  it('reports n, mean, CI, quantiles and extremes, ignoring NaN', () => {
    const summary = summarizeValues([5, NaN, 1, 4, 2, 3]);
    expect(summary.n).toBe(5);
    expect(summary.mean).toBe(3);
    expect(summary.min).toBe(1);
    expect(summary.max).toBe(5);
    expect(summary.p50).toBe(3);
    expect(summary.p25).toBe(2);
    expect(summary.p75).toBe(4);
    expect(summary.p5).toBeCloseTo(1.2, 12);
    expect(summary.p95).toBeCloseTo(4.8, 12);
    // s = √2.5, t(0.975, 4) = 2.776445105
    const halfWidth = 2.7764451051977935 * Math.sqrt(2.5 / 5);
    expect(summary.ciLow).toBeCloseTo(3 - halfWidth, 12);
    expect(summary.ciHigh).toBeCloseTo(3 + halfWidth, 12);
  });
  it('is all NaN with n = 0 when nothing is defined', () => {
    const summary = summarizeValues([NaN, NaN]);
    expect(summary.n).toBe(0);
    for (const [name, value] of Object.entries(summary)) if (name !== 'n') expect(value).toBeNaN();
  });
});
