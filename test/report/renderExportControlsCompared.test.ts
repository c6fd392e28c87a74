import { describe, expect, it } from 'vitest';
import type { Comparison, ComparisonEntry } from '../../src/report/readComparisonJson.ts';
import { renderExportControlsCompared } from '../../src/report/renderExportControlsCompared.ts';

/** An entry of comparison.json, B − A as written by crm-sim compare. */
function entry(alternative: string, metric: string, meanA: number, meanB: number, half = 0): ComparisonEntry {
  const d = meanB - meanA;
  return { alternative, metric, meanA, meanB, meanDifference: d, ciLow: d - half, ciHigh: d + half, pBetter: NaN, pWorse: NaN, n: 30, unit: metric.startsWith('exportQuotaAllowedTonnes') ? 't' : 'weeks', direction: '' };
}
const comparison = (entries: ComparisonEntry[], alternatives = ['stockpile', 'friends']): Comparison => ({ reference: 'threat', alternatives, entries, costEffectiveness: new Map() });
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const describeEvent = (id: string): string => ({ cnOxide: 'CN export quota (50% of previous exports): refined NdPr oxide (processing)' })[id] ?? id;

/** A quota's three summaries for one alternative. */
function quota(alternative: string, id: string, weeks: [number, number], bound: [number, number, number], allowed: [number, number, number]): ComparisonEntry[] {
  return [
    entry(alternative, `exportQuotaWeeksInForce.ndpr.processing.${id}`, ...weeks),
    entry(alternative, `exportQuotaWeeksBinding.ndpr.processing.${id}`, ...bound),
    entry(alternative, `exportQuotaAllowedTonnes.ndpr.processing.${id}`, ...allowed),
  ];
}

describe('renderExportControlsCompared', () => {
  it('gives per quota the weeks it bound and the tonnes it allowed under each strategy, with the paired differences', () => {
    const entries = [
      ...quota('stockpile', 'cnOxide', [78, 78], [60, 58, 3], [300, 4_700, 400]),
      ...quota('friends', 'cnOxide', [78, 78], [60, 60, 0], [300, 300, 0]),
    ];
    const html = text(renderExportControlsCompared(comparison(entries), describeEvent));
    expect(html).toContain('a stockpile filled before the quota) raises the ceiling');
    expect(html).toContain('crm-sim run &lt;scenario&gt; --report');
    expect(html).toContain('cnOxide: CN export quota (50% of previous exports): refined NdPr oxide (processing) bound 60 weeks of 78 weeks; allowed 300 t ' +
      'bound 58 weeks of 78 weeks; allowed 4,700 t (bound −2.0 weeks (−5.0 to +1.0 weeks); allowed +4,400 t (+4,000 to +4,800 t)) ' +
      'bound 60 weeks of 78 weeks; allowed 300 t (bound no change in any run; allowed no change in any run)');
  });

  it('names a difference within 0.1% of the level negligible, and an alternative without the quota', () => {
    const tiny = entry('friends', 'exportQuotaAllowedTonnes.ndpr.processing.cnOxide', 396, 396 + 2.4e-7, 1.6e-7);
    const entries = [...quota('friends', 'cnOxide', [78, 78], [60, 60, 0], [396, 396, 0]).slice(0, 2), tiny];
    const html = text(renderExportControlsCompared(comparison(entries, ['friends', 'other']), describeEvent));
    expect(html).toContain('allowed negligible: within 0.1%)');
    expect(html).not.toContain('0.00000');
    expect(html).toContain('n/a (no such quota)');
  });

  it('renders nothing for a comparison without quotas', () => {
    expect(renderExportControlsCompared(comparison([entry('stockpile', 'cumulativeShortfall.ndpr.endUse.US', 10, 5)]), describeEvent)).toBe('');
  });

  it('gives each quota the rent paid under each strategy, with its paired difference at the precision of its own mean (audit 24, M3)', () => {
    const rent = (alternative: string, meanA: number, meanB: number, half: number): ComparisonEntry => ({ ...entry(alternative, 'exportQuotaRentUsd.ndpr.processing.cnOxide', meanA, meanB, half), unit: 'USD' });
    const entries = [
      ...quota('stockpile', 'cnOxide', [78, 78], [74, 74, 0], [21_300, 21_300, 0]), rent('stockpile', 6.3988e9, 6.3988e9 + 391_180, 34.5e6),
      ...quota('friends', 'cnOxide', [78, 78], [74, 74, 0], [21_300, 21_500, 8]), rent('friends', 6.3988e9, 5.035e9, 59e6),
    ];
    const html = text(renderExportControlsCompared(comparison(entries), describeEvent));
    // Three significant figures on every level ("6.40", not "6.4", beside "5.04").
    expect(html).toContain('allowed 21,300 t; rent paid USD 6.40 billion bound');
    // A mean far inside its interval keeps its own figures: not "USD 0 (−USD 34 million to +USD 35 million)".
    expect(html).toContain('rent +USD 391,000 (−USD 34 million to +USD 35 million)');
    expect(html).toContain('rent paid USD 5.04 billion (bound no change in any run; allowed +200 t (+192 to +208 t); rent −USD 1.36 billion (−USD 1.42 billion to −USD 1.30 billion))');
  });
});
