import { describe, expect, it } from 'vitest';
import { formatImpactCsv, formatImpactMonthlyCsv, IMPACT_CSV_HEADER, IMPACT_MONTHLY_CSV_HEADER } from '../../src/impact/formatImpactCsv.ts';
import type { ImpactFile, ImpactStatistic, MonthlyImpact } from '../../src/impact/measureDisruptionImpact.ts';

const stat = (unit: string, meanWith: number, meanWithout: number, half = 1): ImpactStatistic =>
  ({ unit, n: 4, meanWith, meanWithout, mean: meanWith - meanWithout, ciLow: meanWith - meanWithout - half, ciHigh: meanWith - meanWithout + half });
const window = { startTick: 39, endTick: 182, fromYear: 2025.75, toYear: 2028.5 };
const monthly: MonthlyImpact = {
  unit: 't/week', period: ['2026-01', '2026-02'], weeks: [5, 4], meanWith: [90, 95], meanWithout: [100, 100], mean: [-10, -5],
  ciLow: [-12, NaN], ciHigh: [-8, NaN], differenceToEnd: [-70, -20], differenceToEndCiLow: [-80, -25], differenceToEndCiHigh: [-60, -15],
};
const impact: ImpactFile = {
  format: 'crm-sim impact', version: 1, method: '', masterSeed: 1, replicates: 4, runReplicates: 10, replicateCap: 4, homeRegion: 'US', foreignRegion: 'CN',
  stages: [
    { stage: 'mining', events: [] },
    {
      stage: 'processing', events: ['quotaDy', 'quotaNdpr'],
      homeShortfall: { ...stat('t', 31, 30), materials: ['dy', 'ndpr'] },
      homeShortfallByMaterial: [{ ...stat('t', 1, 0), material: 'dy' }, { ...stat('t', 30, 30), material: 'ndpr' }],
      homeConsumption: [{ ...stat('t', 9, 10), material: 'dy' }, { ...stat('t', 900, 1000), material: 'ndpr' }],
      peakPriceMultiple: { ...stat('x base', 2.5, 1.2), materials: ['dy', 'ndpr'], priceStages: { dy: 'processing', ndpr: 'processing' } },
      disruptionPeakPrice: { ...stat('x base', 2.5, 1.1), materials: ['dy', 'ndpr'], priceStages: { dy: 'processing', ndpr: 'processing' }, window },
      policyCost: stat('USD', 0, 0, 0),
    },
  ],
  disruptions: {
    events: ['quotaDy', 'quotaNdpr'], window,
    materials: [{
      material: 'ndpr', priceStage: 'processing', weeksShort: stat('weeks', 30, 0), homeShortfall: stat('t', 30, 0), homeConsumption: stat('t', 900, 1000),
      peakPriceMultiple: stat('x base', 2.5, 1.2), disruptionPeakPrice: { ...stat('x base', 2.5, 1.1), window },
      endUserCost: { ...stat('USD', 5e9, 4e9), parts: { extraSpending: 1, forgoneConsumptionValue: 2, unmetValueAtPrice: 3 } }, monthlyConsumption: monthly,
    }],
  },
  exportControls: [{
    event: 'quotaNdpr', mode: 'quota', material: 'ndpr', stage: 'processing', exporter: 'CN', quotaShare: 0.5,
    window: { startTick: 52, endTick: 130, fromYear: 2026, toYear: 2027.5 }, weeks: 78, without: ['quotaDy', 'quotaNdpr'], exports: stat('t', 900, 5000),
  }],
};

const parse = (text: string): Record<string, string>[] => {
  const [header, ...rows] = text.trimEnd().split('\n');
  const names = header.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((field, i) => [names[i], field])));
};

