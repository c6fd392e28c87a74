import { describe, expect, it } from 'vitest';
import { describeCostEffectiveness } from '../../src/report/describeCostEffectiveness.ts';
import type { Interval, MaterialCostEffectiveness } from '../../src/report/readComparisonJson.ts';

const iv = (value: number, ciLow: number, ciHigh: number): Interval => ({ value, ciLow, ciHigh });
const none = iv(NaN, NaN, NaN);
/** As comparison.json of the 60-day oxide stockpile: gross clearly priced, net 7.14 USD/kg with a CI reaching below zero. */
const ndpr = (net: Interval): MaterialCostEffectiveness => ({
  extraCostUsd: iv(95e6, 86e6, 104e6), consumptionGainedTonnes: iv(333, 159, 508), usdPerTonneConsumptionGained: iv(285_252, 188_980, 588_431),
  shortfallAvoidedTonnes: iv(-0.72, -0.86, -0.59), usdPerTonneShortfallAvoided: none,
  extraNetCostUsd: iv(2.38e6, -0.1e6, 4.86e6), netUsdPerTonneConsumptionGained: net, netUsdPerTonneShortfallAvoided: none, usdPerTonneConsumptionGainedAgainst: new Map()
});
const text = (net: Interval): string => describeCostEffectiveness(new Map([['ndpr', ndpr(net)]]), ['ndpr'], () => 'NdPr oxide', 'United States');

