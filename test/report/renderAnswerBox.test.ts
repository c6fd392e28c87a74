import { describe, expect, it } from 'vitest';
import type { RunContext } from '../../src/report/deriveRunContext.ts';
import type { ImpactReading, PairedImpact } from '../../src/report/readImpactJson.ts';
import type { ReplicateValues } from '../../src/report/readReplicatesCsv.ts';
import { renderAnswerBox } from '../../src/report/renderAnswerBox.ts';
import { renderFindingsSection } from '../../src/report/renderFindingsSection.ts';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';

const RUNS = 40;
const context: RunContext = {
  home: 'US', homeName: 'United States', foreign: 'CN', foreignName: 'China', regions: ['US', 'ALLIES', 'CN'],
  materials: [
    { id: 'ndpr', name: 'NdPr oxide', priceUnit: 'USD/kg', homeDemand: 8000, priceStage: 'processing', hasEvents: true },
    { id: 'li', name: 'Lithium (Li content)', priceUnit: 'USD/t', homeDemand: 20000, priceStage: 'processing', hasEvents: false },
  ],
};
const constant = (value: number): number[] => Array.from({ length: RUNS }, () => value);
/** Per-run values as replicates.csv holds them: NdPr is never short, its refined price peaks near 2.2× outside China; lithium is short in one run. */
const replicates: ReplicateValues = new Map([
  ['shortfallWeeks.ndpr.endUse.US', constant(0)],
  ['cumulativeShortfall.ndpr.endUse.US', constant(0)],
  ['peakPriceMultiple.ndpr.processing.US', Array.from({ length: RUNS }, (_, r) => 2.1 + (r % 5) * 0.05)],
  ['peakPriceMultiple.ndpr.processing.ALLIES', constant(1.5)],
  ['shortfallWeeks.li.endUse.US', constant(0).map((_, r) => (r === 7 ? 3 : 0))],
  ['cumulativeShortfall.li.endUse.US', constant(0).map((_, r) => (r === 7 ? 522 : 0))],
  ['peakPriceMultiple.li.processing.US', constant(2.38)],
]);
const paired = (mean: number, ciLow: number, ciHigh: number, meanWithout: number): PairedImpact => ({ unit: 't', n: 30, meanWith: meanWithout + mean, meanWithout, mean, ciLow, ciHigh });
const impact: ImpactReading = {
  replicates: 30, runReplicates: RUNS, replicateCap: 30, stages: new Map(), disruptiveEvents: ['cnQuotaNdpr'],
  byMaterial: new Map([['ndpr', { homeConsumption: paired(-8050, -9040, -7070, 100_600) }]]),
};
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
const noCharts: ChartCollector = { add: async () => '', finish: async () => [] };

describe('renderAnswerBox', () => {
  it('sums up Key results in one plain line per headline material, each number with its 95% CI, from the same figures', async () => {
    const box = renderAnswerBox(context, new Map(), replicates, impact);
    expect(box).toContain('<div class="answer" id="answer"');
    expect(box).toContain('<a href="#results">Key results</a>');
    const lines = [...box.matchAll(/<li>(.*?)<\/li>/g)].map((m) => text(m[1]));
    // Only the material with events leads (as in Key results); lithium, touched by no event, does not.
    expect(lines).toEqual([
      'NdPr oxide: end users in the United States are short in none of the 40 runs; they receive 8,050 t (8%) less than without the disruptions (95% CI 7,070 t to 9,040 t); ' +
      'the refined price outside China peaks at 2.2× its starting price on average (95% CI 2.18× to 2.22×).',
    ]);
    // The same figures as Key results.
    const findings = text(await renderFindingsSection(context, new Map(), replicates, noCharts, impact));
    expect(findings).toContain('−8,050 t (95% CI −9,040 t to −7,070 t), 8% less than without them');
    expect(findings).toContain('2.2× the starting price (95% CI 2.18× to 2.22×)');
  });

  it('adds what the disruptions add to the peak in their window, when its CI excludes 0', () => {
    const rise = { ...paired(0.93, 0.84, 1.02, 1.28), unit: 'x base' };
    const withRise: ImpactReading = { ...impact, byMaterial: new Map([['ndpr', { homeConsumption: paired(-8050, -9040, -7070, 100_600), disruptionPeakPrice: rise }]]) };
    expect(text(renderAnswerBox(context, new Map(), replicates, withRise))).toContain(
      'peaks at 2.2× its starting price on average (95% CI 2.18× to 2.22×), 0.93× above what it reaches in the same months without the disruptions (95% CI 0.84× to 1.02×).');
    const unclear: ImpactReading = { ...impact, byMaterial: new Map([['ndpr', { disruptionPeakPrice: { ...rise, ciLow: -0.1 } }]]) };
    expect(text(renderAnswerBox(context, new Map(), replicates, unclear))).not.toContain('above what it reaches');
  });

  it('says how many runs are short and what goes unmet when a shortage happens, and is empty without runs', () => {
    const box = text(renderAnswerBox({ ...context, materials: context.materials.map((m) => ({ ...m, hasEvents: false })) }, new Map(), replicates, undefined));
    // Without events the longest home shortages lead: lithium's one run in 40.
    expect(box).toContain('Lithium (Li content): end users in the United States are short in 1 of 40 runs, going without 13.1 t on average (95% CI 0 t to 39.4 t);');
    expect(renderAnswerBox(context, new Map(), undefined, undefined)).toBe('');
  });
});
