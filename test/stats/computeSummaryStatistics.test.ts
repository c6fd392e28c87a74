import { describe, expect, it } from 'vitest';
import type { ResultLayout } from '../../sim-core/results.ts';
import { computeSummaryStatistics } from '../../src/stats/computeSummaryStatistics.ts';

const layout: ResultLayout = {
  ticks: 0,
  ticksPerYear: 52,
  startYear: 2025,
  series: [],
  summaries: [
    { metric: 'peakPriceMultiple', material: 'ndpr', stage: 'processing', region: 'US', unit: 'x' },
    { metric: 'recoveryWeeks', material: 'ndpr', stage: '', region: '', unit: 'weeks' },
  ],
};

describe('computeSummaryStatistics', () => {
  it('summarizes each summary key across replicates, in layout order', () => {
    const results = [[1, NaN], [3, 10], [2, NaN]].map((values, replicate) => ({
      replicate,
      series: new Float64Array(0),
      summaries: Float64Array.from(values),
    }));
    const [peak, recovery] = computeSummaryStatistics(layout, results);
    expect(peak.key).toBe(layout.summaries[0]);
    expect(peak).toMatchObject({ n: 3, mean: 2, p50: 2, min: 1, max: 3 });
    expect(recovery).toMatchObject({ n: 1, mean: 10, p5: 10, min: 10 });
    expect(recovery.ciLow).toBeNaN();
  });
  it('rejects results that do not match the layout', () => {
    expect(() => computeSummaryStatistics(layout, [{ replicate: 4, series: new Float64Array(0), summaries: new Float64Array(1) }]))
      .toThrow(/replicate 4/);
  });
});