describe('describeCostEffectiveness', () => {
  it('shows the net cost per kg the command line quotes, with its CI and a note that the interval includes zero', () => {
    const html = text(iv(7142.39, -310.83, 19821.73));
    expect(html).toContain('USD 285/kg (95% CI USD 189 to USD 588/kg) of spending, USD 7/kg (95% CI USD 0 to USD 20/kg) net.');
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

  it('says the net-gain note once a paragraph, however many gains are priced at a net gain (it read four times for the magnet stockpile)', () => {
    const gain = iv(-339e6, -350e6, -329e6);
    const avoided = { shortfallAvoidedTonnes: iv(852, 773, 930), usdPerTonneShortfallAvoided: iv(502_000, 459_000, 553_000) };
    const material = { ...ndpr(none), ...avoided, extraNetCostUsd: gain };
    const html = describeCostEffectiveness(new Map([['ndpr', material], ['dy', material]]), ['ndpr', 'dy'], (id) => (id === 'ndpr' ? 'NdPr oxide' : 'Dysprosium oxide'), 'United States');
    expect(html.match(/at a net gain/g)).toHaveLength(4);
    expect(html.match(/The net gain is the margin of stockpile sales above base prices/g)).toHaveLength(1);
    // Said after the first figure priced at a net gain.
    expect(html).toContain('NdPr oxide: consumption gained for USD 285/kg (95% CI USD 189 to USD 588/kg) of spending, at a net gain. The spending figure’s interval is wide');
    expect(html).toContain('not a free stockpile. Unmet demand avoided for');
  });

  it('writes a wide interval\'s far end to three significant digits, as the answer box does (user audit: "USD 2,370 to USD 22,550/kg")', () => {
    // The oxide stockpile's Dysprosium oxide (comparison.json, 30 runs, seed 1).
    const dy = { ...ndpr(iv(200_445, 111_232, 1_050_377)), extraCostUsd: iv(10.67e6, 10.59e6, 10.74e6), consumptionGainedTonnes: iv(2.49, 0.47, 4.51), usdPerTonneConsumptionGained: iv(4_285_988, 2_372_328, 22_551_998), extraNetCostUsd: iv(0.499e6, 0.479e6, 0.519e6) };
    const html = describeCostEffectiveness(new Map([['dy', dy]]), ['dy'], () => 'Dysprosium oxide', 'United States');
    expect(html).toContain('Dysprosium oxide: consumption gained for USD 4,290/kg (95% CI USD 2,370 to USD 22,600/kg) of spending, USD 200/kg (95% CI USD 111 to USD 1,050/kg) net.');
  });

  it('says when the interval has no bound, and prices nothing when the gain is not clear', () => {
    expect(text(iv(7142.39, NaN, NaN))).toContain('USD 7.14/kg (no bounded 95% CI) net. The spending figure’s interval is wide (its ends a factor of 3.1 apart): more runs would narrow it. The net figure has no upper bound');
    const unclear = { ...ndpr(none), consumptionGainedTonnes: iv(10, -5, 25) };
    expect(describeCostEffectiveness(new Map([['ndpr', unclear]]), ['ndpr'], () => 'NdPr oxide', 'United States')).toBe('');
  });
});

describe('describeCostEffectiveness: spill-overs', () => {
  /** As comparison.json of friend-shoring against a graphite threat: 3.4 kg more gallium (of 104 t), priced at millions of USD per kg. */
  const gallium: MaterialCostEffectiveness = {
    extraCostUsd: iv(22e6, 20.9e6, 23.1e6), consumptionGainedTonnes: iv(0.0034, 0.00064, 0.0062), usdPerTonneConsumptionGained: iv(6.47e9, 3.5e9, 3.5e10),
    shortfallAvoidedTonnes: iv(0, 0, 0), usdPerTonneShortfallAvoided: none, extraNetCostUsd: iv(22e6, 20.9e6, 23.1e6), netUsdPerTonneConsumptionGained: iv(6.47e9, 3.5e9, 3.5e10), netUsdPerTonneShortfallAvoided: none, usdPerTonneConsumptionGainedAgainst: new Map()
  };
  const describe = (named: string[], consumption: number): string => describeCostEffectiveness(new Map([['gallium', gallium]]), ['gallium'], () => 'Gallium', 'United States', { named, consumption: () => consumption });

  it('gives no cost per kg for a gain below 0.1% of consumption of a material the strategy does not name, and says why', () => {
    const html = describe([], 104);
    expect(html).not.toContain('/kg');
    expect(html).toContain('not priced per kg: Gallium (3.4 kg more, 0.0033% of its consumption). A gain below 0.1% of the reference’s consumption, in a material the alternative’s own events do not name, is a spill-over');
  });

  it('prices the same gain when the strategy names the material, or when it is a material share of consumption', () => {
    expect(describe(['gallium'], 104)).toContain('Gallium: consumption gained for USD 6.47 million/kg');
    expect(describe([], 1)).toContain('Gallium: consumption gained for USD 6.47 million/kg');
  });

  it('says a gain that costs nothing extra is had with no extra spending in the model, which is not free, and one that spends less at less spending', () => {
    const free = { ...gallium, extraCostUsd: iv(0, 0, 0), extraNetCostUsd: iv(0, 0, 0), usdPerTonneConsumptionGained: none, netUsdPerTonneConsumptionGained: none };
    const html = describeCostEffectiveness(new Map([['gallium', free]]), ['gallium'], () => 'Gallium', 'United States', { named: ['gallium'], consumption: () => 104 });
    expect(html).toContain('Gallium: consumption gained with no extra spending in the model. A policy without costUsdPerYear is unpriced, not free.');
    const cheaper = { ...free, extraCostUsd: iv(-5e6, -6e6, -4e6), extraNetCostUsd: iv(-5e6, -6e6, -4e6) };
    expect(describeCostEffectiveness(new Map([['gallium', cheaper]]), ['gallium'], () => 'Gallium', 'United States', { named: ['gallium'], consumption: () => 104 }))
      .toContain('Gallium: consumption gained at less spending, at a net gain.');
    expect(html).not.toContain('for at');
    // A spill-over of a strategy that spends nothing extra is left unsaid.
    expect(describeCostEffectiveness(new Map([['gallium', free]]), ['gallium'], () => 'Gallium', 'United States', { named: [], consumption: () => 104 })).toBe('');
  });
});
