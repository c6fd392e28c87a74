import { describe, expect, it } from 'vitest';
import { retitleComparison, retitleOverTime, retitleStrategies, strategyDisplayNames } from '../../src/report/applyStrategyTitles.ts';
import type { Comparison } from '../../src/report/readComparisonJson.ts';
import type { OverTimeSeriesData } from '../../src/report/readOverTimeCsv.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import type { ComparedStrategies } from '../../src/report/renderComparisonSection.ts';

const overview = (title: string | undefined): ScenarioOverview => ({
  name: 'n', title, description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [], materials: [], events: [], threat: [], document: {},
});
const strategies = (...titles: Array<[string, string | undefined]>): ComparedStrategies => ({
  reference: { label: titles[0][0], overview: overview(titles[0][1]) },
  alternatives: titles.slice(1).map(([label, title]) => ({ label, overview: overview(title) })),
});

describe('strategyDisplayNames', () => {
  it('names a strategy by its title, one without a title or without its scenario by its label', () => {
    const s = strategies(['quota', 'Export quota'], ['stock', '60-day stockpile'], ['plain', undefined]);
    s.alternatives.push({ label: 'lost', overview: undefined });
    expect([...strategyDisplayNames(s)]).toEqual([['quota', 'Export quota'], ['stock', '60-day stockpile'], ['plain', 'plain'], ['lost', 'lost']]);
  });

  it('keeps the labels of strategies whose titles coincide (in any case), or whose title is another strategy\'s label', () => {
    const names = strategyDisplayNames(strategies(['a', 'Stockpile'], ['b', 'stockpile '], ['c', 'Tariff'], ['d', 'a']));
    expect([...names]).toEqual([['a', 'a'], ['b', 'b'], ['c', 'Tariff'], ['d', 'd']]);
  });
});

describe('retitle…', () => {
  const names = new Map([['quota', 'Export quota'], ['stock', '60-day stockpile']]);
  const interval = { value: 1, ciLow: 0, ciHigh: 2 };
  const comparison: Comparison = {
    reference: 'quota', alternatives: ['stock', 'other'],
    entries: [{ alternative: 'stock', metric: 'm', meanA: 1, meanB: 2, meanDifference: 1, ciLow: 0, ciHigh: 2, pBetter: 1, pWorse: 0, n: 3, unit: 't', direction: 'higher' }],
    costEffectiveness: new Map([['stock', new Map([['ndpr', {
      extraCostUsd: interval, consumptionGainedTonnes: interval, usdPerTonneConsumptionGained: interval, shortfallAvoidedTonnes: interval,
      usdPerTonneShortfallAvoided: interval, extraNetCostUsd: interval, netUsdPerTonneConsumptionGained: interval, netUsdPerTonneShortfallAvoided: interval,
      usdPerTonneConsumptionGainedAgainst: new Map([['other', interval]]),
    }]])]]),
  };

  it('renames every label of the comparison, leaving unknown ones and the figures as they are', () => {
    const out = retitleComparison(comparison, names);
    expect(out.reference).toBe('Export quota');
    expect(out.alternatives).toEqual(['60-day stockpile', 'other']);
    expect(out.entries[0]).toEqual({ ...comparison.entries[0], alternative: '60-day stockpile' });
    expect([...out.costEffectiveness.keys()]).toEqual(['60-day stockpile']);
    expect(out.costEffectiveness.get('60-day stockpile')?.get('ndpr')?.usdPerTonneConsumptionGainedAgainst.get('other')).toBe(interval);
    expect(out.reversalSplit).toBeUndefined();
    expect(comparison.reference).toBe('quota');
  });

  it('renames over-time series and the strategies, which keep their file labels', () => {
    const series = [{ strategy: 'stock', material: 'ndpr' }, { strategy: 'x', material: 'dy' }] as OverTimeSeriesData[];
    expect(retitleOverTime(series, names)?.map((s) => s.strategy)).toEqual(['60-day stockpile', 'x']);
    expect(retitleOverTime(undefined, names)).toBeUndefined();
    const out = retitleStrategies(strategies(['quota', 'Export quota'], ['stock', '60-day stockpile']), names);
    expect([out.reference, ...out.alternatives].map((s) => [s.label, s.file])).toEqual([['Export quota', 'quota'], ['60-day stockpile', 'stock']]);
  });
});
