import { describe, expect, it } from 'vitest';
import type { ComparisonEntry, Interval, MaterialCostEffectiveness } from '../../src/report/readComparisonJson.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import { renderCompareAnswerBox } from '../../src/report/renderCompareAnswerBox.ts';
import { findUnpricedPolicies, isThreatOnly, matchesG33 } from '../../src/report/classifyAlternative.ts';

type Event = ScenarioOverview['events'][number];
const event = (id: string, kind: string, fields: Record<string, unknown> = {}): Event => ({ id, kind, start: 1, end: 2.5, announced: NaN, fields: { kind, ...fields } });
const overview = (events: Event[]): ScenarioOverview => ({
  name: 'x', description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }], materials: [] as unknown as ScenarioOverview['materials'], events, threat: [], document: {},
});
const entry = (alternative: string, metric: string, meanA: number, difference: number, half: number, unit = 't'): ComparisonEntry => ({
  alternative, metric, meanA, meanB: meanA + difference, meanDifference: difference, ciLow: difference - half, ciHigh: difference + half, pBetter: NaN, pWorse: NaN, n: 20, unit, direction: unit === 't' ? 'higher' : '',
});
const name = (id: string): string => ({ gallium: 'Gallium', ndpr: 'NdPr oxide' })[id] ?? id;
const plain = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const consumption = (alternative: string, material: string, difference: number, half: number, level = 200) => entry(alternative, `cumulativeConsumption.${material}.endUse.US`, level, difference, half);
const iv = (value: number, ciLow: number, ciHigh: number): Interval => ({ value, ciLow, ciHigh });

