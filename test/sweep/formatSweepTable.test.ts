import { describe, expect, it } from 'vitest';
import type { SweepRun } from '../../src/sweep/runSweep.ts';
import { formatSweepTable } from '../../src/sweep/formatSweepTable.ts';

const row = (rank: number, parameter: string, low: number, high: number) => ({
  rank, parameter, path: parameter, range: { low, high, rule: 'p5/p95' as const }, nominal: (low + high) / 2,
  meanAtLow: 1, meanNominal: 2, meanAtHigh: 3, swing: 2, ciLow: 1, ciHigh: 3, n: 4,
});

describe('formatSweepTable', () => {
  it("gives the tornado's low and high ends in their units: growth per year, shares, dates, plain numbers", () => {
    const run = {
      base: { spec: { startYear: 2025 } }, points: [], metric: { metric: 'cumulativeShortfall', material: 'ndpr', stage: 'endUse', region: 'US', unit: 't' },
      tornado: [row(1, 'materials.ndpr.demand.growthPerYear', 0.0495, 0.0905), row(2, 'events.q.end', 2.05, 2.95), row(3, 'events.q.quotaShare', 0.41, 0.59), row(4, 'materials.ndpr.demand.elasticityShortRun', -0.265, -0.144)],
    } as unknown as SweepRun;
    const cells = formatSweepTable(run, []).trimEnd().split('\n').slice(3).map((line) => line.split(/ {2,}/)[2]);
    expect(cells).toEqual(['4.95%/yr … 9.05%/yr', 'Feb 2027 … Dec 2027', '41% … 59%', '-0.265 … -0.144']);
  });
});
