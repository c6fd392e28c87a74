import { describe, expect, it } from 'vitest';
import { chooseMassUnit } from '../../src/report/chooseMassUnit.ts';
import { describeMetricId } from '../../src/report/describeMetricId.ts';
import { formatMoney } from '../../src/report/formatMoney.ts';
import { formatNumber } from '../../src/report/formatNumber.ts';
import { countRuns } from '../../src/report/countRuns.ts';
import { formatPercent } from '../../src/report/formatPercent.ts';
import { formatQuantity, formatSignedQuantity } from '../../src/report/formatQuantity.ts';
import { formatPairedImpact } from '../../src/report/formatPairedImpact.ts';
import { formatTonnes } from '../../src/report/formatTonnes.ts';
import { replaceEventIds } from '../../src/report/replaceEventIds.ts';
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
    expect([formatPercent(0.0067), formatPercent(0.0099), formatPercent(0.01), formatPercent(0)]).toEqual(['<1%', '<1%', '1%', '0%']);
    expect([countRuns(1), countRuns(8), countRuns(1, 'pair'), countRuns(10_000)]).toEqual(['1 run', '8 runs', '1 pair', '10,000 runs']);
    expect(formatQuantity(-35e6, 'USD')).toBe('USD −35 million');
    expect(formatQuantity(0.056, 'share')).toBe('5.6 percentage points');
    expect(formatQuantity(-2.8, 'weeks')).toBe('−2.8 weeks');
    expect([formatQuantity(1, 'weeks'), formatQuantity(-1, 'weeks'), formatQuantity(0, 'weeks')]).toEqual(['1 week', '−1 week', '0 weeks']);
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

  it('writes small masses in kg, signs changes and never prints a zero-width interval', () => {
    expect([formatTonnes(14.6), formatTonnes(0.0286), formatTonnes(-0.0005), formatTonnes(0)]).toEqual(['14.6 t', '28.6 kg', '-500 g', '0 t']);
    expect([formatTonnes(0.748, 't'), formatTonnes(14.6, 'kg'), formatTonnes(NaN, 'kg')]).toEqual(['0.748 t', '14,600 kg', 'n/a']);
    expect([chooseMassUnit([7.65, 0.748]), chooseMassUnit([0.0415, 0]), chooseMassUnit([-0.0005]), chooseMassUnit([0, NaN]), chooseMassUnit([])]).toEqual(['t', 'kg', 'g', 't', 't']);
    expect([formatSignedQuantity(1, 'weeks'), formatSignedQuantity(-0.0286, 't'), formatSignedQuantity(0, 't')]).toEqual(['+1 week', '−28.6 kg', '0 t']);
    const paired = { unit: 't', n: 30, meanWith: 5, meanWithout: 1, mean: 4, ciLow: 3, ciHigh: 5 };
    expect(formatPairedImpact(paired)).toBe('+4.00 t (95% CI +3.00 t to +5.00 t)');
    // Rounded alike, in one scale: not "+USD 180 million (95% CI −USD 900 million to +USD 1.26 billion)".
    expect(formatPairedImpact({ ...paired, unit: 'USD', mean: 1.8e8, ciLow: -9e8, ciHigh: 1.26e9 })).toBe('+USD 0.2 billion (95% CI −USD 0.9 billion to +USD 1.3 billion)');
    expect(formatPairedImpact({ ...paired, unit: 'x base', mean: 1.29, ciLow: 1.09, ciHigh: 1.49 })).toBe('+1.29× the starting price (95% CI +1.09× to +1.49×)');
    // Multiples: mean and bounds rounded alike, as the answer box rounds them (+1.08, not +1.080 beside +0.904).
    expect(formatPairedImpact({ ...paired, unit: 'x base', mean: 0.904, ciLow: 0.728, ciHigh: 1.08 })).toBe('+0.904× the starting price (95% CI +0.728× to +1.080×)');
    expect(formatPairedImpact({ ...paired, unit: 'x base', mean: -0.4, ciLow: -0.5, ciHigh: -0.3 })).toBe('−0.400× the starting price (95% CI −0.500× to −0.300×)');
    expect(formatPairedImpact({ ...paired, ciLow: 4, ciHigh: 4 })).toBe('+4.00 t (the same in every run)');
    expect(formatPairedImpact({ ...paired, mean: 0, ciLow: 0, ciHigh: 0 })).toBe('no change in any run');
  });

  it('replaces whole-word event ids by their descriptions', () => {
    const text = replaceEventIds('as cnQuotaNdpr; see cnQuotaNdprMagnets', ['cnQuotaNdpr', 'cnQuotaNdprMagnets'], (id) => id.toUpperCase());
    expect(text).toBe('as “CNQUOTANDPR”; see “CNQUOTANDPRMAGNETS”');
  });

  it('replaces an id only where the text refers to it (as, see, cf.), never as a bare word, in one pass', () => {
    const describe = (id: string) => `event ${id}`;
    expect(replaceEventIds('45000 t REO (2011); depth As t', ['t'], describe)).toBe('45000 t REO (2011); depth As “event t”');
    expect(replaceEventIds('graphite export licensing, 2023; see\nlicensing', ['licensing'], describe)).toBe('graphite export licensing, 2023; see\n“event licensing”');
    expect(replaceEventIds('cf. quota2, not quota2', ['quota2'], describe)).toBe('cf. “event quota2”, not quota2');
    // A description put in is not rewritten, and ids are case-sensitive.
    expect(replaceEventIds('as t', ['t'], () => 'tariff as t')).toBe('as “tariff as t”');
    expect(replaceEventIds('as T', ['t'], describe)).toBe('as T');
  });
});
