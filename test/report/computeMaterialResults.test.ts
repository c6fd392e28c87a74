/**
 * computeMaterialResults' peaks at the other traded stages a material's events strike (audit 24, H1):
 * the magnet price beside the quoted refined one, by the same convention (per run the largest outside
 * the foreign region; the home segment's without replicates.csv).
 */
import { describe, expect, it } from 'vitest';
import { computeMaterialResults, type ResultContext } from '../../src/report/computeMaterialResults.ts';
import type { ReplicateValues } from '../../src/report/readReplicatesCsv.ts';
import type { SummaryMetrics } from '../../src/report/readSummaryJson.ts';
import { summarizeValues } from '../../src/stats/summarizeValues.ts';

const context = (struck: string[]): ResultContext => ({ home: 'US', foreign: 'CN', regions: ['US', 'ALLIES', 'CN'], priceStage: () => 'processing', struckStages: () => struck });
const replicates: ReplicateValues = new Map([
  ['shortfallWeeks.ndpr.endUse.US', [10, 20, 30, 40]],
  ['peakPriceMultiple.ndpr.processing.US', [2, 2, 2, 2]],
  ['peakPriceMultiple.ndpr.manufacturing.US', [4, 5, 4, 5]],
  ['peakPriceMultiple.ndpr.manufacturing.ALLIES', [4.5, 4.5, 4.5, 4.5]],
  // The foreign region's own market is left out, as for the quoted price.
  ['peakPriceMultiple.ndpr.manufacturing.CN', [9, 9, 9, 9]],
  ['peakPriceMultiple.ndpr.mining.US', [3, 3, 3, 3]],
]);

describe('computeMaterialResults: other struck stages', () => {
  it('gives the peak of each other traded stage the events strike, per run the largest outside the foreign region, upstream first', () => {
    const result = computeMaterialResults('ndpr', context(['manufacturing', 'processing', 'endUse', 'mining']), new Map(), replicates);
    expect(result.otherStagePeaks.map((p) => p.stage)).toEqual(['mining', 'manufacturing']);
    // Per run max(US, ALLIES): 4.5, 5, 4.5, 5 → mean 4.75, never China's 9.
    expect(result.otherStagePeaks[1].peak.mean).toBeCloseTo(4.75, 10);
    expect(result.otherStagePeaks[1].peak.max).toBe(5);
  });

  it('gives none when the events strike the quoted stage only, or no events are known', () => {
    expect(computeMaterialResults('ndpr', context(['processing']), new Map(), replicates).otherStagePeaks).toEqual([]);
    expect(computeMaterialResults('ndpr', { ...context([]), struckStages: undefined }, new Map(), replicates).otherStagePeaks).toEqual([]);
  });

  it('falls back on the home segment from summary.json without replicates.csv', () => {
    const summary: SummaryMetrics = new Map([['peakPriceMultiple.ndpr.manufacturing.US', summarizeValues([4, 5, 4, 5])]]) as unknown as SummaryMetrics;
    const [magnets] = computeMaterialResults('ndpr', context(['processing', 'manufacturing']), summary, undefined).otherStagePeaks;
    expect(magnets.stage).toBe('manufacturing');
    expect(magnets.peak.mean).toBe(4.5);
  });
});
