import { describe, expect, it } from 'vitest';
import type { AlternativeComparison } from '../../src/compare/computeComparison.ts';
import { COMPARISON_CSV_HEADER, formatComparisonCsv } from '../../src/compare/formatComparisonCsv.ts';
import { type ComparisonReport, formatComparisonJson } from '../../src/compare/formatComparisonJson.ts';
import { formatComparisonTable } from '../../src/compare/formatComparisonTable.ts';
import { chooseDisplayNames } from '../../src/report/applyStrategyTitles.ts';
import { parseTableRows } from '../../src/compare/compareCommand.ts';
import { UsageError } from '../../src/cli/exitCodes.ts';

const alternative: AlternativeComparison = {
  label: 'stock,pile',
  metrics: [
    { key: { metric: 'cumulativeShortfall', material: 'ndpr', stage: 'endUse', region: 'US', unit: 't' }, direction: 'lower',
      n: 50, meanA: 1000, meanB: 400, meanDifference: -600, ciLow: -700, ciHigh: -500, pBetter: 0.9, pWorse: 0.02, pValue: NaN },
    { key: { metric: 'longestSevereShortfallWeeks', material: 'ndpr', stage: 'endUse', region: 'US', unit: 'weeks' }, direction: 'lower',
      n: 50, meanA: 10, meanB: 9.9, meanDifference: -0.1, ciLow: -0.5, ciHigh: 0.3, pBetter: 0.1, pWorse: 0.08, pValue: 0.6,
      exceedance: { threshold: 8, pA: 0.6, pB: 0.5, pValue: 0.125 } },
    { key: { metric: 'cumulativeShortfall', material: 'ndpr', stage: 'endUse', region: 'CN', unit: 't' }, direction: 'lower',
      n: 50, meanA: 1000, meanB: 10, meanDifference: -990, ciLow: -1000, ciHigh: -980, pBetter: 1, pWorse: 0, pValue: NaN },
    { key: { metric: 'timeToPeakWeeks', material: 'ndpr', stage: 'processing', region: 'US', unit: 'weeks' }, direction: 'none',
      n: 50, meanA: 10, meanB: 10, meanDifference: 0, ciLow: 0, ciHigh: 0, pBetter: NaN, pWorse: NaN, pValue: NaN },
    { key: { metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' }, direction: 'lower',
      n: 50, meanA: 0, meanB: 3.5e7, meanDifference: 3.5e7, ciLow: 3e7, ciHigh: 4e7, pBetter: 0, pWorse: 1, pValue: NaN },
    { key: { metric: 'peakPriceMultiple', material: 'ndpr', stage: 'processing', region: 'US', unit: 'x base' }, direction: 'lower',
      n: 50, meanA: 2, meanB: 1.9, meanDifference: -0.1, ciLow: -0.3, ciHigh: 0.1, pBetter: 0.5, pWorse: 0.4, pValue: NaN },
  ],
};
const report: ComparisonReport = {
  arms: [{ label: 'threat', path: 'scenarios/threat.yaml', name: 'threat' }, { label: 'stock,pile', path: 'x.yaml', name: 'x' }],
  masterSeed: 1, replicates: 50, level: 0.95, alternatives: [alternative],
};

describe('comparison outputs', () => {
  it('writes one tidy CSV row per alternative and metric, quoting text and leaving NaN empty', () => {
    const lines = formatComparisonCsv([alternative], 'threat,quota').trimEnd().split('\n');
    expect(lines[0]).toBe(COMPARISON_CSV_HEADER);
    expect(lines[0]).toMatch(/,pBetter,n,pWorse,direction,threshold,pFirst,pAlternative,pValue,exceedancePValue,reference$/);
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe('"stock,pile",cumulativeShortfall,ndpr,endUse,US,t,1000,400,-600,-700,-500,0.9,50,0.02,lower,,,,,,"threat,quota"');
    expect(lines[2]).toBe('"stock,pile",longestSevereShortfallWeeks,ndpr,endUse,US,weeks,10,9.9,-0.1,-0.5,0.3,0.1,50,0.08,lower,8,0.6,0.5,0.6,0.125,"threat,quota"');
    expect(lines[4].split(',').slice(-11, -1)).toEqual(['', '50', '', 'none', '', '', '', '', '', '"threat']);
  });

  it('writes comparison.json per alternative and metric id, NaN as null', () => {
    const json = JSON.parse(formatComparisonJson(report));
    expect(json.first).toBe('threat');
    const metric = json.alternatives['stock,pile']['cumulativeShortfall.ndpr.endUse.US'];
    expect(Object.keys(metric)).toEqual([
      'unit', 'direction', 'n', 'meanA', 'meanB', 'meanDifference', 'ciLow', 'ciHigh', 'pBetter', 'pWorse', 'pValue', 'metric', 'material', 'stage', 'region',
    ]);
    expect(metric).toMatchObject({ metric: 'cumulativeShortfall', material: 'ndpr', stage: 'endUse', region: 'US' });
    // A key part that does not apply is null, as comparison.csv's empty field loads, never "".
    expect(json.alternatives['stock,pile']['policyCost.US']).toMatchObject({ metric: 'policyCost', material: null, stage: null, region: 'US' });
    expect(formatComparisonJson(report)).not.toContain('""');
    expect(json.alternatives['stock,pile']['timeToPeakWeeks.ndpr.processing.US'].pBetter).toBeNull();
    expect(json.alternatives['stock,pile']['longestSevereShortfallWeeks.ndpr.endUse.US']).toMatchObject({ threshold: 8, pA: 0.6, pB: 0.5, exceedancePValue: 0.125 });
  });

  it('prints aligned rows, clear differences first, unchanged metrics left out', () => {
    const table = formatComparisonTable(report);
    const lines = table.trimEnd().split('\n');
    // B and A on lines of their own (no titles here: their labels), then the counts, wrapped to 100 columns.
    expect(lines.slice(0, 4)).toEqual(['B = stock,pile', 'A = threat', '50 paired replicates, seed 1;',
      '5 of 6 metrics differ in at least one run, 3 with a 95% CI that excludes 0']);
    expect(table).toMatch(/not adjusted for comparing many/);
    // the home region's (US, that of policyCost) end-use metrics first, then clear differences
    expect(lines[4]).toMatch(/^metric +unit/);
    expect(lines[6]).toMatch(/^cumulativeShortfall\.ndpr\.endUse\.US/);
    expect(lines[7]).toMatch(/^longestSevereShortfallWeeks\.ndpr\.endUse\.US/);
    expect(lines[8]).toMatch(/^policyCost\.US/); // relative difference 1
    expect(lines[9]).toMatch(/^cumulativeShortfall\.ndpr\.endUse\.CN/); // 0.99
    expect(lines[10]).toMatch(/^peakPriceMultiple/);
    expect(table).not.toContain('timeToPeakWeeks');
    const widths = new Set(lines.slice(4, -1).map((line) => line.length)); // the last line is the caveat
    expect(Math.max(...widths)).toBe(lines[5].length);
    // Eight lines, then the home government's policy cost (always printed, gain or not), then the caveat.
    expect(formatComparisonTable(report, 1).trimEnd().split('\n')).toHaveLength(9);
    expect(formatComparisonTable(report, 1)).toContain("\nHome government's policy cost, B − A (USD): 35M [30M, 40M]\n");
    expect(formatComparisonTable(report, 1)).toContain('3 with a 95% CI that excludes 0; top 1\n');
    expect(formatComparisonTable(report, Infinity).trimEnd().split('\n')).toHaveLength(13);
  });

  it('names B and A by their scenarios\' titles, each with its file label in brackets, in lines of at most 100 columns', () => {
    const titled = { ...report, replicates: 6 };
    const names = chooseDisplayNames([{ label: 'threat', title: "China's 50% NdPr/Dy export quota for 18 months" }, { label: 'stock,pile', title: '60-day US oxide stockpile, released into price spikes' }]);
    const lines = formatComparisonTable(titled, 10, names).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'B = 60-day US oxide stockpile, released into price spikes [stock,pile]',
      "A = China's 50% NdPr/Dy export quota for 18 months [threat]",
      '6 paired replicates, seed 1;',
      '5 of 6 metrics differ in at least one run, 3 with a 95% CI that excludes 0',
    ]);
    expect(lines.slice(0, 4).every((line) => line.length <= 100)).toBe(true);
    // Two strategies with the same title keep their labels.
    const same = chooseDisplayNames([{ label: 'threat', title: 'Stockpile' }, { label: 'stock,pile', title: 'stockpile ' }]);
    expect(formatComparisonTable(titled, 10, same).split('\n').slice(0, 2)).toEqual(['B = stock,pile', 'A = threat']);
  });

  it('ranks the rows of the materials the alternative targets before other materials\' noise, and says an unchanged cost may be unpriced', () => {
    const row = (material: string, difference: number, stage = 'endUse') => ({ key: { metric: 'cumulativeShortfall', material, stage, region: 'US', unit: 't' }, direction: 'lower' as const,
      n: 50, meanA: 100, meanB: 100 + difference, meanDifference: difference, ciLow: difference - 1, ciHigh: difference + 1, pBetter: 0.5, pWorse: 0.5, pValue: NaN });
    const noCost = { ...alternative.metrics[4], meanB: 0, meanDifference: 0, ciLow: 0, ciHigh: 0 };
    const mixed: ComparisonReport = { ...report, alternatives: [{ label: 'stock,pile', metrics: [row('lithium', -90), row('ndpr', -5), noCost, row('lithium', -80, 'processing'), row('ndpr', -2, 'processing')] }],
      costEffectiveness: [{ label: 'stock,pile', strategyMaterials: ['ndpr'], materials: [] }] };
    const lines = formatComparisonTable(mixed).split('\n').filter((l) => l.startsWith('cumulativeShortfall'));
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['cumulativeShortfall.ndpr.endUse.US', 'cumulativeShortfall.lithium.endUse.US', 'cumulativeShortfall.ndpr.processing.US', 'cumulativeShortfall.lithium.processing.US']);
    // Without targeted materials, the size of the difference ranks as before.
    const plain = formatComparisonTable({ ...mixed, costEffectiveness: [] }).split('\n').filter((l) => l.startsWith('cumulativeShortfall'));
    expect(plain[0]).toMatch(/^cumulativeShortfall\.lithium\.endUse/);
    expect(formatComparisonTable(mixed)).toContain("Home government's policy cost: unchanged in every run (a tariff, friend-shoring, permitting reform or mandate the alternative adds without costUsdPerYear is unpriced, not free)");
    // An alternative that adds only disruptions has no policy to be unpriced.
    const threat = formatComparisonTable(mixed, 10, new Map(), new Set(['stock,pile']));
    expect(threat).toContain("Home government's policy cost: unchanged in every run (the alternative adds only disruptions)\n");
    expect(threat).not.toContain('unpriced');
  });

  it('prints what the alternative costs per tonne of consumption gained, for the materials its own events name', () => {
    const pd = (mean: number) => ({ n: 50, meanA: 0, meanB: mean, meanDifference: mean, ciLow: mean * 0.9, ciHigh: mean * 1.1, pBetter: NaN, pWorse: NaN, pValue: NaN });
    const priced = (ratio: number) => ({ n: 50, ratio, low: ratio * 0.8, high: ratio * 1.3, status: 'costPerTonne' as const });
    const spare = { n: 50, ratio: NaN, low: NaN, high: NaN, status: 'noClearGain' as const };
    const entry = (material: string) => ({
      material, extraCostUsd: pd(3.5e7), extraNetCostUsd: pd(-1e6), shortfallAvoidedTonnes: pd(0), consumptionGainedTonnes: pd(100),
      usdPerTonneShortfallAvoided: spare, usdPerTonneConsumptionGained: priced(3.5e5), netUsdPerTonneShortfallAvoided: spare,
      netUsdPerTonneConsumptionGained: { ...spare, status: 'savesMoney' as const }, usdPerTonneConsumptionGainedAgainst: new Map(),
    });
    const withCosts: ComparisonReport = { ...report, costEffectiveness: [{ label: 'stock,pile', strategyMaterials: ['ndpr'], materials: [entry('ndpr'), entry('gallium')] }] };
    const table = formatComparisonTable(withCosts);
    expect(table).toContain("USD per kg of home end users' consumption gained, gross | net of stock held and sales (95% CI): ndpr 350 [280, 455] | costs less\n");
    expect(table).not.toContain('gallium');
    expect(formatComparisonTable(report)).not.toContain('USD per t');
    // Spending the same in every run (an unpriced policy): not "no extra cost".
    const zero = { ...pd(0), ciLow: 0, ciHigh: 0 };
    const noExtra = { ...spare, status: 'noExtraCost' as const };
    const unpriced = { ...entry('ndpr'), extraCostUsd: zero, extraNetCostUsd: zero, usdPerTonneConsumptionGained: noExtra, netUsdPerTonneConsumptionGained: noExtra };
    expect(formatComparisonTable({ ...report, costEffectiveness: [{ label: 'stock,pile', strategyMaterials: ['ndpr'], materials: [unpriced] }] }))
      .toContain(': ndpr no spending (unpriced?) | no spending (unpriced?)\n');
  });

  it('prices no spill-over: for a strategy naming no material, only a gain of at least 0.1% of consumption', () => {
    const gained = (meanA: number, mean: number) => ({ n: 10, meanA, meanB: meanA + mean, meanDifference: mean, ciLow: mean * 0.2, ciHigh: mean * 1.8, pBetter: NaN, pWorse: NaN, pValue: NaN });
    const pd = (mean: number) => gained(0, mean);
    const priced = (ratio: number) => ({ n: 10, ratio, low: ratio * 0.5, high: ratio * 5, status: 'costPerTonne' as const });
    const spare = { n: 10, ratio: NaN, low: NaN, high: NaN, status: 'noClearGain' as const };
    const entry = (material: string, consumption: number, gain: number) => ({
      material, extraCostUsd: pd(2.2e7), extraNetCostUsd: pd(2.2e7), shortfallAvoidedTonnes: pd(0), consumptionGainedTonnes: gained(consumption, gain),
      usdPerTonneShortfallAvoided: spare, usdPerTonneConsumptionGained: priced(2.2e7 / gain), netUsdPerTonneShortfallAvoided: spare, netUsdPerTonneConsumptionGained: priced(2.2e7 / gain),
      usdPerTonneConsumptionGainedAgainst: new Map(),
    });
    const friendShoring = (materials: ReturnType<typeof entry>[]): string => formatComparisonTable({ ...report, costEffectiveness: [{ label: 'stock,pile', strategyMaterials: [], materials }] });
    // 3.4 kg of 104 t of gallium (0.003%): a spill-over, named as such, with no USD/kg.
    const spill = friendShoring([entry('gallium', 104, 0.0034)]);
    expect(spill).not.toMatch(/gallium \d/);
    expect(spill).toContain("USD per kg of home end users' consumption gained: not priced: its own events name no material, and the gain (gallium +3.4 kg, 0.00327% of its consumption) is below 0.1% of consumption");
    // 500 t of 40,000 t of graphite (1.25%) is priced; the gallium spill-over still is not.
    const both = friendShoring([entry('gallium', 104, 0.0034), entry('graphite', 40000, 500)]);
    expect(both).toMatch(/consumption gained, gross \| net of stock held and sales \(95% CI\): graphite 44 \[/);
    expect(both).toContain('Not priced: its own events name no material, and the gain (gallium +3.4 kg');
    // A material the strategy names is priced from a clear gain however small.
    expect(formatComparisonTable({ ...report, costEffectiveness: [{ label: 'stock,pile', strategyMaterials: ['gallium'], materials: [entry('gallium', 104, 0.0034)] }] })).toMatch(/: gallium \d/);
  });

  it('prints a tonnage row in one mass unit chosen from its figures: kg when all are below 1 t, t when any reaches it', () => {
    const row = (meanA: number, meanB: number) => ({ ...alternative.metrics[0], meanA, meanB, meanDifference: meanB - meanA, ciLow: (meanB - meanA) * 1.2, ciHigh: (meanB - meanA) * 0.8 });
    const table = (meanA: number, meanB: number) => formatComparisonTable({ ...report, alternatives: [{ ...alternative, metrics: [row(meanA, meanB)] }] }).split('\n')[6].split(/ {2,}/);
    expect(table(0.0435, 0.0426)).toEqual(['cumulativeShortfall.ndpr.endUse.US', 'kg', '50', '43.5', '42.6', '-0.9', '[-1.08, -0.72]', '90% / 2%']);
    expect(table(0.0000435, 0.00004)).toEqual(expect.arrayContaining(['g', '43.5', '40']));
    // 7.65 t against 8.4 t: the difference (0.75 t) stays in t, like the means.
    expect(table(7.65, 8.4)).toEqual(['cumulativeShortfall.ndpr.endUse.US', 't', '50', '7.65', '8.4', '0.75', '[0.9, 0.6]', '90% / 2%']);
  });

  it('takes --top N or --all for the number of rows', () => {
    expect(parseTableRows({})).toBe(10);
    expect(parseTableRows({ top: '25' })).toBe(25);
    expect(parseTableRows({ all: true })).toBe(Infinity);
    for (const bad of [{ top: '0' }, { top: 'x' }, { top: '3', all: true }]) expect(() => parseTableRows(bad)).toThrow(UsageError);
  });
});
