import { describe, expect, it } from 'vitest';
import type { Comparison, ComparisonEntry, Interval, MaterialCostEffectiveness } from '../../src/report/readComparisonJson.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import type { GainSplit } from '../../src/report/splitGainByWindow.ts';
import { renderCompareAnswerBox } from '../../src/report/renderCompareAnswerBox.ts';

const iv = (value: number, ciLow: number, ciHigh: number): Interval => ({ value, ciLow, ciHigh });
const none = iv(NaN, NaN, NaN);
type Event = ScenarioOverview['events'][number];
const event = (id: string, kind: string, material?: string, extra: Record<string, unknown> = {}): Event => ({ id, kind, start: 0, end: 2, announced: NaN, fields: { kind, ...(material === undefined ? {} : { material }), ...extra } });
const overview = (events: Event[]): ScenarioOverview => ({
  name: 'x', description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }], materials: [] as unknown as ScenarioOverview['materials'], events, threat: [], document: {},
});
const entry = (alternative: string, metric: string, meanA: number, difference: number, half: number, unit = 't'): ComparisonEntry => ({
  alternative, metric, meanA, meanB: meanA + difference, meanDifference: difference, ciLow: difference - half, ciHigh: difference + half, pBetter: NaN, pWorse: NaN, n: 30, unit, direction: unit === 't' ? 'higher' : '',
});
const priced = (usdPerTonne: Interval): MaterialCostEffectiveness => ({
  extraCostUsd: iv(3e8, 2.8e8, 3.2e8), consumptionGainedTonnes: iv(4, 3.8, 4.2), usdPerTonneConsumptionGained: usdPerTonne,
  shortfallAvoidedTonnes: none, usdPerTonneShortfallAvoided: none, extraNetCostUsd: iv(3e8, 2.8e8, 3.2e8), netUsdPerTonneConsumptionGained: none, netUsdPerTonneShortfallAvoided: none, usdPerTonneConsumptionGainedAgainst: new Map()
});
const threat = [event('ban', 'exportControl', 'germanium'), event('banGa', 'exportControl', 'gallium')];
const strategies = {
  reference: { label: 'threat', overview: overview(threat) },
  alternatives: [
    { label: 'recycling', overview: overview([...threat, event('mandate', 'recyclingMandate', 'germanium', { costUsdPerYear: 3e7 })]) },
    { label: 'friends', overview: overview([...threat, event('fs', 'friendShoring', undefined, { costUsdPerYear: 1e7 })]) },
    { label: 'stockpile', overview: overview([...threat, event('pile', 'stockpile', 'germanium')]) },
  ],
};
const name = (id: string): string => ({ germanium: 'Germanium', gallium: 'Gallium' })[id] ?? id;
const text = (comparison: Comparison): string => renderCompareAnswerBox(comparison, strategies, name).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('renderCompareAnswerBox', () => {
  const entries = [
    entry('recycling', 'policyCost.US', 0, 3.14e8, 0.3e8, 'USD'), entry('recycling', 'cumulativeConsumption.germanium.endUse.US', 326, 3.89, 0.13),
    entry('friends', 'policyCost.US', 0, 1.42e8, 0.2e8, 'USD'), entry('friends', 'cumulativeConsumption.germanium.endUse.US', 326, -0.286, 0.03),
    entry('friends', 'cumulativeConsumption.gallium.endUse.US', 231, -5, 1),
    entry('stockpile', 'policyCost.US', 0, 2e8, 0.1e8, 'USD'), entry('stockpile', 'cumulativeConsumption.germanium.endUse.US', 326, 3, 0.5),
  ];
  it('gives a saving in savings, and an interval reaching past 0 as "from … more to … less"', () => {
    const cost = (difference: number, half: number) => text({ reference: 'threat', alternatives: ['recycling'], entries: [entry('recycling', 'policyCost.US', 0, difference, half, 'USD')], costEffectiveness: new Map() });
    expect(cost(-5e6, 3e6)).toContain('recycling Cost: It costs USD 5.00 million less (95% CI USD 2.00 million to USD 8.00 million)');
    expect(cost(-1e6, 3e6)).toContain('recycling Cost: It costs USD 1.0 million less (95% CI from USD 2.0 million more to USD 4.0 million less)');
    expect(cost(1e6, 3e6)).toContain('recycling Cost: It costs USD 1.0 million more (95% CI from USD 2.0 million less to USD 4.0 million more)');
  });

  it('says per alternative what it costs, what end users receive of what it targets, and the cost per kg of a clear gain; then which buys a kg cheapest', () => {
    const costEffectiveness = new Map([['recycling', new Map([['germanium', priced(iv(90_000, 80_000, 100_000))]])], ['stockpile', new Map([['germanium', priced(iv(66_000, 60_000, 72_000))]])]]);
    const html = text({ reference: 'threat', alternatives: ['recycling', 'friends', 'stockpile'], entries, costEffectiveness });
    expect(html).toContain('recycling Cost: It costs USD 314 million more (95% CI USD 284 million to USD 344 million). Germanium: End users receive 3.89 t more (95% CI 3.76 t to 4.02 t). USD 90.0 per kg gained on the USD 300 million spent on it (95% CI USD 80.0 to USD 100.0).');
    // A strategy naming no material is read on the threat's materials; a loss under 0.1% is "about the same", a larger one "less".
    expect(html).toContain('friends Clearly worse: Gallium consumption −5.00 t (95% CI −6.00 to −4.00 t). Cost: It costs USD 142 million more (95% CI USD 122 million to USD 162 million). Germanium: End users receive about the same: 0.286 t less (95% CI 0.256 t to 0.316 t), under 0.1% of what they receive. Gallium: End users receive 5.00 t less (95% CI 4.00 t to 6.00 t).');
    // The same mean whose CI reaches beyond 0.1% of 326 t (0.326 t) is not shown to be negligible: a loss.
    const reaching = { reference: 'threat', alternatives: ['recycling', 'friends', 'stockpile'], costEffectiveness, entries: entries.map((e) => (e.alternative === 'friends' && e.metric.includes('germanium') ? { ...e, ciLow: -0.336, ciHigh: -0.236 } : e)) };
    expect(text(reaching)).toContain('Germanium: End users receive 0.286 t less (95% CI 0.236 t to 0.336 t). Gallium');
    expect(html).toContain('Per kg gained: Germanium: “stockpile” has the lowest spending per kg.');
    // Overlapping intervals: the lowest mean is not called clearly cheapest.
    const close = new Map([['recycling', new Map([['germanium', priced(iv(70_000, 60_000, 90_000))]])], ['stockpile', new Map([['germanium', priced(iv(66_000, 60_000, 72_000))]])]]);
    expect(text({ reference: 'threat', alternatives: ['recycling', 'friends', 'stockpile'], entries, costEffectiveness: close })).toContain('“stockpile” has the lowest spending per kg, not clearly below “recycling” (their 95% CIs overlap)');
    // With the paired difference of the two costs per tonne (a newer file): overlapping intervals, yet clearly cheaper run by run; or not.
    const paired = (low: number, high: number) => new Map([['recycling', close.get('recycling') as Map<string, MaterialCostEffectiveness>],
      ['stockpile', new Map([['germanium', { ...priced(iv(66_000, 60_000, 72_000)), usdPerTonneConsumptionGainedAgainst: new Map([['recycling', iv(-4_000, high, low)]]) }]])]]);
    expect(text({ reference: 'threat', alternatives: ['recycling', 'friends', 'stockpile'], entries, costEffectiveness: paired(-1_000, -7_000) }))
      .toContain('“stockpile” has the lowest spending per kg, clearly below “recycling”: USD 4.00 per kg less (95% CI USD 1.00 to USD 7.00, paired run by run)');
    expect(text({ reference: 'threat', alternatives: ['recycling', 'friends', 'stockpile'], entries, costEffectiveness: paired(2_000, -10_000) }))
      .toContain('“stockpile” has the lowest spending per kg, not clearly below “recycling”: USD 4.0 per kg less (95% CI from USD 2.0 more to USD 10.0 less, paired run by run)');
  });

  it('rounds a change in a unit other than t alike with its interval', () => {
    const inWeeks = [entry('recycling', 'policyCost.US', 0, 3.14e8, 0.3e8, 'USD'), entry('recycling', 'cumulativeConsumption.germanium.endUse.US', 326, 4.213, 0.41, 'weeks')];
    expect(text({ reference: 'threat', alternatives: ['recycling'], entries: inWeeks, costEffectiveness: new Map() }))
      .toContain('Germanium: End users receive 4.21 weeks more (95% CI 3.80 weeks to 4.62 weeks).');
    const lessUsd = [inWeeks[0], entry('recycling', 'cumulativeConsumption.germanium.endUse.US', 326, -2.5e6, 1.2e6, 'USD')];
    expect(text({ reference: 'threat', alternatives: ['recycling'], entries: lessUsd, costEffectiveness: new Map() }))
      .toContain('Germanium: End users receive USD 2.50 million less (95% CI USD 1.30 million to USD 3.70 million).');
  });

  it('says when most of a clear gain comes long after the events, from the over-time split', () => {
    const costEffectiveness = new Map([['recycling', new Map([['germanium', priced(iv(90_000, 80_000, 100_000))]])]]);
    const comparison = { reference: 'threat', alternatives: ['recycling'], entries, costEffectiveness };
    const split = (during: number, after: number): GainSplit => ({ before: 0.39, during, after, total: 0.39 + during + after, from: 2026, to: 2028.5, hasBefore: true, hasAfter: true, openEnded: false });
    const late = renderCompareAnswerBox(comparison, strategies, name, (alternative, material) => (alternative === 'recycling' && material === 'germanium' ? split(0.5, 3) : undefined));
    // One clause after the gain's interval, not a second bracket (user audit: "(95% CI …) (…").
    expect(late.replace(/\s+/g, ' ')).toContain('End users receive 3.89 t more (95% CI 3.76 t to 4.02 t): 3.00 t of it after Jun 2028 (no interval in this older folder), long after the events. USD 90.0 per kg');
    expect(late).not.toContain(') (');
    // Half or less after: nothing is added; nor without a split (a folder from before over-time.csv).
    expect(renderCompareAnswerBox(comparison, strategies, name, () => split(2, 1.5))).not.toContain('long after');
    expect(renderCompareAnswerBox(comparison, strategies, name)).not.toContain('long after');
    // With the later part's interval (summed run by run): given when above 0, and no claim when it reaches 0.
    const withCi = (low: number, high: number) => renderCompareAnswerBox(comparison, strategies, name, () => ({ ...split(0.5, 3), afterCi: { low, high } })).replace(/\s+/g, ' ');
    expect(withCi(2.1, 3.9)).toContain('End users receive 3.89 t more (95% CI 3.76 t to 4.02 t): 3.00 t of it after Jun 2028 (95% CI 2.10 t to 3.90 t), long after the events. USD 90.0 per kg');
    expect(withCi(-0.2, 6.2)).not.toContain('long after');
  });

  it('gives a stockpile\'s cost net of the stock it still holds, or its net gain, beside the spending', () => {
    const held = { ...priced(iv(66_000, 60_000, 72_000)), extraNetCostUsd: iv(4e6, 3e6, 5e6), netUsdPerTonneConsumptionGained: iv(1_300, 900, 2_000) };
    const sold = { ...priced(iv(66_000, 60_000, 72_000)), extraNetCostUsd: iv(-9e7, -1e8, -8e7) };
    const only = (pile: MaterialCostEffectiveness) => text({ reference: 'threat', alternatives: ['stockpile'], entries: entries.filter((e) => e.alternative === 'stockpile'), costEffectiveness: new Map([['stockpile', new Map([['germanium', pile]])]]) });
    expect(only(held)).toContain('USD 66.0 per kg gained on the USD 300 million spent on it (95% CI USD 60.0 to USD 72.0). USD 1.30 per kg net of the stock still held and its sales (95% CI USD 0.90 to USD 2.00)');
    expect(only(sold)).toContain('USD 66.0 per kg gained on the USD 300 million spent on it (95% CI USD 60.0 to USD 72.0). A net gain of USD 90.0 million (95% CI USD 80.0 million to USD 100.0 million) once the stock still held and its sales are counted');
    // A net gain whose interval reaches a cost is not claimed as a gain.
    const unclear = { ...priced(iv(66_000, 60_000, 72_000)), extraNetCostUsd: iv(-4.64e6, -10.5e6, 1.2e6) };
    expect(only(unclear)).toContain('A net cost not clearly different from 0 once the stock still held and its sales are counted (USD 4.6 million saved on average, 95% CI −USD 1.2 million to USD 10.5 million; below 0 a cost)');
    expect(only(unclear)).not.toContain('net gain of');
    // Where net equals spending (no stock), nothing is added.
    expect(only(priced(iv(66_000, 60_000, 72_000)))).not.toContain('net of the stock');
  });

  it('says when counting the stock still held puts another alternative first than the spending per kg does', () => {
    const both = entries.filter((e) => e.alternative === 'stockpile' || e.alternative === 'recycling');
    const cheapOxide = { ...priced(iv(66_000, 60_000, 72_000)), extraNetCostUsd: iv(4e6, 3e6, 5e6), netUsdPerTonneConsumptionGained: iv(1_300, 900, 2_000) };
    const sellsIntoSpike = { ...priced(iv(90_000, 80_000, 100_000)), extraNetCostUsd: iv(-1.06e8, -1.2e8, -0.9e8) };
    const html = text({ reference: 'threat', alternatives: ['recycling', 'stockpile'], entries: both,
      costEffectiveness: new Map([['stockpile', new Map([['germanium', cheapOxide]])], ['recycling', new Map([['germanium', sellsIntoSpike]])]]) });
    expect(html).toContain('Germanium: “stockpile” has the lowest spending per kg; counting the stock still held and its sales, “recycling” comes first (a net gain of USD 106 million).');
    // Net figures equal to the spending (no stock): nothing is added.
    const plain = text({ reference: 'threat', alternatives: ['recycling', 'stockpile'], entries: both,
      costEffectiveness: new Map([['stockpile', new Map([['germanium', priced(iv(66_000, 60_000, 72_000))]])], ['recycling', new Map([['germanium', priced(iv(90_000, 80_000, 100_000))]])]]) });
    expect(plain).not.toContain('counting the stock');
  });

  it('names a stockpile held from the start, which no cost counts, and qualifies its lowest spending per kg', () => {
    const germanium = { id: 'germanium', name: 'Germanium', priceUnit: 'USD/kg', basePriceUsdPerTonne: { processing: 1_500_000 }, demandByRegion: { US: 36.5 }, capacityByStage: {} };
    const withMaterials = (o: ScenarioOverview): ScenarioOverview => ({ ...o, materials: [germanium] });
    const held = { ...event('pile', 'stockpile', 'germanium'), fields: { kind: 'stockpile', material: 'germanium', region: 'US', initialDays: 100 } };
    const free = { reference: { label: 'threat', overview: withMaterials(overview(threat)) }, alternatives: [{ label: 'stockpile', overview: withMaterials(overview([...threat, held])) }] };
    const comparison = { reference: 'threat', alternatives: ['stockpile'], entries: entries.filter((e) => e.alternative === 'stockpile'), costEffectiveness: new Map([['stockpile', new Map([['germanium', priced(iv(66_000, 60_000, 72_000))]])]]) };
    const html = renderCompareAnswerBox(comparison, free, name).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(html).toContain('Its stockpiles hold from the start, without buying it (initialDays), 10 t of Germanium as refined material, worth USD 15 million at base prices');
    expect(html).toContain('Germanium: only “stockpile” buys a clear gain (not counting the stock “stockpile” holds from the start).');
    // With the materials' prices known, the spending per kg has its yardstick: the starting refined price.
    expect(html).toContain('USD 66.0 per kg gained on the USD 300 million spent on it (95% CI USD 60.0 to USD 72.0; 0.0440× the starting refined price, USD 1,500 per kg)');
    // Without initial stock, neither.
    expect(text(comparison)).not.toContain('from the start');
  });

  it('says when no strategy buys a clear gain, and nothing for a file stated the other way round', () => {
    const flat = [entry('friends', 'policyCost.US', 0, 1.42e8, 0.2e8, 'USD'), entry('friends', 'cumulativeConsumption.germanium.endUse.US', 326, 0.1, 0.5)];
    expect(text({ reference: 'threat', alternatives: ['friends'], entries: flat, costEffectiveness: new Map() })).toContain('No strategy buys a clear gain in what end users receive of the materials it targets.');
    const reversed = flat.map((e) => ({ ...e, meanA: e.meanB, meanB: e.meanA }));
    expect(renderCompareAnswerBox({ reference: 'threat', alternatives: ['friends'], entries: reversed, costEffectiveness: new Map() }, strategies, name)).toBe('');
  });

  it('leads each strategy with weeks short and unmet demand, reference → alternative, and names what it makes clearly worse (audit 24, H2)', () => {
    const shortage = [
      entry('stockpile', 'policyCost.US', 0, 9.17e7, 1.4e6, 'USD'),
      { ...entry('stockpile', 'shortfallWeeks.germanium.endUse.US', 35.8, 2.6, 0.9, 'weeks'), direction: 'lower' as const },
      { ...entry('stockpile', 'cumulativeShortfall.germanium.endUse.US', 1040, 26.2, 21.05), direction: 'lower' as const },
      entry('stockpile', 'cumulativeConsumption.germanium.endUse.US', 97_200, 38, 41),
    ];
    const html = text({ reference: 'threat', alternatives: ['stockpile'], entries: shortage, costEffectiveness: new Map() });
    // The levels are means, said once (user audit: unlabelled, they read as the run report's medians).
    expect(html).toContain('stockpile How short: End users in the United States, means over the runs: Germanium: weeks short 35.8 → 38.4 weeks (+2.60 weeks, 95% CI +1.70 to +3.50 weeks), ' +
      'unmet demand 1,040 → 1,070 t (+26.2 t, 95% CI +5.1 to +47.3 t). Clearly worse: Germanium weeks short; Germanium unmet demand. Cost: It costs USD 91.7 million more');
    // Not clearly worse (its CI reaches 0): no clause.
    const unclear = shortage.map((e) => (e.metric.startsWith('cumulativeShortfall') || e.metric.startsWith('shortfallWeeks') ? { ...e, ciLow: -1 } : e));
    expect(text({ reference: 'threat', alternatives: ['stockpile'], entries: unclear, costEffectiveness: new Map() })).not.toContain('Clearly worse');
  });

  it('writes both levels of a pair with the same decimals, the larger\'s three digits (user audit: "28 → 31.7 t")', () => {
    const levels = (weeksA: number, weeksB: number, tonnesA: number, tonnesB: number) => text({ reference: 'threat', alternatives: ['stockpile'], costEffectiveness: new Map(), entries: [
      entry('stockpile', 'policyCost.US', 0, 9.17e7, 1.4e6, 'USD'),
      { ...entry('stockpile', 'shortfallWeeks.germanium.endUse.US', weeksA, weeksB - weeksA, 0.9, 'weeks'), direction: 'lower' as const },
      { ...entry('stockpile', 'cumulativeShortfall.germanium.endUse.US', tonnesA, tonnesB - tonnesA, 0.59), direction: 'lower' as const },
    ] });
    // A mean of 28.0 t keeps its zero beside 31.7 t and beside 4.8 t; 9.53 weeks takes 33.6's one decimal.
    expect(levels(35.8, 38.4, 28.0, 31.7)).toContain('Germanium: weeks short 35.8 → 38.4 weeks (+2.60 weeks, 95% CI +1.70 to +3.50 weeks), unmet demand 28.0 → 31.7 t (+3.70 t, 95% CI +3.11 to +4.29 t).');
    expect(levels(33.6, 9.53, 28.0, 4.8)).toContain('Germanium: weeks short 33.6 → 9.5 weeks (−24.1 weeks, 95% CI −25.0 to −23.2 weeks), unmet demand 28.0 → 4.8 t (−23.2 t, 95% CI −23.8 to −22.6 t).');
    // Above 100 no decimals, the larger at three digits: 1,040 → 191 t, as before.
    expect(levels(33.6, 34.1, 1044, 191.2)).toContain('unmet demand 1,040 → 191 t');
  });

  it('writes a wide per-kg interval\'s ends to three significant digits, as the mean (user audit: "USD 2,370 to USD 22,550")', () => {
    // The oxide stockpile's Dysprosium oxide figures (comparison.json, 30 runs, seed 1): USD/t, with a net of 0.499 million.
    const wide = { ...priced(iv(4_285_988, 2_372_328, 22_551_998)), extraCostUsd: iv(10.67e6, 10.59e6, 10.74e6), extraNetCostUsd: iv(0.499e6, 0.479e6, 0.519e6), netUsdPerTonneConsumptionGained: iv(200_445, 111_232, 1_050_377) };
    const html = text({ reference: 'threat', alternatives: ['stockpile'], entries: entries.filter((e) => e.alternative === 'stockpile'), costEffectiveness: new Map([['stockpile', new Map([['germanium', wide]])]]) });
    expect(html).toContain('USD 4,290 per kg gained on the USD 10.7 million spent on it (95% CI USD 2,370 to USD 22,600). USD 200 per kg net of the stock still held and its sales (95% CI USD 111 to USD 1,050).');
  });

  it('leads with the crisis when a clear gain comes only after it: less up to a year after the events, the gain later (audit 7; audit 24, M1)', () => {
    const costEffectiveness = new Map([['recycling', new Map([['germanium', priced(iv(90_000, 80_000, 100_000))]])]]);
    const gain = entry('recycling', 'cumulativeConsumption.germanium.endUse.US', 2580, 2.49, 2.02);
    const weeks = { ...entry('recycling', 'shortfallWeeks.germanium.endUse.US', 35.3, 3.37, 1.23, 'weeks'), direction: 'lower' as const };
    // Before the events −0.91 t and during them and the year after −1.35 t: up to Jun 2028 end users receive 2.26 t less; the 4.75 t later makes the 2.49 t gain.
    const split: GainSplit = { before: -0.91, during: -1.35, after: 4.75, total: 2.49, from: 2026, to: 2028.5, hasBefore: true, hasAfter: true, openEnded: false, afterCi: { low: 2.84, high: 6.66 } };
    const box = (entries: ComparisonEntry[]) => renderCompareAnswerBox({ reference: 'threat', alternatives: ['recycling'], entries, costEffectiveness }, strategies, name, () => split).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const html = box([entries[0], gain, weeks]);
    expect(html).toContain('Germanium: End users receive 2.26 t less up to Jun 2028, a year after the events end, and are short 3.37 weeks longer over the run. '
      + 'The 2.49 t gain over the run (95% CI 0.47 t to 4.51 t) all comes later: 4.75 t more after Jun 2028 (95% CI 2.84 t to 6.66 t). '
      + 'USD 90.0 per kg of that late gain on the USD 300 million spent on it (95% CI USD 80.0 to USD 100.0).');
    // It never opens with "receive … more" (read as help beside "clearly worse"), nor repeats the net in a second bracket.
    expect(html).not.toContain('End users receive 2.49 t more');
    expect(html).not.toContain(') (');
    // Weeks short not clearly longer: not said.
    expect(box([entries[0], gain, { ...weeks, ciLow: -0.5 }])).toContain('a year after the events end. The 2.49 t gain');
    // A gain up to then as well (the later part smaller than the whole): the gain first, as before.
    const partly = renderCompareAnswerBox({ reference: 'threat', alternatives: ['recycling'], entries: [entries[0], gain], costEffectiveness }, strategies, name,
      () => ({ ...split, before: 0.2, during: 0.2, after: 2.09 })).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(partly).toContain('Germanium: End users receive 2.49 t more (95% CI 0.47 t to 4.51 t): 2.09 t of it after Jun 2028');
    expect(partly).not.toContain('less up to');
  });

  it('gives the whole strategy\'s net after its gross cost: a gain, or a cost in the spending\'s words; not when it repeats the cost (audit 11)', () => {
    const net = (difference: number, half: number, meanA = 0) => ({ ...entry('stockpile', 'netPolicyCost.US', meanA, difference, half, 'USD'), direction: 'lower' as const });
    const box = (...extra: ComparisonEntry[]) => text({ reference: 'threat', alternatives: ['stockpile'], entries: [entry('stockpile', 'policyCost.US', 0, 4.7e8, 1e6, 'USD'), ...extra], costEffectiveness: new Map() });
    expect(box(net(-3.42e8, 1e7))).toContain('stockpile Cost: It costs USD 470 million more (95% CI USD 469 million to USD 471 million). '
      + 'Net of the stock still held and its sales: a gain of USD 342 million (95% CI USD 332 million to USD 352 million).');
    expect(box(net(3.19e6, 0.22e6))).toContain('Net of the stock still held and its sales, it costs USD 3.19 million more (95% CI USD 2.97 million to USD 3.41 million).');
    // A net saving against a reference that itself has a net is not a "gain"; one whose interval reaches 0 is not claimed either.
    expect(box(net(-3.42e8, 1e7, 5e8))).toContain('Net of the stock still held and its sales, it costs USD 342 million less');
    expect(box(net(-1e6, 3e6))).not.toContain('a gain of');
    // The net equal to the spending within 1% (nothing held or sold), or absent: nothing added.
    expect(box(net(4.69e8, 1e6))).not.toContain('Net of the stock');
    expect(box()).not.toContain('Net of the stock');
  });

  it('gives one labelled line per material, in short sentences, not one long line for the whole strategy (audit 10)', () => {
    const costEffectiveness = new Map([['friends', new Map([['germanium', { ...priced(iv(66_000, 60_000, 72_000)), extraNetCostUsd: iv(-9e7, -1e8, -8e7) }]])]]);
    const two = [entry('friends', 'policyCost.US', 0, 1.42e8, 0.2e8, 'USD'), entry('friends', 'cumulativeConsumption.germanium.endUse.US', 326, 4, 0.2), entry('friends', 'cumulativeConsumption.gallium.endUse.US', 231, 0.5, 1)];
    const html = renderCompareAnswerBox({ reference: 'threat', alternatives: ['friends'], entries: two, costEffectiveness }, strategies, name);
    const lines = [...html.matchAll(/<li><em>([^<]*):<\/em> ([^<]*)<\/li>/g)].map((m) => [m[1], m[2]]);
    expect(lines.map(([label]) => label)).toEqual(['Cost', 'Germanium', 'Gallium']);
    expect(lines[1][1]).toBe('End users receive 4.00 t more (95% CI 3.80 t to 4.20 t). USD 66.0 per kg gained on the USD 300 million spent on it (95% CI USD 60.0 to USD 72.0). '
      + 'A net gain of USD 90.0 million (95% CI USD 80.0 million to USD 100.0 million) once the stock still held and its sales are counted.');
    // No sentence of the box's lines runs past 60 words.
    for (const [, line] of lines) for (const sentence of line.split(/\. (?=[A-Z])/)) expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(60);
  });

  it('says what each stockpile released during the events, and why a refined one released little (audit 24, M7)', () => {
    const comparison = { reference: 'threat', alternatives: ['stockpile'], entries: [entries[5], entries[6]], costEffectiveness: new Map() };
    const releases = (little: boolean) => () => [{ material: 'germanium', held: 1315, released: little ? 25 : 1315, refinedOnly: little }];
    const little = renderCompareAnswerBox(comparison, strategies, name, () => undefined, releases(true)).replace(/\s+/g, ' ');
    expect(little).toContain('Released during the events (median run): Germanium 25 t of 1,320 t held (2%).');
    expect(little).toContain('gap G10');
    const all = renderCompareAnswerBox(comparison, strategies, name, () => undefined, releases(false)).replace(/\s+/g, ' ');
    expect(all).toContain('Germanium 1,320 t of 1,320 t held (100%).');
    expect(all).not.toContain('G10');
  });

  it('puts each stockpile run by run and the quota rent in a block under the box, and sets two strategies side by side', () => {
    const rent = entry('stockpile', 'exportQuotaRentUsd.germanium.manufacturing.big', 6.4e9, -1.36e9, 0.06e9, 'USD');
    const releases = () => [{ material: 'germanium', held: 1315, released: 25, refinedOnly: true }];
    const one = renderCompareAnswerBox({ reference: 'threat', alternatives: ['stockpile'], entries: [entries[5], entries[6], rent], costEffectiveness: new Map() }, strategies, name, () => undefined, releases);
    const [box, detail] = one.split('<div class="answer answer-detail');
    // The box keeps what the strategy buys and costs; the why (what it released, the rent) follows it.
    expect(box).toContain('id="answer"');
    expect(box).not.toContain('Quota rent');
    expect(box).not.toContain('Released during the events');
    // The note points to the block by its heading's words.
    expect(box).toContain('Stockpiles and quota rent: just below.');
    expect(detail).toContain('Stockpiles and quota rent, by strategy');
    expect(detail).toContain('<em>Stockpile:</em> Released during the events (median run): Germanium 25 t of 1,320 t held (2%).');
    expect(detail).toContain('<em>Quota rent:</em>');
    // One strategy keeps the text column; two sit side by side.
    expect(box).toContain('<div class="answer" id="answer"');
    const two = renderCompareAnswerBox({ reference: 'threat', alternatives: ['recycling', 'stockpile'], entries, costEffectiveness: new Map() }, strategies, name);
    expect(two).toContain('<div class="answer side-by-side" id="answer"');
    // Without a stockpile or a rent change there is no block, and the note does not point to one.
    expect(two).not.toContain('answer-detail');
    expect(two).not.toContain('just below');
  });

  it('says the defence buyers\' shortage once, in the closing note, when it reads the same for every strategy; else per strategy', () => {
    // Defence buyers' summaries of Germanium, both strategies' means and the reference's given.
    const defence = (alternative: string, weeks: number, tonnes: number): ComparisonEntry[] => [
      entry(alternative, 'publicShortfallWeeks.germanium.endUse.US', 0, weeks, weeks / 2, 'weeks'),
      entry(alternative, 'cumulativePublicShortfall.germanium.endUse.US', 0, tonnes, tonnes / 2),
    ];
    const base = [entries[0], entries[1], entries[5], entries[6]];
    const box = (alternatives: string[], extra: ComparisonEntry[]) => text({ reference: 'threat', alternatives, entries: [...base, ...extra], costEffectiveness: new Map() });
    const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
    // Never short under the reference or either strategy: said once, after the strategies, for both.
    const never = box(['recycling', 'stockpile'], [...defence('recycling', 0, 0), ...defence('stockpile', 0, 0)]);
    expect(count(never, 'Defence buyers')).toBe(1);
    expect(never).toContain('Defence buyers (public end users) in the United States: short in no run of the reference or either strategy: Germanium. Against “threat”');
    expect(never).not.toContain('neither the reference nor the alternative');
    // The note names the region once: in the defence clause, not again in the basis.
    expect(count(never.slice(never.indexOf('Defence buyers')), 'United States')).toBe(1);
    // Three strategies alike: "any strategy".
    const strategies3 = { ...strategies, alternatives: [...strategies.alternatives, { label: 'recycling2', overview: strategies.alternatives[0].overview }] };
    const three = renderCompareAnswerBox({ reference: 'threat', alternatives: ['recycling', 'stockpile', 'recycling2'],
      entries: [...base, ...['recycling', 'stockpile', 'recycling2'].flatMap((a) => defence(a, 0, 0))], costEffectiveness: new Map() }, strategies3, name);
    expect(count(three, 'Defence buyers')).toBe(1);
    expect(three).toContain('short in no run of the reference or any strategy: Germanium.');
    // Short alike under both (the same figures): said once, saying so.
    const alike = box(['recycling', 'stockpile'], [...defence('recycling', 2, 10), ...defence('stockpile', 2, 10)]);
    expect(count(alike, 'Defence buyers')).toBe(1);
    expect(alike).toMatch(/Defence buyers \(public end users\) in the United States, means over the runs, the same under both strategies: Germanium: weeks short 0 → 2[.0-9]* weeks .*\. Against “threat”/);
    // Short under one strategy only: each strategy keeps its own clause in its "How short" line.
    const differ = box(['recycling', 'stockpile'], [...defence('recycling', 0, 0), ...defence('stockpile', 2, 10)]);
    expect(count(differ, 'Defence buyers')).toBe(2);
    expect(differ).toContain('recycling How short: Defence buyers (public end users) in the United States: short in no run, in neither the reference nor the alternative: Germanium.');
    expect(differ).toMatch(/stockpile How short: Defence buyers \(public end users\) in the United States, means over the runs: Germanium: weeks short 0 → 2[.0-9]* weeks/);
    expect(differ).toContain('what end users in the United States receive over the run');
    // One strategy: its own line, as before.
    const one = box(['recycling'], defence('recycling', 0, 0));
    expect(one).toContain('recycling How short: Defence buyers (public end users) in the United States: short in no run, in neither the reference nor the alternative: Germanium.');
  });

  it('names the largest clear changes in the quota rent buyers abroad pay, not negligible or unclear ones (audit 24, M3)', () => {
    const rent = (quota: string, meanA: number, difference: number, half: number) => entry('stockpile', `exportQuotaRentUsd.germanium.manufacturing.${quota}`, meanA, difference, half, 'USD');
    const withRents = (...rents: ComparisonEntry[]) => text({ reference: 'threat', alternatives: ['stockpile'], entries: [entries[5], entries[6], ...rents], costEffectiveness: new Map() });
    const html = withRents(rent('big', 6.4e9, -1.36e9, 0.06e9), rent('mid', 6.01e8, -1.34e8, 0.07e8), rent('small', 1.52e7, 2.37e6, 0.6e6), rent('unclear', 5e8, 1e7, 2e7));
    expect(html).toContain('Quota rent: Paid by importers in every importing region, home among them, to the exporter’s government (not counted in home end users’ cost): big USD 6.40 billion → USD 5.04 billion (−USD 1.36 billion, 95% CI ');
    expect(html).toContain('; mid USD 601 million → USD 467 million (−USD 134 million, 95% CI ');
    // At most two, the largest; an interval across 0 is never named.
    expect(html).not.toContain('small USD');
    expect(html).not.toContain('unclear USD');
    // A change within 0.1% of the level, however clear, is not news.
    expect(withRents(rent('tiny', 6.4e9, -1e6, 0.1e6))).not.toContain('Quota rent');
  });
});
