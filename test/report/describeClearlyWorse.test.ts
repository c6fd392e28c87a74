import { describe, expect, it } from 'vitest';
import { describeClearlyWorse } from '../../src/report/compareAnswerLines.ts';
import type { ComparisonEntry } from '../../src/report/readComparisonJson.ts';
import type { Concentration } from '../../src/stats/measureConcentration.ts';

/** A worse entry (higher where lower is better) of 30 pairs, clear of 0. */
const worse = (metric: string, meanA: number, difference: number): ComparisonEntry => ({
  alternative: 'stockpile', metric, meanA, meanB: meanA + difference, meanDifference: difference, ciLow: difference * 0.5, ciHigh: difference * 1.5,
  pBetter: 0.1, pWorse: 0.8, n: 30, unit: 't', direction: 'lower',
});
const entries = new Map([
  ['shortfallWeeks.dy.endUse.US', worse('shortfallWeeks.dy.endUse.US', 35.8, 2.6)],
  ['cumulativeShortfall.ndpr.endUse.US', worse('cumulativeShortfall.ndpr.endUse.US', 1040, 26.2)],
]);
const name = (id: string): string => (id === 'ndpr' ? 'NdPr oxide' : 'Dysprosium oxide');
const carriedBy = (metric: string, k: number): ((e: ComparisonEntry) => Concentration | undefined) =>
  (e) => (e.metric === metric ? { runs: 30, carriedBy: k, concentrated: k <= 4 } : { runs: 30, carriedBy: 12, concentrated: false });

describe('describeClearlyWorse', () => {
  it('names every worse headline metric when no few runs carry one', () => {
    expect(describeClearlyWorse(['ndpr', 'dy'], (m) => entries.get(m), 'US', new Map(), name)).toBe('NdPr oxide unmet demand; Dysprosium oxide weeks short');
  });

  it('moves a difference that a few runs carry out of the clear ones, with its count of runs', () => {
    const text = describeClearlyWorse(['ndpr', 'dy'], (m) => entries.get(m), 'US', new Map(), name, false, carriedBy('cumulativeShortfall.ndpr.endUse.US', 3));
    expect(text).toBe('Dysprosium oxide weeks short; from a few runs only, not clearly: NdPr oxide unmet demand (half or more of the difference from 3 of 30 runs)');
  });

  it('keeps a difference that more runs carry among the clear ones', () => {
    const text = describeClearlyWorse(['ndpr', 'dy'], (m) => entries.get(m), 'US', new Map(), name, false, carriedBy('cumulativeShortfall.ndpr.endUse.US', 5));
    expect(text).toBe('NdPr oxide unmet demand; Dysprosium oxide weeks short');
  });
});
