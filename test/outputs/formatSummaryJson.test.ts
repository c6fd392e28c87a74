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
    expect(Object.keys(peak)).toEqual(['unit', 'n', 'mean', 'ciLow', 'ciHigh', 'p5', 'p25', 'p50', 'p75', 'p95', 'min', 'max']);
    expect(peak).toMatchObject({ unit: 'x', n: 3, mean: 2, p50: 2, min: 1, max: 3 });
    expect(parsed.metrics['recoveryWeeks.ndpr']).toMatchObject({ n: 0, mean: null, max: null });
  });
  it('rejects duplicate ids', () => {
    const statistic = { key, ...summarizeValues([1]) };
    expect(() => formatSummaryJson([statistic, statistic])).toThrow(/duplicate metric id/);
  });
});
