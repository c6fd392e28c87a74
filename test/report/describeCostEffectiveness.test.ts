import { describe, expect, it } from 'vitest';
import { describeCostEffectiveness } from '../../src/report/describeCostEffectiveness.ts';
import type { Interval, MaterialCostEffectiveness } from '../../src/report/readComparisonJson.ts';

const iv = (value: number, ciLow: number, ciHigh: number): Interval => ({ value, ciLow, ciHigh });
const none = iv(NaN, NaN, NaN);
/** As comparison.json of the 60-day oxide stockpile: gross clearly priced, net 7.14 USD/kg with a CI reaching below zero. */
const ndpr = (net: Interval): MaterialCostEffectiveness => ({
  extraCostUsd: iv(95e6, 86e6, 104e6), consumptionGainedTonnes: iv(333, 159, 508), usdPerTonneConsumptionGained: iv(285_252, 188_980, 588_431),
  shortfallAvoidedTonnes: iv(-0.72, -0.86, -0.59), usdPerTonneShortfallAvoided: none,
  extraNetCostUsd: iv(2.38e6, -0.1e6, 4.86e6), netUsdPerTonneConsumptionGained: net, netUsdPerTonneShortfallAvoided: none,
});
const text = (net: Interval): string => describeCostEffectiveness(new Map([['ndpr', ndpr(net)]]), ['ndpr'], () => 'NdPr oxide', 'United States');

describe('describeCostEffectiveness', () => {
  it('shows the net cost per kg the command line quotes, with its CI and a note that the interval includes zero', () => {
    const html = text(iv(7142.39, -310.83, 19821.73));
    expect(html).toContain('USD 285/kg (95% CI USD 189 to USD 588/kg) of spending, USD 7.14/kg (95% CI −USD 0.311 to USD 19.8/kg) net.');
    expect(html).toContain('The net figure’s interval includes zero');
    expect(html).toContain('The spending figure’s interval is wide (its ends a factor of 3.1 apart)');
  });

  it('calls a negative net cost (no net ratio) a net gain from sales above base prices, and only a zero one "no net cost"', () => {
    const priced = (extraNetCostUsd: number): string => describeCostEffectiveness(new Map([['ndpr', { ...ndpr(none), extraNetCostUsd: iv(extraNetCostUsd, extraNetCostUsd, extraNetCostUsd) }]]), ['ndpr'], () => 'NdPr oxide', 'United States');
    expect(priced(-88e6)).toContain('of spending, at a net gain.');
    expect(priced(-88e6)).toContain('The net gain is the margin of stockpile sales above base prices, not a free stockpile.');
    expect(priced(-88e6)).not.toContain('no net cost');
    expect(priced(0)).toContain('at no net cost.');
  });

  it('says when the interval has no bound, and prices nothing when the gain is not clear', () => {
    expect(text(iv(7142.39, NaN, NaN))).toContain('USD 7.14/kg (no bounded 95% CI) net. The spending figure’s interval is wide (its ends a factor of 3.1 apart): more runs would narrow it. The net figure has no upper bound');
    const unclear = { ...ndpr(none), consumptionGainedTonnes: iv(10, -5, 25) };
    expect(describeCostEffectiveness(new Map([['ndpr', unclear]]), ['ndpr'], () => 'NdPr oxide', 'United States')).toBe('');
  });
});
