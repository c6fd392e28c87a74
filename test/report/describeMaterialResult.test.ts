import { describe, expect, it } from 'vitest';
import { computeMaterialResults } from '../../src/report/computeMaterialResults.ts';
import { describeMaterialResult, inSentence, weeksText } from '../../src/report/describeMaterialResult.ts';
import type { ReplicateValues } from '../../src/report/readReplicatesCsv.ts';

const context = { home: 'US', foreign: 'CN', regions: ['US', 'CN', 'ALLIES'], priceStage: () => 'processing' };
const names = { materialName: 'NdPr oxide', homeName: 'the United States', foreignName: 'China', product: 'refined', homeDemandTonnesPerYear: 8000, peakIsHomeSegment: false };

function replicates(weeks: number[]): ReplicateValues {
  const n = weeks.length;
  return new Map([
    ['shortfallWeeks.ndpr.endUse.US', weeks],
    ['cumulativeShortfall.ndpr.endUse.US', weeks.map((w) => w * 100)],
    ['maxShortfallShare.ndpr.endUse.US', weeks.map(() => 0.5)],
    ['timeToRecoveryWeeks.ndpr.endUse.US', weeks.map((w) => (w > 0 ? w + 10 : NaN))],
    ['peakPriceMultiple.ndpr.processing.US', Array.from({ length: n }, (_, i) => 2 + i)],
    ['peakPriceMultiple.ndpr.processing.ALLIES', Array.from({ length: n }, (_, i) => 3 + i)],
    ['peakPriceMultiple.ndpr.processing.CN', Array.from({ length: n }, () => 100)],
  ]);
}

describe('computeMaterialResults and describeMaterialResult', () => {
  it('states the weeks short reached by 90% of runs and the peak outside the foreign region', () => {
    const weeks = [10, 12, 14, 16, 18, 20, 22, 24, 26, 28];
    const result = computeMaterialResults('ndpr', context, new Map(), replicates(weeks));
    expect(result.weeksShortIn90).toBe(12);
    expect(result.runsShort).toBe(10);
    expect(result.peakOutside.max).toBe(3 + 9);
    const sentences = describeMaterialResult(result, names);
    expect(sentences[0]).toBe('In 90% of runs, end users in the United States are short of NdPr oxide (more than 1% of their weekly demand unmet) for at least 12 weeks (median 19 weeks; from 10 runs).');
    expect(sentences[1]).toMatch(/^Highest refined NdPr oxide price outside China over the whole run, whatever the cause \(all 10 runs\): 7\.50× the starting price on average \(95% CI [\d.]+× to [\d.]+×\)\.$/);
    expect(sentences[2]).toMatch(/go without 1,900 t of NdPr oxide on average .* about 24% of one year's demand/);
  });

  it('writes the mean unmet demand and its CI in one mass unit when they straddle 1 t', () => {
    const values = replicates([1, 2, 3, 4, 5, 6]);
    values.set('cumulativeShortfall.ndpr.endUse.US', [0.5, 0.7, 0.9, 1.1, 1.3, 0.9]);
    const text = describeMaterialResult(computeMaterialResults('ndpr', context, new Map(), values), names)[2];
    expect(text).toMatch(/go without 0\.900 t of NdPr oxide on average \(95% CI 0\.\d{3} t to 1\.\d{3} t\)/);
    expect(text).not.toContain('kg');
  });

  it('counts runs instead when fewer than 90% are short, and says so when none is', () => {
    const some = describeMaterialResult(computeMaterialResults('ndpr', context, new Map(), replicates([0, 0, 0, 5, 6, 0, 0, 0, 0, 0])), names);
    expect(some[0]).toMatch(/^In 2 of 10 runs, end users in the United States are short of NdPr oxide \(more than 1% of their weekly demand unmet\) for at least one week/);
    const none = describeMaterialResult(computeMaterialResults('ndpr', context, new Map(), replicates([0, 0, 0, 0])), names);
    expect(none[0]).toBe('In none of the 4 runs are end users in the United States short of NdPr oxide (more than 1% of their weekly demand unmet) in any week.');
    expect(none.some((s) => s.includes('go without'))).toBe(false);
    // Large runs group thousands on both sides, as the tables do.
    const many = Array.from({ length: 10_000 }, (_, i) => (i < 1_234 ? 3 : 0));
    expect(describeMaterialResult(computeMaterialResults('ndpr', context, new Map(), replicates(many)), names)[0]).toMatch(/^In 1,234 of 10,000 runs, /);
  });

  it('gives 90% ranges only from 20 runs on, in words a sentence can hold', () => {
    const weeks = Array.from({ length: 20 }, (_, i) => (i < 18 ? 0 : 1));
    const result = computeMaterialResults('ndpr', context, new Map(), replicates(weeks));
    const sentences = describeMaterialResult(result, { ...names, materialName: 'Dysprosium oxide', homeDemandTonnesPerYear: 1e6 });
    expect(sentences[0]).toBe('In 2 of 20 runs, end users in the United States are short of dysprosium oxide (more than 1% of their weekly demand unmet) for at least one week (median 0 weeks; 90% of runs between 0 and 1 week).');
    expect(sentences[1]).toMatch(/90% of runs peak between [\d.]+× and [\d.]+×\.$/);
    expect(sentences.find((s) => s.startsWith('In runs with a shortage'))).toMatch(/is 11 weeks \(from 2 runs\)\.$/);
    expect(sentences.join(' ')).not.toMatch(/\b1 weeks\b|NaN|undefined/);
    expect([inSentence('NdPr oxide'), inSentence('Lithium (Li content)'), inSentence('Natural graphite')]).toEqual(['NdPr oxide', 'lithium (Li content)', 'natural graphite']);
    expect([weeksText(1), weeksText(0), weeksText(2.5)]).toEqual(['1 week', '0 weeks', '2.5 weeks']);
  });

  it('speaks of one run in the singular, says "less than 1%" rather than "about <1%", and rounds every worst week under 1% alike', () => {
    const one = describeMaterialResult(computeMaterialResults('ndpr', context, new Map(), replicates([4])), { ...names, homeDemandTonnesPerYear: 1e6 });
    const text = one.join(' ');
    expect(text).not.toMatch(/\b1 runs\b|about <1%/);
    expect(text).toContain('from 1 run');
    expect(text).toContain("less than 1% of one year's demand");
    expect(describeMaterialResult(computeMaterialResults('ndpr', context, new Map(), replicates([0])), names)[0]).toMatch(/^In the one run, end users in the United States are not short of NdPr oxide/);
    const worst = (share: number): string => {
      const values = replicates([4, 5]);
      values.set('maxShortfallShare.ndpr.endUse.US', [share, share]);
      return describeMaterialResult(computeMaterialResults('ndpr', context, new Map(), values), names).find((s) => s.includes('worst week')) ?? '';
    };
    // 0.67% and 0.3% both under 1%: neither may read larger than the other.
    expect(worst(0.0067)).toContain('worst week leaves <1% of demand unmet');
    expect(worst(0.003)).toContain('worst week leaves <1% of demand unmet');
  });
});
