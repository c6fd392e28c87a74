import { describe, expect, it } from 'vitest';
import { formatSummaryJson } from '../../src/outputs/formatSummaryJson.ts';
import { summarizeValues } from '../../src/stats/summarizeValues.ts';

const key = { metric: 'peakPriceMultiple', material: 'ndpr', stage: 'processing', region: 'US', unit: 'x' };

describe('formatSummaryJson', () => {
  it('writes metrics by id with unit, n and fixed key order, NaN as null, LF-terminated', () => {
    const text = formatSummaryJson([
      { key, ...summarizeValues([1, 2, 3]) },
      { key: { ...key, metric: 'recoveryWeeks', stage: '', region: '', unit: 'weeks' }, ...summarizeValues([NaN]) },
    ]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toContain('\r');
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed.metrics)).toEqual(['peakPriceMultiple.ndpr.processing.US', 'recoveryWeeks.ndpr']);
    const peak = parsed.metrics['peakPriceMultiple.ndpr.processing.US'];
    expect(Object.keys(peak)).toEqual([
      'unit', 'n', 'mean', 'ciLow', 'ciHigh', 'p5', 'p25', 'p50', 'p75', 'p95', 'min', 'max', 'metric', 'material', 'stage', 'region',
      'p5CiLow', 'p5CiHigh', 'p50CiLow', 'p50CiHigh', 'p95CiLow', 'p95CiHigh',
    ]);
    expect(peak).toMatchObject({ unit: 'x', n: 3, mean: 2, p50: 2, min: 1, max: 3 });
    // Three runs bound no percentile at 95%: every bound is null.
    expect([peak.p5CiLow, peak.p50CiLow, peak.p50CiHigh, peak.p95CiHigh]).toEqual([null, null, null, null]);
    expect(parsed.metrics['recoveryWeeks.ndpr']).toMatchObject({ n: 0, mean: null, max: null });
  });
  it('states each metric\'s key parts, a part that does not apply as null (as the CSVs load it), never ""', () => {
    const cost = { metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' };
    const share = { metric: 'finalSecureSupplyShare', material: 'ndpr', stage: 'mining', region: '', unit: 'x home demand' };
    const text = formatSummaryJson([{ key, ...summarizeValues([1]) }, { key: cost, ...summarizeValues([2]) }, { key: share, ...summarizeValues([3]) }]);
    expect(text).not.toContain('""');
    const { metrics } = JSON.parse(text);
    expect(metrics['peakPriceMultiple.ndpr.processing.US']).toMatchObject({ metric: 'peakPriceMultiple', material: 'ndpr', stage: 'processing', region: 'US' });
    expect(metrics['policyCost.US']).toMatchObject({ metric: 'policyCost', material: null, stage: null, region: 'US' });
    expect(metrics['finalSecureSupplyShare.ndpr.mining']).toMatchObject({ metric: 'finalSecureSupplyShare', material: 'ndpr', stage: 'mining', region: null });
  });
  it('writes the exceedance key parts that do not apply as null, never ""', () => {
    const cost = { metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' };
    const exceedance = [
      { key: cost, threshold: 1e6, probability: 0.5, ciLow: 0.1, ciHigh: 0.9, n: 2 },
      { key, threshold: 2, probability: 0, ciLow: 0, ciHigh: 0.8, n: 2 },
    ];
    const text = formatSummaryJson([{ key: cost, ...summarizeValues([1, 2e6]) }, { key, ...summarizeValues([1, 1]) }], exceedance);
    expect(text).not.toContain('""');
    const rows = JSON.parse(text).exceedance;
    expect(rows[0]).toEqual({ metric: 'policyCost', material: null, stage: null, region: 'US', unit: 'USD', threshold: 1e6, probability: 0.5, ciLow: 0.1, ciHigh: 0.9, n: 2 });
    expect(rows[1]).toMatchObject({ metric: 'peakPriceMultiple', material: 'ndpr', stage: 'processing', region: 'US' });
  });
  it('rejects duplicate ids', () => {
    const statistic = { key, ...summarizeValues([1]) };
    expect(() => formatSummaryJson([statistic, statistic])).toThrow(/duplicate metric id/);
  });
});
