import { describe, expect, it } from 'vitest';
import { describeParameter, formatParameterValue } from '../../src/report/describeParameter.ts';
import { describePairedShare } from '../../src/report/describePairedShare.ts';
import { formatDifference, formatDifferenceRange } from '../../src/report/formatDifference.ts';
import { pickHeadlineMetrics } from '../../src/report/pickHeadlineMetrics.ts';
import type { ComparisonEntry } from '../../src/report/readComparisonJson.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';

const entry = (metric: string, pBetter: number, pWorse: number, direction: ComparisonEntry['direction'] = 'lower'): ComparisonEntry => ({
  alternative: 'b', metric, meanA: 1, meanB: 2, meanDifference: 1, ciLow: 0.5, ciHigh: 1.5, pBetter, pWorse, n: 20, unit: 't', direction,
});

describe('formatDifference', () => {
  it('always signs a non-zero difference, below 1 too, and writes the unit of an interval once', () => {
    expect(formatDifference(1.75, 't')).toBe('+1.75 t');
    expect(formatDifference(-0.45, 'x base')).toBe('−0.450× the starting price');
    expect(formatDifference(0.32, 'x home demand')).toBe('+0.320× home demand');
    expect(formatDifference(0.00818, 't')).toBe('+8.18 kg');
    expect(formatDifference(0, 'weeks')).toBe('0 weeks');
    expect(formatDifference(1.17e8, 'USD')).toBe('+USD 117 million');
    expect(formatDifferenceRange(1.08, 2.42, 't')).toBe('+1.08 to +2.42 t');
    expect(formatDifferenceRange(-0.469, -0.431, 'x base')).toBe('−0.469 to −0.431× the starting price');
  });
});

describe('describePairedShare', () => {
  it('says "same in every run" when every pair ties, and splits better, worse and same otherwise', () => {
    expect(describePairedShare(entry('shortfallWeeks.dy.endUse.US', 0, 0))).toBe('same in every run');
    expect(describePairedShare(entry('shortfallWeeks.ndpr.endUse.US', 0, 0.05))).toBe('worse in 5% of runs, same in 95%');
    expect(describePairedShare(entry('cumulativeShortfall.ndpr.endUse.US', 0.3, 0.7))).toBe('better in 30% of runs, worse in 70%');
  });

  it('words spending neutrally: higher or lower, never better or worse', () => {
    const text = describePairedShare(entry('policyCost.US', 0, 1));
    expect(text).toBe('higher in 100% of runs');
    expect(text).not.toMatch(/better|worse/);
  });
});

describe('describeParameter and formatParameterValue', () => {
  it('turns scenario paths into words and values into their units', () => {
    expect(describeParameter('materials.ndpr.demand.growthPerYear', (id) => (id === 'ndpr' ? 'NdPr oxide' : id))).toBe('NdPr oxide: demand growth per year');
    expect(describeParameter('events.cnQuotaNdpr.duration')).toBe('cnQuotaNdpr: duration');
    expect(formatParameterValue('materials.ndpr.demand.growthPerYear', 0.0495)).toBe('4.95%/yr');
    expect(formatParameterValue('materials.ndpr.demand.maxThrift', 0.193)).toBe('19.3%');
    expect(formatParameterValue('materials.ndpr.demand.elasticityShortRun', -0.265)).toBe('−0.265');
    expect(formatParameterValue('events.x.duration', '12 months')).toBe('12 months');
  });

  it('writes a value with its unit as people read it: spaced, dates as dates, quantities with their unit', () => {
    expect(formatParameterValue('events.s.targetDays', '30days')).toBe('30 days');
    expect(formatParameterValue('events.s.targetDays', 30)).toBe('30 days');
    expect(formatParameterValue('events.s.targetDays', 1)).toBe('1 day');
    expect(formatParameterValue('events.q.end', 2, 2025)).toBe('Jan 2027');
    expect(formatParameterValue('events.q.end', 2.05)).toBe('2.05 years after the start');
    expect(formatParameterValue('events.q.duration', 1.5)).toBe('1.5 years');
    expect(formatParameterValue('events.s.budgetUsd', 5e8)).toBe('USD 500 million');
    expect(formatParameterValue('materials.ndpr.mining.capacityByRegion.US', 20000)).toBe('20,000 t/yr');
    expect(formatParameterValue('events.q.quotaShare', 0.41)).toBe('41%');
    expect(describeParameter('events.s.budgetUsd')).toBe('s: budget USD');
  });
});

