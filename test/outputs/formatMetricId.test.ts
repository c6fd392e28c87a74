import { describe, expect, it } from 'vitest';
import { formatMetricId } from '../../src/outputs/formatMetricId.ts';

describe('formatMetricId', () => {
  it('joins the metric and its non-empty dimensions with dots', () => {
    expect(formatMetricId({ metric: 'peakPriceMultiple', material: 'ndpr', stage: 'processing', region: 'US', unit: 'x' }))
      .toBe('peakPriceMultiple.ndpr.processing.US');
    expect(formatMetricId({ metric: 'shortfall', material: 'ga', stage: '', region: 'EU', unit: 't' })).toBe('shortfall.ga.EU');
    expect(formatMetricId({ metric: 'cost', material: '', stage: '', region: '', unit: 'USD' })).toBe('cost');
  });
});
