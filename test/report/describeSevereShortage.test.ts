import { describe, expect, it } from 'vitest';
import { describeSevereShortage } from '../../src/report/describeSevereShortage.ts';
import type { ExceedanceReading } from '../../src/report/readExceedance.ts';

const row = (over: Partial<ExceedanceReading>): ExceedanceReading => ({
  metric: 'longestSevereShortfallWeeks', material: 'ndpr', stage: 'endUse', region: 'US', threshold: 8, probability: 0.03, ciLow: 0.0103, ciHigh: 0.0846, n: 100, ...over,
});

describe('describeSevereShortage', () => {
  it('says the chance of a severe, lasting shortage with its interval and count', () => {
    expect(describeSevereShortage([row({ region: 'CN' }), row({})], 'ndpr', 'US', 'the United States', 'NdPr oxide')).toBe(
      'The chance that end users in the United States go without more than 10% of their NdPr oxide demand for more than 8 weeks in a row: 3% (95% CI 1% to 8%; 3 of 100 runs).');
  });
  it('says nothing without the row (older folders, other materials or regions, other metrics)', () => {
    expect(describeSevereShortage([], 'ndpr', 'US', 'the United States', 'NdPr oxide')).toBeUndefined();
    expect(describeSevereShortage([row({ material: 'dy' })], 'ndpr', 'US', 'x', 'y')).toBeUndefined();
    expect(describeSevereShortage([row({ metric: 'peakPriceMultiple' })], 'ndpr', 'US', 'x', 'y')).toBeUndefined();
  });
  it('writes one week in the singular', () => {
    expect(describeSevereShortage([row({ threshold: 1 })], 'ndpr', 'US', 'x', 'y')).toContain('for more than 1 week in a row');
  });
});
