import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import { createConcentrationLookup } from '../../src/report/createConcentrationLookup.ts';
import type { Comparison, ComparisonEntry } from '../../src/report/readComparisonJson.ts';
import type { ReplicateValues } from '../../src/report/readReplicatesCsv.ts';
import type { EventOverview, ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import { type ComparedStrategies, renderComparisonSection } from '../../src/report/renderComparisonSection.ts';
import { renderSpilloversCompared } from '../../src/report/renderSpilloversCompared.ts';

// Audit finding M2: a paired difference whose 95% CI excludes 0 but whose mean a handful of runs carry is not called "clearly".
const charts: ChartCollector = { add: async (_name: string, _spec: TopLevelSpec) => '', finish: async () => [] };
const event = (id: string, material: string): EventOverview => ({ id, kind: 'stockpile', start: 0.5, end: NaN, announced: NaN, fields: { kind: 'stockpile', material } });
const overview = (events: EventOverview[]): ScenarioOverview => ({
  name: 'quota', description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }, { id: 'CN', name: 'China', alignment: 'adversary' }, { id: 'ALLIES', name: 'Allies', alignment: 'ally' }],
  materials: [{ id: 'ndpr', name: 'NdPr oxide' }, { id: 'dy', name: 'Dysprosium oxide' }] as ScenarioOverview['materials'],
  events, threat: [], document: {},
});
const name = (id: string): string => ({ ndpr: 'NdPr oxide', dy: 'Dysprosium oxide' })[id] ?? id;
const text = (html: string): string => html.replace(/<\/t[dh]>/g, ' | ').replace(/<[^>]+>/g, ' ').replace(/&#39;|&apos;/g, '\'').replace(/\s+/g, ' ');

/** 30 paired runs per metric: the reference's values and the alternative's differences from them. */
const runs = {
  // 26 runs unchanged, 4 runs +420 t: mean +56 t, carried by 2 of 30 runs (2 × 420 = half of Σ|d| = 1,680).
  'cumulativeConsumption.ndpr.endUse.CN': [...Array(26).fill(0), 420, 420, 420, 420],
  // Every run gains 20 to 30 t: a broad gain, clearly more.
  'cumulativeConsumption.dy.endUse.ALLIES': Array.from({ length: 30 }, (_, i) => 20 + (i % 11)),
  // Home: every run 2 weeks shorter (clear); unmet demand 2 t lower in 26 runs and 300 t in 4: mean −41.7 t, half of
  // Σ|d| = 1,252 is reached by 3 runs (900 t), so from a few runs.
  'shortfallWeeks.ndpr.endUse.US': Array(30).fill(-2),
  'cumulativeShortfall.ndpr.endUse.US': [...Array(26).fill(-2), -300, -300, -300, -300],
} as const;
const reference = 1000;
const arms = new Map<string, ReplicateValues>([
  ['threat', new Map(Object.keys(runs).map((id) => [id, Array(30).fill(reference)]))],
  ['stockpile-file', new Map(Object.entries(runs).map(([id, d]) => [id, d.map((x) => reference + x)]))],
]);
/** An entry as comparison.json states it, its mean and a t-like interval from the runs above. */
const entryOf = (metric: keyof typeof runs, direction: 'lower' | 'higher', unit = 't'): ComparisonEntry => {
  const d = runs[metric];
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1));
  const half = 2.045 * sd / Math.sqrt(d.length) || 0.01;
  const better = d.filter((x) => (direction === 'lower' ? x < 0 : x > 0)).length / d.length;
  const worse = d.filter((x) => (direction === 'lower' ? x > 0 : x < 0)).length / d.length;
  return { alternative: 'stockpile', metric, meanA: reference, meanB: reference + mean, meanDifference: mean, ciLow: mean - half, ciHigh: mean + half, pBetter: better, pWorse: worse, n: 30, unit, direction };
};
const comparison: Comparison = {
  reference: 'threat', alternatives: ['stockpile'], costEffectiveness: new Map(),
  entries: [entryOf('cumulativeConsumption.ndpr.endUse.CN', 'higher'), entryOf('cumulativeConsumption.dy.endUse.ALLIES', 'higher'),
    entryOf('shortfallWeeks.ndpr.endUse.US', 'lower', 'weeks'), entryOf('cumulativeShortfall.ndpr.endUse.US', 'lower')],
};
// The display label differs from the arm's file label, as after applyStrategyTitles.
const strategies: ComparedStrategies = { reference: { label: 'threat', overview: overview([event('q', 'ndpr')]) }, alternatives: [{ label: 'stockpile', file: 'stockpile-file', overview: overview([event('usNdpr', 'ndpr'), event('usDy', 'dy')]) }] };
const concentrationOf = createConcentrationLookup(arms, strategies);

describe('concentrated paired differences in the compare report', () => {
  it('the input is what the audit saw: each CI excludes 0', () => {
    expect(comparison.entries.every((e) => e.ciLow > 0 || e.ciHigh < 0)).toBe(true);
    expect(concentrationOf(comparison.entries[0])).toEqual({ runs: 30, carriedBy: 2, concentrated: true });
    expect(concentrationOf(comparison.entries[1])?.concentrated).toBe(false);
  });

  it('spillovers: a gain a few runs carry is said with its figure and runs, not as "clearly receive more"', () => {
    const html = text(renderSpilloversCompared(comparison, strategies, name, concentrationOf));
    expect(html).toContain('they clearly receive more in the allies: Dysprosium oxide; from a few runs: more in China: NdPr oxide (+56.0 t (+');
    expect(html).toContain(', half or more of it from 2 of 30 runs) (95% CIs of the differences excluding 0; “from a few runs”: half or more of the difference comes from 15% of the runs or fewer (or 2), so it is not called clear).');
    expect(html).not.toContain('clearly receive more in China');
    // Without the lookup (a folder without replicates.csv) the old reading stands.
    expect(text(renderSpilloversCompared(comparison, strategies, name))).toContain('they clearly receive more in China: NdPr oxide; the allies: Dysprosium oxide (95% CIs of the differences excluding 0).');
  });

  it('comparison section: a few runs\' gain leaves "Clearly better" for its own line, and the paired-runs column says how few', async () => {
    const html = text(await renderComparisonSection(comparison, strategies, name, charts, concentrationOf));
    expect(html).toContain('Clearly better (the 95% CI of the difference excludes 0): NdPr oxide: weeks short.');
    expect(html).toMatch(/Better, from a few runs \(the 95% CI excludes 0, but half or more of the difference comes from 15% of the runs or fewer\): NdPr oxide: unmet demand \(−41\.7 t \([^)]*\), half or more of it from 3 of 30 runs\)\./);
    expect(html).toContain('better in 100% of runs; half or more of the difference from 3 of 30 runs |');
    expect(html).not.toMatch(/Clearly better[^.]*unmet demand/);
    const before = text(await renderComparisonSection(comparison, strategies, name, charts));
    expect(before).toContain('Clearly better (the 95% CI of the difference excludes 0): NdPr oxide: weeks short; NdPr oxide: unmet demand.');
  });

  it('judges nothing when the runs do not match the entry (another mean or count): the CI alone decides, as before', () => {
    const other = { ...comparison.entries[0], meanDifference: 57 };
    expect(concentrationOf(other)).toBeUndefined();
    expect(concentrationOf({ ...comparison.entries[0], n: 40 })).toBeUndefined();
    expect(createConcentrationLookup(new Map(), strategies)(comparison.entries[0])).toBeUndefined();
  });
});
