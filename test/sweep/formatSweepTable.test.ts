import { describe, expect, it } from 'vitest';
import type { SweepRun } from '../../src/sweep/runSweep.ts';
import { formatDistinctNumbers, formatSweepTable } from '../../src/sweep/formatSweepTable.ts';

const row = (rank: number, parameter: string, low: number, high: number) => ({
  rank, parameter, path: parameter, range: { low, high, rule: 'p5/p95' as const }, nominal: (low + high) / 2,
  meanAtLow: 1, meanNominal: 2, meanAtHigh: 3, swing: 2, ciLow: 1, ciHigh: 3, n: 4,
});
const metric = { metric: 'cumulativeShortfall', material: 'ndpr', stage: 'endUse', region: 'US', unit: 't' };

describe('formatSweepTable', () => {
  it("gives the tornado's low and high ends in their units: rates per year or tick, shares, dates, plain numbers", () => {
    const run = {
      base: { spec: { startYear: 2025 } }, points: [], metric,
      tornado: [
        row(1, 'materials.ndpr.demand.growthPerYear', 0.0495, 0.0905), row(2, 'events.q.end', 2.05, 2.95), row(3, 'events.q.quotaShare', 0.41, 0.59),
        row(4, 'materials.ndpr.demand.elasticityShortRun', -0.265, -0.144), row(5, 'events.r.end', 2.005, 2.075), row(6, 'behaviour.attritionPerYear', 0.05, 0.1),
        row(7, 'market.priceAdjustmentPerTick', 0.1, 0.2),
      ],
    } as unknown as SweepRun;
    const cells = formatSweepTable(run, []).trimEnd().split('\n').slice(3).map((line) => line.split(/ {2,}/)[2]);
    expect(cells).toEqual(['4.95%/yr … 9.05%/yr', 'Jan 2027 … Dec 2027', '41% … 59%', '-0.265 … -0.144', '2 Jan 2027 … 28 Jan 2027', '5%/yr … 10%/yr', '10%/tick … 20%/tick']);
  });

  it('labels grid values with number and unit spaced, hex literals and ids as typed', () => {
    const point = (days: string, id: string) => ({ point: [{ path: 'events.s.targetDays', value: days }, { path: 'events.s.region', value: id }], stats: [] });
    const run = { base: { spec: { startYear: 2025 } }, points: [point('30days', '3D'), point('0x1F', 'US')], metric, tornado: null } as unknown as SweepRun;
    const lines = formatSweepTable(run, ['events.s.targetDays', 'events.s.region']).trimEnd().split('\n').slice(3).map((line) => line.split(/ {2,}/).slice(1, 3));
    expect(lines).toEqual([['30 days', '3D'], ['0x1F', 'US']]);
  });

  it('writes results that differ with digits enough to tell them apart (audit 25 L3: "at low 828K at high 828K")', () => {
    const tornado = [{ ...row(1, 'government.reversalProbability', 0.165, 0.435), meanAtLow: 828351.2, meanAtHigh: 827888.1, swing: -463.1 }];
    const stat = (mean: number) => ({ key: metric, mean, ciLow: mean - 900, ciHigh: mean + 900, n: 40 });
    const points = [828351, 827593].map((mean, i) => ({ point: [{ path: 'government.reversalProbability', value: String(i * 0.6) }], stats: [stat(mean)], vsFirstPoint: i === 0 ? undefined : [{ meanDifference: -758, ciLow: -900, ciHigh: -616, n: 40 }] }));
    const text = formatSweepTable({ base: { spec: { startYear: 2025 } }, points, metric, tornado } as unknown as SweepRun, ['government.reversalProbability']);
    expect(text).toMatch(/828,351 +\[/);
    expect(text).toMatch(/827,593 +\[/);
    expect(text).toMatch(/828,351 +827,888 +-463/);
    expect(formatDistinctNumbers([1234, 5678])).toEqual(['1.23K', '5.68K']);
  });

  it('says under the tornado when no swing is clear of 0, or none moved the metric, and nothing when one is clear', () => {
    const table = (tornado: unknown[]) => formatSweepTable({ base: { spec: { startYear: 2025 } }, points: [], metric, tornado } as unknown as SweepRun, []);
    const noise = [{ ...row(1, 'a', 0, 1), swing: 16, ciLow: -23.1, ciHigh: 55.1 }, { ...row(2, 'b', 0, 1), swing: 0.9, ciLow: -87, ciHigh: 89 }];
    expect(table(noise)).toMatch(/\n\n?no swing is clear of 0 with these runs \(every 95% CI includes 0\): the ranks are noise\n$/);
    expect(table([{ ...row(1, 'a', 0, 1), swing: 0, ciLow: 0, ciHigh: 0 }])).toMatch(/no parameter moved it in any run\n$/);
    const clear = table([noise[0], { ...row(2, 'b', 0, 1), swing: 5, ciLow: 1, ciHigh: 9 }]);
    expect(clear).not.toMatch(/noise|no parameter/);
  });
});