describe('renderCompareAnswerBox: threats, unpriced policies and no contradictions', () => {
  const quota = event('quota', 'exportControl', { material: 'gallium', stage: 'processing' });
  const attack = event('attack', 'cyberattack', { region: 'US', stage: 'manufacturing' });
  const box = (reference: Event[], alternatives: Array<[string, Event[]]>, entries: ComparisonEntry[], costEffectiveness = new Map<string, Map<string, MaterialCostEffectiveness>>()) => plain(renderCompareAnswerBox(
    { reference: 'ref', alternatives: alternatives.map(([label]) => label), entries, costEffectiveness },
    { reference: { label: 'ref', overview: overview(reference) }, alternatives: alternatives.map(([label, events]) => ({ label, overview: overview(events) })) }, name));

  it('words a threat-only alternative as the added disruption, a loss, with no "gain" and no "no strategy buys" line', () => {
    const html = box([], [['quota', [quota]]], [consumption('quota', 'gallium', -300, 20, 2500)]);
    expect(html).toContain('quota What the added disruption does: Gallium: end users lose 300 t to the added disruption (95% CI 280 t to 320 t).');
    expect(html).not.toContain('Cost:');
    // Said once, in the disruption's words: not again as a "clearly worse" consumption.
    expect(html).not.toContain('Gallium consumption');
    expect(html).not.toContain('No strategy buys');
    expect(html).not.toContain('Surprising');
  });

  it('flags a threat-only alternative that left end users better off, citing G33 where its mechanism applies', () => {
    const g33 = box([quota], [['attack', [quota, attack]]], [consumption('attack', 'gallium', 0.366, 0.26)]);
    expect(g33).toContain('Gallium: end users receive 0.366 t more (95% CI 0.106 t to 0.626 t) despite the added disruption.');
    expect(g33).toContain('Check: Surprising: the added disruption left end users in the United States better off in Gallium (they receive more); see docs/model.md G33');
    // Without a quota upstream in the reference, G33 is not the explanation: a generic check instead.
    const other = box([], [['attack', [{ ...attack, fields: { ...attack.fields, material: 'gallium' } }]]], [consumption('attack', 'gallium', 0.366, 0.26)]);
    expect(other).toContain('Surprising: the added disruption left end users in the United States better off in Gallium (they receive more); check consumption by stage and origin');
    expect(other).not.toContain('see docs/model.md G33');
    // Less unmet demand with no clear change in what they receive (the G33 check run of this session) is flagged too.
    const shortfall = { ...entry('attack', 'cumulativeShortfall.gallium.endUse.US', 0.577, -0.202, 0.084), direction: 'lower' as const };
    expect(box([quota], [['attack', [quota, attack]]], [consumption('attack', 'gallium', -0.57, 1.04), shortfall]))
      .toContain('better off in Gallium (less unmet demand); see docs/model.md G33');
    // A loss is not surprising.
    expect(box([quota], [['attack', [quota, attack]]], [consumption('attack', 'gallium', -5, 1)])).not.toContain('Surprising');
  });

  it('never says "no strategy buys a clear gain" beside a clear gain with nothing spent on it; names unpriced policies', () => {
    const permits = event('permits', 'permittingReform', { region: 'US' });
    const html = box([quota], [['reform', [quota, permits]]], [entry('reform', 'policyCost.US', 0, 0, 0, 'USD'), consumption('reform', 'gallium', 40, 10)]);
    expect(html).toContain('Gallium: End users receive 40.0 t more');
    expect(html).not.toContain('No strategy buys a clear gain');
    expect(html).toContain('It costs the government nothing more in the model: permits has no price in the scenario (no costUsdPerYear), unpriced rather than free');
    expect(html).toContain('Per kg gained: none to give: the clear gains above came with no extra spending to divide by');
    expect(html).not.toMatch(/no clear gain/i);
    // With no clear gain at all, the line stays.
    expect(box([quota], [['reform', [quota, permits]]], [consumption('reform', 'gallium', 4, 10)])).toContain('No strategy buys a clear gain');
  });

  it('does not say "no strategy buys a clear gain" beside a policy that clearly cuts end users\' shortage; names it and its figure (user audit, session 32)', () => {
    const pile = event('pile', 'stockpile', { material: 'gallium', stage: 'processing' });
    const shortfall = (difference: number, half: number) => ({ ...entry('pile', 'cumulativeShortfall.gallium.endUse.US', 1050, difference, half), direction: 'lower' as const });
    const weeks = (difference: number, half: number) => ({ ...entry('pile', 'shortfallWeeks.gallium.endUse.US', 35.5, difference, half, 'weeks'), direction: 'lower' as const });
    const cost = entry('pile', 'policyCost.US', 0, 9e7, 1e6, 'USD');
    const html = box([quota], [['pile', [quota, pile]]], [cost, consumption('pile', 'gallium', 36, 40), shortfall(-809, 206), weeks(-0.2, 1.9)]);
    expect(html).not.toContain('No strategy buys a clear gain');
    expect(html).toContain('No strategy clearly raises what end users receive of the materials it targets (so none is priced per kg gained); the gain shows as less unmet demand rather than more received: “pile”: Gallium unmet demand −809 t (95% CI −1,015 to −603 t).');
    // Both shortage metrics cut: both named, unmet demand first.
    expect(box([quota], [['pile', [quota, pile]]], [cost, consumption('pile', 'gallium', 36, 40), shortfall(-809, 206), weeks(-23.9, 1.9)]))
      .toContain('the gain shows as less unmet demand or fewer weeks short rather than more received: “pile”: Gallium unmet demand −809 t (95% CI −1,015 to −603 t), weeks short −23.9 weeks (95% CI −25.8 to −22.0 weeks).');
    // A shortage that is not clearly cut (CI across 0), or clearly worse, leaves the line as it was.
    expect(box([quota], [['pile', [quota, pile]]], [cost, consumption('pile', 'gallium', 36, 40), shortfall(-100, 206)])).toContain('No strategy buys a clear gain');
    expect(box([quota], [['pile', [quota, pile]]], [cost, consumption('pile', 'gallium', 36, 40), shortfall(300, 206)])).toContain('No strategy buys a clear gain');
    // A threat's lower shortage is no policy's gain: no last line at all.
    expect(box([], [['quota', [quota]]], [consumption('quota', 'gallium', -300, 20, 2500), { ...shortfall(-809, 206), alternative: 'quota' }])).not.toContain('the gain shows as');
  });

  it('does not price a negligible gain ("about the same … per kg gained")', () => {
    const pile = event('pile', 'stockpile', { material: 'gallium', stage: 'processing' });
    const priced: MaterialCostEffectiveness = {
      extraCostUsd: iv(1e7, 0.9e7, 1.1e7), consumptionGainedTonnes: iv(1, 0.5, 1.5), usdPerTonneConsumptionGained: iv(1e7, 6e6, 2e7), shortfallAvoidedTonnes: iv(NaN, NaN, NaN),
      usdPerTonneShortfallAvoided: iv(NaN, NaN, NaN), extraNetCostUsd: iv(1e7, 0.9e7, 1.1e7), netUsdPerTonneConsumptionGained: iv(NaN, NaN, NaN), netUsdPerTonneShortfallAvoided: iv(NaN, NaN, NaN), usdPerTonneConsumptionGainedAgainst: new Map(),
    };
    const html = box([quota], [['pile', [quota, pile]]], [entry('pile', 'policyCost.US', 0, 1e7, 1e6, 'USD'), entry('pile', 'cumulativeConsumption.gallium.endUse.US', 100_000, 1, 0.5)], new Map([['pile', new Map([['gallium', priced]])]]));
    expect(html).toContain('End users receive about the same');
    expect(html).not.toContain('per kg gained on');
    expect(html).toContain('No strategy buys a clear gain');
  });
});

describe('classifyAlternative', () => {
  it('tells threats from policies, and priced from unpriced policies', () => {
    expect(isThreatOnly([event('q', 'exportControl'), event('c', 'cyberattack')])).toBe(true);
    expect(isThreatOnly([event('q', 'exportControl'), event('s', 'stockpile')])).toBe(false);
    expect(isThreatOnly([])).toBe(false);
    expect(findUnpricedPolicies([event('t', 'tariff'), event('f', 'friendShoring', { costUsdPerYear: 1e6 }), event('s', 'stockpile'), event('x', 'tailingsReassessment'), event('r', 'recyclingMandate', { costUsdPerYear: 0 })])).toEqual(['t', 'x', 'r']);
  });

  it('matches G33 only for a home outage downstream of a reference quota on the material', () => {
    const quota = event('q', 'exportControl', { material: 'gallium', stage: 'processing' });
    expect(matchesG33([event('a', 'outage', { region: 'US', stage: 'manufacturing', material: 'gallium' })], [quota], 'gallium', 'US')).toBe(true);
    expect(matchesG33([event('a', 'outage', { region: 'US', stage: 'processing', material: 'gallium' })], [quota], 'gallium', 'US')).toBe(false);
    expect(matchesG33([event('a', 'outage', { region: 'ALLIES', stage: 'manufacturing', material: 'gallium' })], [quota], 'gallium', 'US')).toBe(false);
    expect(matchesG33([event('a', 'cyberattack', { region: 'US', stage: 'manufacturing' })], [quota], 'ndpr', 'US')).toBe(false);
  });
});
