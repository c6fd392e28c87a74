import { describe, expect, it } from 'vitest';
import type { ResultLayout } from '../../sim-core/results.ts';
import { computeSeriesBands } from '../../src/stats/computeSeriesBands.ts';

const key = (metric: string) => ({ metric, material: 'ndpr', stage: '', region: '', unit: 'USD/t' });
const layout: ResultLayout = { ticks: 2, ticksPerYear: 52, startYear: 2025, series: [key('price'), key('shortfall')], summaries: [] };

describe('computeSeriesBands', () => {
  it('computes mean and type-7 quantiles per series and tick, ignoring NaN', () => {
    // series 0 at tick 0 takes 1…5 across replicates; tick 1 is NaN for one replicate
    const results = [1, 2, 3, 4, 5].map((v, replicate) => ({
      replicate,
      series: Float64Array.of(v, replicate === 2 ? NaN : 10 * v, -v, 0),
      summaries: new Float64Array(0),
    }));
    const [price, shortfall] = computeSeriesBands(layout, results);
    expect(price.key.metric).toBe('price');
    expect(Array.from(price.mean)).toEqual([3, 30]);
    expect(Array.from(price.n)).toEqual([5, 4]);
    expect(price.p50[0]).toBe(3);
    expect(price.p25[0]).toBe(2);
    expect(price.p5[0]).toBeCloseTo(1.2, 12);
    expect(price.p95[0]).toBeCloseTo(4.8, 12);
    expect(price.p50[1]).toBe(30); // median of 10, 20, 40, 50
    expect(Array.from(shortfall.mean)).toEqual([-3, 0]);
  });
  it('gives NaN where no replicate is defined and checks the layout', () => {
    const results = [{ replicate: 0, series: Float64Array.of(NaN, 1, 2, 3), summaries: new Float64Array(0) }];
    const [price] = computeSeriesBands(layout, results);
    expect(price.n[0]).toBe(0);
    expect(price.mean[0]).toBeNaN();
    expect(price.p95[0]).toBeNaN();
    expect(() => computeSeriesBands(layout, [{ replicate: 0, series: new Float64Array(3), summaries: new Float64Array(0) }]))
      .toThrow(/layout needs 4/);
  });
});
