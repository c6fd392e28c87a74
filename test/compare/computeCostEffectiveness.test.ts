import { describe, expect, it } from 'vitest';
import type { ReplicateResult, ResultLayout, SeriesKey } from '../../sim-core/results.ts';
import { computeCostEffectiveness } from '../../src/compare/computeCostEffectiveness.ts';

const keys: SeriesKey[] = [
  { metric: 'cumulativeShortfall', material: 'ndpr', stage: 'endUse', region: 'US', unit: 't' },
  { metric: 'cumulativeConsumption', material: 'ndpr', stage: 'endUse', region: 'US', unit: 't' },
  { metric: 'cumulativeConsumption', material: 'ndpr', stage: 'endUse', region: 'CN', unit: 't' },
  { metric: 'cumulativeShortfall', material: 'ndpr', stage: 'endUse', region: 'CN', unit: 't' },
  { metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' },
  { metric: 'netPolicyCost', material: '', stage: '', region: 'US', unit: 'USD' },
];
const layout = { ticks: 1, ticksPerYear: 52, startYear: 2025, series: [], summaries: keys } as ResultLayout;
/** An arm from per-replicate [US shortfall, US consumption, policy cost]; net cost is a tenth of it; CN values are noise that must not count. */
const arm = (label: string, rows: Array<[number, number, number]>) => ({
  label, layout,
  results: rows.map(([shortfall, consumption, cost], replicate): ReplicateResult => ({ replicate, summaries: Float64Array.of(shortfall, consumption, 999 * replicate, 7 * replicate, cost, cost / 10), series: new Float64Array(0) }) as unknown as ReplicateResult),
});

describe('computeCostEffectiveness', () => {
  const reference = arm('threat', [[10, 100, 0], [12, 90, 0], [8, 110, 0], [11, 95, 0]]);
  const stockpile = arm('stockpile', [[6, 120, 1000], [9, 112, 1040], [5, 128, 970], [7, 115, 990]]);
  const [result] = computeCostEffectiveness([reference, stockpile], 'US');

  it('pairs the extra policy cost with the home tonnes avoided and gained, per material', () => {
    expect(result.label).toBe('stockpile');
    expect(result.materials.map((m) => m.material)).toEqual(['ndpr']);
    const [ndpr] = result.materials;
    expect(ndpr.extraCostUsd.meanDifference).toBe(1000);
    expect(ndpr.shortfallAvoidedTonnes.meanDifference).toBe(3.5); // (4 + 3 + 3 + 4) / 4
    expect(ndpr.consumptionGainedTonnes.meanDifference).toBe(20); // (20 + 22 + 18 + 20) / 4
    expect(ndpr.usdPerTonneShortfallAvoided.ratio).toBeCloseTo(1000 / 3.5, 9);
    expect(ndpr.usdPerTonneConsumptionGained.ratio).toBe(50); // cost 1000 on average
    expect(ndpr.extraNetCostUsd.meanDifference).toBe(100);
    expect(ndpr.netUsdPerTonneConsumptionGained.ratio).toBeCloseTo(5, 12);
  });

  it('gives bounded intervals around the ratios when the gains are clearly positive', () => {
    const [ndpr] = result.materials;
    expect(ndpr.usdPerTonneConsumptionGained.status).toBe('costPerTonne');
    expect(ndpr.usdPerTonneConsumptionGained.low).toBeLessThan(50);
    expect(ndpr.usdPerTonneConsumptionGained.high).toBeGreaterThan(50);
    expect(ndpr.usdPerTonneShortfallAvoided.low).toBeGreaterThan(0);
  });

  it('pairs the costs per tonne of two priced alternatives run by run, each against the other', () => {
    const dearer = arm('dearer', [[6, 120, 1500], [9, 112, 1560], [5, 128, 1455], [7, 115, 1485]]);
    const [cheap, dear] = computeCostEffectiveness([reference, stockpile, dearer], 'US');
    const ab = cheap.materials[0].usdPerTonneConsumptionGainedAgainst.get('dearer');
    const ba = dear.materials[0].usdPerTonneConsumptionGainedAgainst.get('stockpile');
    // The same gains at 1.5× the cost: 50 against 75 USD/t.
    expect(ab?.difference).toBeCloseTo(-25, 9);
    expect(ba?.difference).toBeCloseTo(25, 9);
    expect(ab?.ciHigh).toBeLessThan(0);
    expect(ab?.ciLow).toBeCloseTo(-(ba?.ciHigh ?? NaN), 9);
    expect(result.materials[0].usdPerTonneConsumptionGainedAgainst.size).toBe(0);
  });

  it('gives no ratio when the benefit is not clearly positive, or when nothing is paid for it', () => {
    const noisy = arm('noisy', [[12, 101, 500], [10, 89, 500], [10, 111, 500], [11, 94, 500]]);
    const [unclear] = computeCostEffectiveness([reference, noisy], 'US')[0].materials;
    expect(unclear.usdPerTonneShortfallAvoided.status).toBe('noClearGain');
    expect(unclear.usdPerTonneConsumptionGained.status).toBe('noClearGain');
    expect(Number.isNaN(unclear.usdPerTonneConsumptionGained.ratio)).toBe(true);
    // Worse and dearer: no negative "cost per tonne avoided" that reads like a bargain.
    const worse = arm('worse', [[14, 90, 800], [15, 80, 810], [12, 99, 790], [14, 85, 800]]);
    const [dominated] = computeCostEffectiveness([reference, worse], 'US')[0].materials;
    expect(dominated.usdPerTonneShortfallAvoided.status).toBe('noClearGain');
    expect(Number.isNaN(dominated.usdPerTonneShortfallAvoided.ratio)).toBe(true);
    // A stockpile that sells dear: it spends (a gross cost per tonne) but gains net (no net cost to price).
    const dear = { ...stockpile, label: 'dear', results: stockpile.results.map((r) => ({ ...r, summaries: Float64Array.from(r.summaries, (v, i) => (i === 5 ? -v : v)) })) };
    const [trading] = computeCostEffectiveness([reference, dear], 'US')[0].materials;
    expect(trading.usdPerTonneConsumptionGained.status).toBe('costPerTonne');
    expect(trading.netUsdPerTonneConsumptionGained.status).toBe('savesMoney');
    expect(Number.isNaN(trading.netUsdPerTonneConsumptionGained.ratio)).toBe(true);
    const free = arm('free', [[6, 120, 0], [9, 112, 0], [5, 128, 0], [7, 115, 0]]);
    // Gains without spending more or less than the reference in any run: nothing priced, nothing saved.
    expect(computeCostEffectiveness([reference, free], 'US')[0].materials[0].usdPerTonneConsumptionGained.status).toBe('noExtraCost');
    const cheaper = arm('cheaper', [[6, 120, -390], [9, 112, -400], [5, 128, -410], [7, 115, -400]]); // sells more than it buys
    expect(computeCostEffectiveness([reference, cheaper], 'US')[0].materials[0].usdPerTonneConsumptionGained.status).toBe('savesMoney');
  });

  it('charges each material its own spending plus the spending tied to no material, when the layout splits it', () => {
    const split: SeriesKey[] = [
      ...keys,
      { metric: 'cumulativeShortfall', material: 'dy', stage: 'endUse', region: 'US', unit: 't' },
      { metric: 'cumulativeConsumption', material: 'dy', stage: 'endUse', region: 'US', unit: 't' },
      { metric: 'materialPolicyCost', material: 'ndpr', stage: '', region: 'US', unit: 'USD' },
      { metric: 'materialPolicyCost', material: 'dy', stage: '', region: 'US', unit: 'USD' },
    ];
    const splitLayout = { ...layout, summaries: split } as ResultLayout;
    // [US ndpr shortfall, consumption, cost] as before; dy gains 10 t; ndpr's own spending 600, dy's 300, 100 tied to none.
    const splitArm = (label: string, rows: Array<[number, number, number]>, ndpr: number, dy: number, dyGain: number) => ({
      label, layout: splitLayout,
      results: rows.map(([shortfall, consumption, cost], replicate) => ({
        replicate, series: new Float64Array(0),
        summaries: Float64Array.of(shortfall, consumption, 0, 0, cost, cost, 1, 50 + dyGain + replicate % 2, ndpr, dy),
      }) as unknown as ReplicateResult),
    });
    const before = splitArm('threat', [[10, 100, 0], [12, 90, 0], [8, 110, 0], [11, 95, 0]], 0, 0, 0);
    const after = splitArm('stockpile', [[6, 120, 1000], [9, 112, 1000], [5, 128, 1000], [7, 115, 1000]], 600, 300, 10);
    const byMaterial = new Map(computeCostEffectiveness([before, after], 'US')[0].materials.map((m) => [m.material, m]));
    expect(byMaterial.get('ndpr')?.extraCostUsd.meanDifference).toBe(700); // 600 own + 100 tied to none
    expect(byMaterial.get('dy')?.extraCostUsd.meanDifference).toBe(400); // 300 own + 100
    expect(byMaterial.get('dy')?.usdPerTonneConsumptionGained.ratio).toBe(40);
    // All spending tied to materials, whose sum rounds away from the total (0.1 + 0.2 ≠ 0.3): each is
    // charged exactly its own, not plus the rounding residue (−5.6e-17 here; a material nobody spends on got 1e-9 USD).
    const tiedOnly = splitArm('stockpile', [[6, 120, 0.3], [9, 112, 0.3], [5, 128, 0.3], [7, 115, 0.3]], 0.1, 0.2, 10);
    const costs = new Map(computeCostEffectiveness([before, tiedOnly], 'US')[0].materials.map((m) => [m.material, m.extraCostUsd.meanDifference]));
    expect(costs.get('ndpr')).toBe(0.1);
    expect(costs.get('dy')).toBe(0.2);
  });
});
