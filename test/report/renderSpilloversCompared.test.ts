import { describe, expect, it } from 'vitest';
import type { Comparison, ComparisonEntry } from '../../src/report/readComparisonJson.ts';
import type { EventOverview, ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import type { ComparedStrategies } from '../../src/report/renderComparisonSection.ts';
import { renderSpilloversCompared } from '../../src/report/renderSpilloversCompared.ts';

const event = (id: string, material: string): EventOverview => ({ id, kind: 'stockpile', start: 0.5, end: NaN, announced: NaN, fields: { kind: 'stockpile', material } });
const overview = (events: EventOverview[]): ScenarioOverview => ({
  name: 'quota', description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [
    { id: 'US', name: 'United States', alignment: 'home' }, { id: 'CN', name: 'China', alignment: 'adversary' },
    { id: 'ROW', name: 'Rest of world (incl. DRC, Chile)', alignment: 'neutral' }, { id: 'ALLIES', name: 'Allies', alignment: 'ally' },
  ],
  materials: [{ id: 'ndpr', name: 'NdPr oxide' }, { id: 'dy', name: 'Dysprosium oxide' }, { id: 'cobalt', name: 'Cobalt' }] as ScenarioOverview['materials'],
  events, threat: [], document: {},
});
const entry = (alternative: string, metric: string, meanA: number, difference: number, half: number, unit = 't'): ComparisonEntry => ({
  alternative, metric, meanA, meanB: meanA + difference, meanDifference: difference, ciLow: difference - half, ciHigh: difference + half,
  pBetter: NaN, pWorse: NaN, n: 40, unit, direction: '',
});
const text = (html: string) => html.replace(/<\/t[dh]>/g, ' | ').replace(/<[^>]+>/g, ' ').replace(/&#39;|&apos;/g, '\'').replace(/\s+/g, ' ');

describe('renderSpilloversCompared', () => {
  const comparison: Comparison = {
    reference: 'threat', alternatives: ['stockpile'], costEffectiveness: new Map(),
    entries: [
      // Allies receive more Dy while their unmet demand rises (lower prices, more wanted); the rest of the world receives less.
      entry('stockpile', 'cumulativeConsumption.dy.endUse.ALLIES', 4876, 25, 7),
      entry('stockpile', 'cumulativeShortfall.dy.endUse.ALLIES', 30, 10.6, 0.4),
      entry('stockpile', 'peakPriceMultiple.dy.manufacturing.ALLIES', 2.65, -0.14, 0.01, 'x base'),
      // ... and are short for more weeks, clearly: a side effect named beside consumption.
      entry('stockpile', 'shortfallWeeks.dy.endUse.ALLIES', 3, 6.25, 0.26, 'weeks'),
      entry('stockpile', 'cumulativeConsumption.dy.endUse.ROW', 2344, -8, 3),
      // China receives a little more Dy on average, and the allies a little less NdPr, neither clearly: not listed.
      entry('stockpile', 'cumulativeConsumption.dy.endUse.CN', 16800, 5, 22),
      entry('stockpile', 'cumulativeConsumption.ndpr.endUse.ALLIES', 185000, -5, 22),
      // Zero in every pair: said as such, not as "0 t" beside a level.
      entry('stockpile', 'cumulativeShortfall.ndpr.endUse.ALLIES', 1280, 0, 0),
      entry('stockpile', 'cumulativeConsumption.dy.endUse.US', 2500, 17, 2),
      // Cobalt is named by no event: left out.
      entry('stockpile', 'cumulativeConsumption.cobalt.endUse.ALLIES', 9000, -50, 10),
    ],
  };
  const strategies: ComparedStrategies = { reference: { label: 'threat', overview: overview([]) }, alternatives: [{ label: 'stockpile', overview: overview([event('usDy', 'dy'), event('usNdpr', 'ndpr')]) }] };

  it('lists regions other than home (allies first, the adversary last) for the materials the events name, and says who clearly receives less or more', () => {
    const html = text(renderSpilloversCompared(comparison, strategies, (id) => ({ dy: 'Dysprosium oxide', ndpr: 'NdPr oxide' })[id] ?? id));
    expect(html).toContain('Allies (ally) | NdPr oxide | unmet demand | 1,280 t | no change in any run |');
    expect(html).toContain('stockpile : end users clearly receive less in the rest of the world: Dysprosium oxide; they clearly receive more in the allies: Dysprosium oxide; end users are clearly short for more weeks in the allies: Dysprosium oxide (+6.25 weeks (+5.99 to +6.51 weeks)) (95% CIs of the differences excluding 0).');
    expect(html).toContain('Allies (ally) | Dysprosium oxide | weeks short | 3 weeks | +6.25 weeks (+5.99 to +6.51 weeks) |');
    expect(html).toContain('Allies (ally) | Dysprosium oxide | consumption (received) | 4,880 t | +25.0 t (+18.0 to +32.0 t) |');
    expect(html).toContain('Allies (ally) | Dysprosium oxide | unmet demand |');
    const order = ['Allies (ally)', 'Rest of world (neutral)', 'China (adversary)'].map((r) => html.indexOf(r));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(html).not.toContain('United States');
    expect(html).not.toContain('Cobalt');
  });

  it('is empty without the reference scenario or without these metrics', () => {
    expect(renderSpilloversCompared(comparison, { ...strategies, reference: { label: 'threat', overview: undefined } }, (id) => id)).toBe('');
    expect(renderSpilloversCompared({ ...comparison, entries: [entry('stockpile', 'policyCost.US', 0, 5, 1, 'USD')] }, strategies, (id) => id)).toBe('');
  });
});
