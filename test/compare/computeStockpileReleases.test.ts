import { describe, expect, it } from 'vitest';
import { computeStockpileReleases, formatStockpileReleasesCsv } from '../../src/compare/computeStockpileReleases.ts';
import type { OverTimePlan } from '../../src/compare/planOverTimeSeries.ts';

// Two series (consumption, stockpile) over five months of 2026.
const periods = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].map((label, i) => ({ label, year: 2026 + (i + 0.5) / 12, weeks: 4, startTick: i * 4, endTick: i * 4 + 4 }));
const plan: OverTimePlan = {
  periods,
  series: [
    { material: 'ndpr', measure: 'consumption', stage: 'endUse', region: 'US', unit: 't/week', rows: [0] },
    { material: 'ndpr', measure: 'stockpile', stage: 'processing+manufacturing', region: 'US', unit: 't', rows: [1] },
  ],
};
const replicate = (stock: number[]): Float64Array => Float64Array.from([9, 9, 9, 9, 9, ...stock]);

describe('computeStockpileReleases', () => {
  it('gives per replicate the first month the stock fell and the tonnes it fell by, and "never" for a stock that only grew', () => {
    const rows = computeStockpileReleases(plan, [
      { label: 'threat', values: [replicate([0, 0, 0, 0, 0]), replicate([0, 0, 0, 0, 0])] },
      { label: 'pile', values: [replicate([50, 100, 100, 70, 40]), replicate([50, 100, 100, 100, 100])] },
    ]);
    // The reference holds nothing in any run: no rows for it.
    expect(rows.map((r) => r.strategy)).toEqual(['pile', 'pile']);
    expect(rows[0]).toMatchObject({ replicate: 0, peakHeldTonnes: 100, firstReleasePeriod: '2026-04', releasedTonnes: 60 });
    expect(rows[0].firstReleaseYear).toBeCloseTo(2026 + 3.5 / 12, 9);
    expect(rows[1]).toMatchObject({ replicate: 1, peakHeldTonnes: 100, firstReleasePeriod: '', releasedTonnes: 0 });
    expect(rows[1].firstReleaseYear).toBeNaN();
  });

  it('does not count a fall within floating-point noise of the stock as a release', () => {
    const [row] = computeStockpileReleases(plan, [{ label: 'pile', values: [replicate([100, 100 - 1e-9, 100, 99.99, 100])] }]);
    expect(row.firstReleasePeriod).toBe('');
    const [real] = computeStockpileReleases(plan, [{ label: 'pile', values: [replicate([100, 100, 99.8, 99.8, 99.8])] }]);
    expect(real.firstReleasePeriod).toBe('2026-03');
  });

  it('writes one CSV line per row, "never" as empty fields, and by-trigger figures the arm has no summaries for as empty fields', () => {
    const csv = formatStockpileReleasesCsv(computeStockpileReleases(plan, [{ label: 'pile', values: [replicate([50, 100, 100, 70, 40]), replicate([50, 100, 100, 100, 100])] }]));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('strategy,material,replicate,peakHeldTonnes,firstReleasePeriod,firstReleaseYear,releasedTonnes,shortageReleaseTonnes,priceSpikeReleaseTonnes,steadyReleaseTonnes');
    expect(lines[1]).toMatch(/^pile,ndpr,0,100,2026-04,2026\.29\d*,60,,,$/);
    expect(lines[2]).toBe('pile,ndpr,1,100,,,0,,,');
  });

  it('adds what each run sold by trigger, from the arm\'s summaries: refined and component stockpiles of the material in the series\' region summed, other regions and materials left out', () => {
    const key = (metric: string, material: string, stage: string, region: string) => ({ metric, material, stage, region, unit: 't' });
    const keys = [
      key('cumulativeShortfall', 'ndpr', 'endUse', 'US'),
      key('stockpileShortageReleaseTonnes', 'ndpr', 'processing', 'US'), key('stockpileShortageReleaseTonnes', 'ndpr', 'manufacturing', 'US'), key('stockpileShortageReleaseTonnes', 'ndpr', 'processing', 'ALLIES'), key('stockpileShortageReleaseTonnes', 'dy', 'processing', 'US'),
      key('stockpilePriceSpikeReleaseTonnes', 'ndpr', 'processing', 'US'), key('stockpilePriceSpikeReleaseTonnes', 'ndpr', 'manufacturing', 'US'), key('stockpilePriceSpikeReleaseTonnes', 'ndpr', 'processing', 'ALLIES'), key('stockpilePriceSpikeReleaseTonnes', 'dy', 'processing', 'US'),
      key('stockpileSteadyReleaseTonnes', 'ndpr', 'processing', 'US'), key('stockpileSteadyReleaseTonnes', 'ndpr', 'manufacturing', 'US'), key('stockpileSteadyReleaseTonnes', 'ndpr', 'processing', 'ALLIES'), key('stockpileSteadyReleaseTonnes', 'dy', 'processing', 'US'),
    ];
    const summaries = [
      Float64Array.from([999, 40, 2, 1000, 3000, 15, 0.5, 2000, 4000, 0, 0, 5000, 6000]),
      Float64Array.from([999, 7, 0, 1000, 3000, 0, 0, 2000, 4000, 0, 0.25, 5000, 6000]),
    ];
    const rows = computeStockpileReleases(plan, [{ label: 'pile', values: [replicate([50, 100, 100, 70, 40]), replicate([50, 100, 100, 100, 100])], summaries: { keys, values: summaries } }]);
    expect(rows.map((r) => [r.shortageReleaseTonnes, r.priceSpikeReleaseTonnes, r.steadyReleaseTonnes])).toEqual([[42, 15.5, 0], [7, 0, 0.25]]);
    // The monthly falls are unchanged by the summaries beside them.
    expect(rows.map((r) => r.releasedTonnes)).toEqual([60, 0]);
    const lines = formatStockpileReleasesCsv(rows).trimEnd().split('\n');
    // Appended after the earlier columns: a reader by position still finds releasedTonnes seventh.
    expect(lines[1].split(',').slice(6)).toEqual(['60', '42', '15.5', '0']);
    expect(lines[2]).toBe('pile,ndpr,1,100,,,0,7,0,0.25');
  });
});
