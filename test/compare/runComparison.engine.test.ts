import { describe, expect, it } from 'vitest';
import { runComparison } from '../../src/compare/runComparison.ts';
import type { MetricComparison } from '../../src/compare/computeComparison.ts';
import { formatMetricId } from '../../src/outputs/formatMetricId.ts';
import { shipped, SMALL } from './smallScenario.ts';

const threat = shipped('threat-export-quota');
const stockpile = shipped('mitigation-stockpile-60d');

/** CI width per metric id, for metrics whose differences vary. */
function widths(metrics: MetricComparison[]): Map<string, number> {
  return new Map(metrics.filter((m) => m.ciHigh > m.ciLow).map((m) => [formatMetricId(m.key), m.ciHigh - m.ciLow]));
}

describe('runComparison with the engine', () => {
  it('gives exactly zero differences when a scenario is compared with itself', async () => {
    const { report } = await runComparison({ paths: [threat, threat], sets: SMALL, masterSeed: 7, replicates: 4, workers: 0 });
    expect(report.arms.map((arm) => arm.label)).toEqual(['threat-export-quota', 'threat-export-quota-2']);
    const metrics = report.alternatives[0].metrics;
    expect(metrics.length).toBeGreaterThan(100);
    for (const m of metrics) {
      if (m.n === 0) continue;
      expect(m.meanDifference).toBe(0);
      if (m.n >= 2) expect([m.ciLow, m.ciHigh]).toEqual([0, 0]);
      expect(m.meanB).toBe(m.meanA);
      if (m.direction !== 'none') expect(m.pBetter).toBe(0);
    }
  });

  it('pairs replicates (common random numbers) and narrows the interval as replicates grow', async () => {
    const run = (replicates: number) =>
      runComparison({ paths: [threat, stockpile], sets: SMALL, masterSeed: 11, replicates, workers: 0 });
    const small = (await run(6)).report.alternatives[0].metrics;
    const large = (await run(24)).report.alternatives[0].metrics;
    expect(large.find((m) => m.key.metric === 'policyCost')?.meanDifference).toBeGreaterThan(0);
    const before = widths(small);
    const after = widths(large);
    const ratios = [...before].filter(([id]) => after.has(id)).map(([id, width]) => (after.get(id) as number) / width);
    expect(ratios.length).toBeGreaterThan(10);
    ratios.sort((a, b) => a - b);
    // Expected ratio ≈ (t(.975,23)/√24) / (t(.975,5)/√6) ≈ 0.33; the median over metrics must be well below 1.
    expect(ratios[Math.floor(ratios.length / 2)]).toBeLessThan(0.7);
  });
});