describe('impact.csv', () => {
  const rows = parse(formatImpactCsv(impact));

  it('has one tidy row per estimate: struck stages by material, then every disruption per material, then each export control', () => {
    expect(formatImpactCsv(impact).split('\n')[0]).toBe(IMPACT_CSV_HEADER);
    expect(rows.map((r) => `${r.scope}/${r.stage}/${r.material}/${r.measure}`)).toEqual([
      'stage/processing/dy/homeShortfall', 'stage/processing/ndpr/homeShortfall', 'stage/processing/dy/homeConsumption', 'stage/processing/ndpr/homeConsumption',
      'stage/processing//peakPriceMultiple', 'stage/processing//disruptionPeakPrice', 'stage/processing//policyCost',
      'disruptions//ndpr/weeksShort', 'disruptions//ndpr/homeShortfall', 'disruptions//ndpr/homeConsumption', 'disruptions//ndpr/peakPriceMultiple',
      'disruptions//ndpr/disruptionPeakPrice', 'disruptions//ndpr/endUserCost',
      'exportControl/processing/ndpr/exports',
    ]);
  });

  it('carries each estimate, its unit, price stage, window and the events removed', () => {
    const ndprConsumption = rows.find((r) => r.scope === 'disruptions' && r.measure === 'homeConsumption')!;
    expect(ndprConsumption).toMatchObject({ unit: 't', n: '4', meanWith: '900', meanWithout: '1000', meanDifference: '-100', ciLow: '-101', ciHigh: '-99', removedEvents: 'quotaDy quotaNdpr' });
    const windowPeak = rows.find((r) => r.scope === 'stage' && r.measure === 'disruptionPeakPrice')!;
    expect(windowPeak).toMatchObject({ unit: 'x base', priceStage: 'processing', windowFromYear: '2025.75', windowToYear: '2028.5' });
    expect(rows.find((r) => r.scope === 'stage' && r.measure === 'peakPriceMultiple')).toMatchObject({ priceStage: 'processing', windowFromYear: '', windowToYear: '' });
    expect(rows.at(-1)).toMatchObject({ control: 'quotaNdpr', meanDifference: '-4100', windowFromYear: '2026', windowToYear: '2027.5' });
  });

  it('fills meanWith/meanWithout of endUserCost rows from impact.json (what the whole demand cost at market prices), not the loss it measures', () => {
    // endUserCost's mean is the end users' loss (computeEndUserLoss), not meanWith − meanWithout: each field is copied, none recomputed.
    const material = impact.disruptions!.materials[0];
    const endUserCost = { unit: 'USD', n: 4, meanWith: 19589333046.5, meanWithout: 18223929001.9, mean: 6336467283.5, ciLow: 4916793040.7, ciHigh: 7756141526.2, parts: { extraSpending: 1, forgoneConsumptionValue: 2, unmetValueAtPrice: 3 } };
    const withCost = { ...impact, disruptions: { ...impact.disruptions!, materials: [{ ...material, endUserCost }] } };
    const row = parse(formatImpactCsv(withCost)).find((r) => r.scope === 'disruptions' && r.measure === 'endUserCost')!;
    expect(row).toMatchObject({ material: 'ndpr', unit: 'USD', n: '4', meanWith: '19589333046.5', meanWithout: '18223929001.9', meanDifference: '6336467283.5', ciLow: '4916793040.7', ciHigh: '7756141526.2' });
    expect(row.meanWith).not.toBe('');
    expect(row.meanWithout).not.toBe('');
  });

  it('is a header alone for a scenario without disruptive events', () => {
    expect(formatImpactCsv({ ...impact, stages: [{ stage: 'mining', events: [] }], disruptions: undefined, exportControls: undefined })).toBe(`${IMPACT_CSV_HEADER}\n`);
    expect(formatImpactMonthlyCsv({ ...impact, disruptions: undefined })).toBe(`${IMPACT_MONTHLY_CSV_HEADER}\n`);
  });
});

describe('impact-monthly.csv', () => {
  it('has one row per material and month, NaN as the empty field', () => {
    const rows = parse(formatImpactMonthlyCsv(impact));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      material: 'ndpr', period: '2026-01', weeks: '5', unit: 't/week', meanWith: '90', meanWithout: '100', meanDifference: '-10', ciLow: '-12', ciHigh: '-8',
      differenceToEnd: '-70', differenceToEndCiLow: '-80', differenceToEndCiHigh: '-60',
    });
    expect([rows[1].ciLow, rows[1].ciHigh]).toEqual(['', '']);
  });
});
