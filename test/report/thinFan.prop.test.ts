import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SeriesFan } from '../../src/report/readSeriesCsv.ts';
import { thinFan } from '../../src/report/thinFan.ts';

function fanOf(values: number[]): SeriesFan {
  return {
    metric: 'price', material: 'ndpr', stage: 'processing', region: 'US',
    year: values.map((_, i) => 2025 + i / 52),
    p5: values.map((v) => v - 2), p25: values.map((v) => v - 1), p50: values, p75: values.map((v) => v + 1), p95: values.map((v) => v + 2),
  };
}

describe('thinFan', () => {
  it('returns short fans unchanged', () => {
    const fan = fanOf([1, 2, 3]);
    expect(thinFan(fan, 10)).toBe(fan);
  });

  it('keeps at most maxPoints points and the bands as envelopes of the original extremes', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 600 }),
      fc.integer({ min: 1, max: 200 }),
      (values, maxPoints) => {
        const fan = fanOf(values);
        const thin = thinFan(fan, maxPoints);
        expect(thin.year.length).toBeLessThanOrEqual(maxPoints);
        expect(Math.max(...thin.p95)).toBe(Math.max(...fan.p95));
        expect(Math.min(...thin.p5)).toBe(Math.min(...fan.p5));
        for (let i = 0; i < thin.year.length; i++) expect(thin.p5[i]).toBeLessThanOrEqual(thin.p95[i]);
      },
    ));
  });
});