describe('pickHeadlineMetrics', () => {
  it('takes the materials a threat event targets, in scenario order, at the stage it hits, then the policy cost', () => {
    const event = (id: string, kind: string, material: string, stage: string) => ({ id, kind, start: 1, end: 2, announced: NaN, fields: { kind, material, stage } });
    const overview = {
      homeRegion: 'US', materials: [{ id: 'ndpr' }, { id: 'dy' }, { id: 'lithium' }],
      events: [event('q1', 'exportControl', 'dy', 'manufacturing'), event('q2', 'exportControl', 'ndpr', 'processing'), event('s', 'stockpile', 'lithium', '')],
    } as unknown as ScenarioOverview;
    const ids = ['ndpr', 'dy', 'lithium'].flatMap((m) => [`shortfallWeeks.${m}.endUse.US`, `cumulativeShortfall.${m}.endUse.US`, `cumulativeConsumption.${m}.endUse.US`,
      ...['processing', 'manufacturing'].map((s) => `peakPriceMultiple.${m}.${s}.US`)]);
    expect(pickHeadlineMetrics(overview, new Set([...ids, 'policyCost.US'])).map((m) => m.id)).toEqual([
      'shortfallWeeks.ndpr.endUse.US', 'cumulativeShortfall.ndpr.endUse.US', 'cumulativeConsumption.ndpr.endUse.US', 'peakPriceMultiple.ndpr.processing.US',
      'shortfallWeeks.dy.endUse.US', 'cumulativeShortfall.dy.endUse.US', 'cumulativeConsumption.dy.endUse.US', 'peakPriceMultiple.dy.manufacturing.US', 'policyCost.US',
    ]);
  });

  it('takes the alternatives\' threats when the reference has none (a baseline compared with a threat scenario)', () => {
    const overview = { homeRegion: 'US', materials: [{ id: 'ndpr' }, { id: 'graphite' }], events: [] } as unknown as ScenarioOverview;
    const war = { id: 'w', kind: 'priceManipulation', start: 1, end: 2, announced: NaN, fields: { kind: 'priceManipulation', material: 'graphite', stage: 'processing' } };
    const ids = ['ndpr', 'graphite'].flatMap((m) => [`shortfallWeeks.${m}.endUse.US`, `cumulativeConsumption.${m}.endUse.US`, `peakPriceMultiple.${m}.processing.US`]);
    expect(pickHeadlineMetrics(overview, new Set(ids)).map((m) => m.id)).toEqual(['shortfallWeeks.ndpr.endUse.US', 'cumulativeConsumption.ndpr.endUse.US', 'peakPriceMultiple.ndpr.processing.US']);
    expect(pickHeadlineMetrics(overview, new Set(ids), [war]).map((m) => m.id)).toEqual(['shortfallWeeks.graphite.endUse.US', 'cumulativeConsumption.graphite.endUse.US', 'peakPriceMultiple.graphite.processing.US']);
  });

  it('with policy stages (comparisons): the price a tariff taxes, and home and allied capacity where the threat hits and the policies act', () => {
    const event = (id: string, kind: string, material: string, stage: string) => ({ id, kind, start: 1, end: 2, announced: NaN, fields: { kind, material, stage } });
    const overview = { homeRegion: 'US', materials: [{ id: 'ndpr' }], events: [event('q', 'exportControl', 'ndpr', 'processing')] } as unknown as ScenarioOverview;
    const tariff = event('t', 'tariff', 'ndpr', 'manufacturing');
    const subsidy = event('s', 'subsidy', 'ndpr', 'mining');
    const ids = ['cumulativeConsumption.ndpr.endUse.US', 'peakPriceMultiple.ndpr.processing.US', 'peakPriceMultiple.ndpr.manufacturing.US',
      ...['mining', 'processing', 'manufacturing', 'recycling'].map((stage) => `finalSecureSupplyShare.ndpr.${stage}`), 'policyCost.US', 'tariffRevenue.US'];
    expect(pickHeadlineMetrics(overview, new Set(ids), [tariff, subsidy], { policyStages: true }).map((m) => m.id)).toEqual([
      'cumulativeConsumption.ndpr.endUse.US', 'peakPriceMultiple.ndpr.processing.US', 'peakPriceMultiple.ndpr.manufacturing.US',
      'finalSecureSupplyShare.ndpr.mining', 'finalSecureSupplyShare.ndpr.processing', 'finalSecureSupplyShare.ndpr.manufacturing', 'policyCost.US', 'tariffRevenue.US',
    ]);
    // A stockpile held as magnets bites at the magnet price: it heads the table too (no capacity: a stockpile builds none).
    const magnets = event('m', 'stockpile', 'ndpr', 'manufacturing');
    expect(pickHeadlineMetrics(overview, new Set(ids), [magnets], { policyStages: true }).map((m) => m.id)).toEqual([
      'cumulativeConsumption.ndpr.endUse.US', 'peakPriceMultiple.ndpr.processing.US', 'peakPriceMultiple.ndpr.manufacturing.US', 'finalSecureSupplyShare.ndpr.processing', 'policyCost.US',
    ]);
    // Without the option (sweeps), as before: the threat's price only.
    expect(pickHeadlineMetrics(overview, new Set(ids), [tariff, subsidy]).map((m) => m.id)).toEqual(['cumulativeConsumption.ndpr.endUse.US', 'peakPriceMultiple.ndpr.processing.US', 'policyCost.US']);
  });
});
