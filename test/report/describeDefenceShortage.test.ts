import { describe, expect, it } from 'vitest';
import { describeDefenceShortage, measureDefenceShortage } from '../../src/report/describeDefenceShortage.ts';
import { describeDefenceShortageChange, describeShortage } from '../../src/report/compareAnswerLines.ts';
import type { ComparisonEntry } from '../../src/report/readComparisonJson.ts';
import type { RunContext } from '../../src/report/deriveRunContext.ts';
import type { ReplicateValues } from '../../src/report/readReplicatesCsv.ts';
import type { MetricSummary, SummaryMetrics } from '../../src/report/readSummaryJson.ts';
import { renderAnswerBox } from '../../src/report/renderAnswerBox.ts';
import { percentileWeeksText } from '../../src/report/describeMaterialResult.ts';
import { renderFindingsSection } from '../../src/report/renderFindingsSection.ts';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';

const RUNS = 20;
/** Gallium: defence buyers short for 4 weeks in 16 of 20 runs, 0.1 t unmet in each, 80% of their demand in their worst week. */
const galliumDefence = (): ReplicateValues => new Map<string, number[]>([
  ['publicShortfallWeeks.gallium.endUse.US', Array.from({ length: RUNS }, (_, r) => (r < 16 ? 4 : 0))],
  ['cumulativePublicShortfall.gallium.endUse.US', Array.from({ length: RUNS }, (_, r) => (r < 16 ? 0.1 : 0))],
  ['maxPublicShortfallShare.gallium.endUse.US', Array.from({ length: RUNS }, (_, r) => (r < 16 ? 0.8 : 0))],
]);
const zeros = (): number[] => Array.from({ length: RUNS }, () => 0);

describe('measureDefenceShortage and describeDefenceShortage', () => {
  it('counts the runs in which defence buyers are short and says how short, from replicates.csv', () => {
    const shortage = measureDefenceShortage('gallium', 'US', new Map(), galliumDefence())!;
    expect(shortage.runsShort).toBe(16);
    expect(describeDefenceShortage(shortage)).toBe('defence buyers (public end users) are short in 16 of 20 runs (median 4 weeks), going without a mean 80.0 kg (95% CI 60.8 kg to 99.2 kg), at worst 80% of their demand in a week (median across runs)');
  });

  it('gives the median weeks in whole weeks: runs count whole weeks, the median of an even count interpolates (user audit, session 32: "12.5 weeks")', () => {
    // 20 runs: 10 short for 7 weeks, 10 for 8: the interpolated median is 7.5, no run's length.
    const split = new Map<string, number[]>([...galliumDefence()].map(([id, v]) => [id, id.startsWith('publicShortfallWeeks') ? v.map((_, r) => (r < 10 ? 7 : 8)) : v]));
    const text = describeDefenceShortage(measureDefenceShortage('gallium', 'US', new Map(), split)!);
    expect(text).toContain('(median 8 weeks)');
    expect(text).not.toMatch(/\d\.\d weeks/);
    expect(percentileWeeksText(12.5)).toBe('13 weeks');
    expect(percentileWeeksText(0.6)).toBe('1 week');
  });

  it('says "in none of the runs" when no run is short, from summary.json alone too', () => {
    const none: SummaryMetrics = new Map(['publicShortfallWeeks', 'cumulativePublicShortfall', 'maxPublicShortfallShare']
      .map((metric) => [`${metric}.ndpr.endUse.US`, { unit: 't', n: RUNS, mean: 0, ciLow: 0, ciHigh: 0, p50: 0, max: 0 } as MetricSummary]));
    expect(describeDefenceShortage(measureDefenceShortage('ndpr', 'US', none)!, 'Defence buyers in the United States')).toBe('Defence buyers in the United States are short in none of the 20 runs');
  });

  it('reads nothing from a folder written before the metrics', () => {
    expect(measureDefenceShortage('gallium', 'US', new Map(), new Map())).toBeUndefined();
  });
});

const context: RunContext = {
  home: 'US', homeName: 'United States', foreign: 'CN', foreignName: 'China', regions: ['US', 'CN'],
  materials: [{ id: 'gallium', name: 'Gallium', priceUnit: 'USD/kg', homeDemand: 20, priceStage: 'processing', hasEvents: true }],
};
const endUsers = (): ReplicateValues => new Map([
  ['shortfallWeeks.gallium.endUse.US', Array.from({ length: RUNS }, () => 5)],
  ['cumulativeShortfall.gallium.endUse.US', Array.from({ length: RUNS }, () => 0.6)],
  ['peakPriceMultiple.gallium.processing.US', Array.from({ length: RUNS }, () => 6.9)],
]);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
const noCharts: ChartCollector = { add: async () => '', finish: async () => [] };

