import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResultLayout } from '../../sim-core/results.ts';
import { computeBlockBands } from '../../src/stats/computeBlockBands.ts';
import { computeSeriesBands } from '../../src/stats/computeSeriesBands.ts';

const value = fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constant(NaN), fc.constant(0));

describe('computeBlockBands', () => {
  it('gives the bytes of computeSeriesBands for any split into blocks of series', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }),
      fc.array(value, { minLength: 4 * 3 * 6, maxLength: 4 * 3 * 6 }),
      (seriesCount, ticks, replicates, blockSeries, pool) => {
        const key = (i: number) => ({ metric: `m${i}`, material: '', stage: '', region: '', unit: 'x' });
        const layout: ResultLayout = { ticks, ticksPerYear: 12, startYear: 2025, series: Array.from({ length: seriesCount }, (_, i) => key(i)), summaries: [] };
        const at = (s: number, r: number, t: number) => pool[(s * replicates + r) * ticks + t];
        const results = Array.from({ length: replicates }, (_, r) => ({
          replicate: r,
          series: Float64Array.from({ length: seriesCount * ticks }, (_, i) => at(Math.floor(i / ticks), r, i % ticks)),
          summaries: new Float64Array(0),
        }));
        const expected = computeSeriesBands(layout, results);
        const bands = [];
        for (let first = 0; first < seriesCount; first += blockSeries) {
          const count = Math.min(blockSeries, seriesCount - first);
          const values = Float64Array.from({ length: count * replicates * ticks }, (_, i) =>
            at(first + Math.floor(i / (replicates * ticks)), Math.floor(i / ticks) % replicates, i % ticks));
          bands.push(...computeBlockBands(layout.series, { firstSeries: first, seriesCount: count, replicateCount: replicates, ticks, values }));
        }
        expect(bands).toEqual(expected);
      },
    ), { numRuns: 60 });
  });
});
