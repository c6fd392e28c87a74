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

describe('computeBlockBands on many replicates', () => {
  it('gives the bytes of computeSeriesBands when ranks drift from tick to tick', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 160 }), fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 3, noNaN: true }),
      fc.double({ min: 0, max: 0.2, noNaN: true }), fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      (replicates, ticks, noise, nanShare, seed) => {
        let state = seed;
        const next = () => (state = (state * 1103515245 + 12345) >>> 0) / 4294967296;
        const layout: ResultLayout = { ticks, ticksPerYear: 12, startYear: 2025, series: [{ metric: 'x', material: '', stage: '', region: '', unit: 'x' }], summaries: [] };
        // A random walk per replicate: ranks persist but move; some values NaN, some −0 or +0.
        const results = Array.from({ length: replicates }, (_, r) => {
          const series = new Float64Array(ticks);
          let level = r % 7 === 0 ? 0 : next() * 10;
          for (let t = 0; t < ticks; t++) {
            level += (next() - 0.5) * noise;
            const u = next();
            series[t] = u < nanShare ? NaN : u < 0.1 ? (u < 0.05 ? -0 : 0) : level;
          }
          return { replicate: r, series, summaries: new Float64Array(0) };
        });
        const values = new Float64Array(replicates * ticks);
        results.forEach((result, r) => values.set(result.series, r * ticks));
        const [band] = computeBlockBands(layout.series, { firstSeries: 0, seriesCount: 1, replicateCount: replicates, ticks, values });
        const [expected] = computeSeriesBands(layout, results);
        for (const field of ['n', 'mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const) {
          expect(new Uint8Array(band[field].buffer)).toEqual(new Uint8Array(expected[field].buffer));
        }
      },
    ), { numRuns: 150 });
  });
});