describe('the run report says how short defence buyers are', () => {
  it('in the answer box\'s "How short" line, after the end users\' figures', () => {
    const box = text(renderAnswerBox(context, new Map(), new Map([...endUsers(), ...galliumDefence()]), undefined));
    expect(box).toContain('How short: End users in the United States are short for a median 5 weeks (mean 5), going without a mean 600 kg (95% CI 600 to 600 kg), 3% of a year’s demand. Their defence buyers are short in 16 of 20 runs (median 4 weeks), 80.0 kg unmet on average.');
    const none = new Map([...endUsers(), ...['publicShortfallWeeks', 'cumulativePublicShortfall', 'maxPublicShortfallShare'].map((m) => [`${m}.gallium.endUse.US`, zeros()] as [string, number[]])]);
    expect(text(renderAnswerBox(context, new Map(), none, undefined))).toContain('. Their defence buyers are short in no run.');
    // Neither the end users nor their defence buyers short in any run: one clause says both.
    const calm = new Map([...endUsers(), ['shortfallWeeks.gallium.endUse.US', zeros()], ['cumulativeShortfall.gallium.endUse.US', zeros()], ...['publicShortfallWeeks', 'cumulativePublicShortfall', 'maxPublicShortfallShare'].map((m) => [`${m}.gallium.endUse.US`, zeros()] as [string, number[]])]);
    expect(text(renderAnswerBox(context, new Map(), calm, undefined))).toContain('How short: End users in the United States, defence buyers among them, are short (demand unmet at the going price) in none of the 20 runs: higher prices ration what they buy instead');
    // A folder from before the metrics: the line as it was.
    expect(text(renderAnswerBox(context, new Map(), endUsers(), undefined))).not.toContain('defence');
  });

  it('in Key results, with the threshold of a short week', async () => {
    const findings = text(await renderFindingsSection(context, new Map(), new Map([...endUsers(), ...galliumDefence()]), noCharts));
    expect(findings).toContain('Defence buyers (public end users) in the United States are short in 16 of 20 runs (median 4 weeks), going without a mean 80.0 kg');
    expect(findings).toContain('(median across runs); a week counts as short when more than 1% of their demand goes unmet.');
    expect(text(await renderFindingsSection(context, new Map(), endUsers(), noCharts))).not.toContain('Defence');
  });
});

describe('describeDefenceShortageChange (compare answer box)', () => {
  const entry = (metric: string, meanA: number, meanB: number, unit: string): ComparisonEntry => ({
    alternative: 'stockpile', metric, meanA, meanB, meanDifference: meanB - meanA, ciLow: meanB - meanA - 0.01, ciHigh: meanB - meanA + 0.01, pBetter: 0.5, pWorse: 0, n: RUNS, unit, direction: 'lower',
  });
  const entries = new Map([
    entry('publicShortfallWeeks.gallium.endUse.US', 3.9, 0.5, 'weeks'), entry('cumulativePublicShortfall.gallium.endUse.US', 0.116, 0.02, 't'),
    entry('publicShortfallWeeks.ndpr.endUse.US', 0, 0, 'weeks'), entry('cumulativePublicShortfall.ndpr.endUse.US', 0, 0, 't'),
  ].map((e) => [e.metric, e]));
  const name = (id: string) => ({ gallium: 'Gallium', ndpr: 'NdPr oxide' })[id] ?? id;

  it('gives each material\'s levels and paired difference, and names together those short in no run, in plain words: neither the reference nor the alternative (audit 16: "arm" is jargon)', () => {
    const line = describeDefenceShortageChange(['gallium', 'ndpr'], (m) => entries.get(m), 'US', 'United States', new Map(), name);
    // Means over the runs, said once; both levels of a pair with the larger's decimals (3.90, not 3.9, beside 0.50).
    expect(line).toMatch(/^ Defence buyers \(public end users\) in the United States, means over the runs: Gallium: weeks short 3\.90 → 0\.50 weeks \(.*\), unmet demand 116 → 20 kg \(.*\); short in no run, in neither the reference nor the alternative: NdPr oxide\.$/);
    // Only the materials short in no run: no levels, so no "means".
    expect(describeDefenceShortageChange(['ndpr'], (m) => entries.get(m), 'US', 'United States', new Map(), name)).toBe(' Defence buyers (public end users) in the United States: short in no run, in neither the reference nor the alternative: NdPr oxide.');
  });

  it('reads as the end users\' line does, and is empty for arms written before the metrics', () => {
    expect(describeShortage(['gallium'], () => undefined, 'US', 'United States', new Map(), name)).toBe('');
    expect(describeDefenceShortageChange(['gallium'], () => undefined, 'US', 'United States', new Map(), name)).toBe('');
  });
});
