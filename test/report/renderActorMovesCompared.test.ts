import { describe, expect, it } from 'vitest';
import type { Comparison, ComparisonEntry } from '../../src/report/readComparisonJson.ts';
import { renderActorMovesCompared } from '../../src/report/renderActorMovesCompared.ts';

/** An entry of comparison.json, B − A as written by crm-sim compare. */
function entry(alternative: string, metric: string, meanA: number, meanB: number, half = 0): ComparisonEntry {
  const d = meanB - meanA;
  return { alternative, metric, meanA, meanB, meanDifference: d, ciLow: d - half, ciHigh: d + half, pBetter: NaN, pWorse: NaN, n: 30, unit: metric.startsWith('actorCyberattacks') ? 'count' : 'weeks', direction: '' };
}
const comparison = (entries: ComparisonEntry[]): Comparison => ({ reference: 'threat', alternatives: ['tariff', 'stockpile'], entries, costEffectiveness: new Map() });
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const names = (id: string): string => ({ ndpr: 'NdPr oxide', dy: 'Dysprosium oxide' })[id] ?? id;

describe('renderActorMovesCompared', () => {
  const entries = [
    entry('tariff', 'actorPriceWarWeeks.ndpr.processing.CN', 288, 291, 2),
    entry('stockpile', 'actorPriceWarWeeks.ndpr.processing.CN', 288, 288),
    entry('tariff', 'actorRetaliationWeeks.ndpr.processing.CN', 0, 102, 23),
    entry('stockpile', 'actorRetaliationWeeks.ndpr.processing.CN', 0, 0),
    entry('tariff', 'actorRetaliationWeeks.dy.processing.CN', 0, 0),
    entry('stockpile', 'actorRetaliationWeeks.dy.processing.CN', 0, 0),
    entry('tariff', 'actorCyberattacks.ndpr.processing', 3, 3),
    entry('tariff', 'actorCyberattacks.dy.mining', 0.5, 0.5),
    entry('stockpile', 'actorCyberattacks.ndpr.processing', 3, 3),
    entry('stockpile', 'actorCyberattacks.dy.mining', 0.5, 0.5),
  ];

  it('lists per product the weeks under each strategy, the largest change first, with the paired difference or "the same in every run"', () => {
    const html = text(renderActorMovesCompared(comparison(entries), names, 'China'));
    expect(html).toContain('the foreign actor (China) acts by standing rules in every strategy');
    const retaliation = html.indexOf('Retaliatory export licensing refined NdPr oxide (processing) 0 weeks 102 weeks · +102 weeks (');
    const war = html.indexOf('Price war refined NdPr oxide (processing) 288 weeks 291 weeks · +3.00 weeks (');
    expect(retaliation).toBeGreaterThan(0);
    expect(war).toBeGreaterThan(retaliation);
    expect(html).toContain('288 weeks, the same in every run');
    expect(html).not.toContain('Dysprosium oxide (processing)'); // no strategy saw retaliation on Dy
    expect(html).toContain('Cyberattacks all materials and stages 3.5 3.5 3.5'); // sums of means, per strategy
  });

  it('says so when no strategy saw any move, and renders nothing for a folder without these metrics', () => {
    const quiet = [entry('tariff', 'actorRetaliationWeeks.ndpr.processing.CN', 0, 0), entry('tariff', 'actorCyberattacks.ndpr.mining', 0, 0)];
    expect(text(renderActorMovesCompared({ ...comparison(quiet), alternatives: ['tariff'] }, names, 'China')))
      .toContain('In no run of any strategy did China start a price war, retaliate or launch a cyberattack by these rules.');
    expect(renderActorMovesCompared(comparison([entry('tariff', 'cumulativeShortfall.ndpr.endUse.US', 1, 2)]), names, 'China')).toBe('');
  });
});
