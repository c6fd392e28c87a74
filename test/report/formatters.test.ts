import { describe, expect, it } from 'vitest';
import { describeMetricId } from '../../src/report/describeMetricId.ts';
import { formatMoney } from '../../src/report/formatMoney.ts';
import { formatNumber } from '../../src/report/formatNumber.ts';
import { formatPercent } from '../../src/report/formatPercent.ts';
import { formatQuantity } from '../../src/report/formatQuantity.ts';
import { formatRange } from '../../src/report/formatRange.ts';
import { formatScenarioDate } from '../../src/report/formatScenarioDate.ts';
import { formatWeeks } from '../../src/report/formatWeeks.ts';

describe('formatters for people', () => {
  it('rounds to three significant digits with separators and no exponent', () => {
    expect(formatNumber(12345.6)).toBe('12,300');
    expect(formatNumber(0.045678)).toBe('0.0457');
    expect(formatNumber(NaN)).toBe('n/a');
    expect(formatWeeks(45.4)).toBe('45');
    expect(formatWeeks(5.55)).toBe('5.6');
  });

  it('names money, shares, multiples and dates in words', () => {
    expect(formatMoney(5_053_766_074)).toBe('USD 5.05 billion');
    expect(formatMoney(12_300_000)).toBe('USD 12.3 million');
    expect(formatPercent(0.9399)).toBe('94%');
    expect(formatPercent(0.001)).toBe('<1%');
    expect(formatQuantity(-35e6, 'USD')).toBe('USD −35 million');
    expect(formatQuantity(0.056, 'share')).toBe('5.6 percentage points');
    expect(formatQuantity(-2.8, 'weeks')).toBe('−2.8 weeks');
    expect(formatScenarioDate(2025, 0.75)).toBe('Oct 2025');
    expect(formatScenarioDate(2025, 2.5)).toBe('Jul 2027');
  });

  it('writes intervals with a dash only between non-negative ends, cut at a floor when asked', () => {
    expect(formatRange(15.6, 21.1)).toBe('15.6–21.1');
    expect(formatRange(-3.92, -1.68)).toBe('−3.92 to −1.68');
    expect(formatRange(-10.7, 49, 0)).toBe('0–49');
  });

  it('turns metric ids into words', () => {
    expect(describeMetricId('shortfallWeeks.ndpr.endUse.US', (m) => (m === 'ndpr' ? 'NdPr oxide' : m))).toBe('Weeks short · NdPr oxide · end use · US');
    expect(describeMetricId('policyCost.US')).toBe('Policy cost · US');
  });
});
