import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import { describeElectionRule } from '../../src/report/describeElectionRule.ts';
import type { ReplicateValues } from '../../src/report/readReplicatesCsv.ts';
import type { EventOverview, ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import { seriesKey, type SeriesFan } from '../../src/report/readSeriesCsv.ts';
import type { MetricSummary, SummaryMetrics } from '../../src/report/readSummaryJson.ts';
import { renderPolicyReversals } from '../../src/report/renderPolicyReversals.ts';

/** A collector that keeps the chart names and specs instead of rendering. */
function collector(): ChartCollector & { names: string[]; specs: TopLevelSpec[]; captions: string[] } {
  const names: string[] = [];
  const specs: TopLevelSpec[] = [];
  const captions: string[] = [];
  return { names, specs, captions, add: async (name: string, spec: TopLevelSpec, options?: { caption?: string }) => { names.push(name); specs.push(spec); captions.push(options?.caption ?? ''); return '<figure></figure>'; }, finish: async () => [] };
}

const event = (id: string, fields: Record<string, unknown>, end = NaN): EventOverview => ({ id, kind: String(fields.kind), start: 0.5, end, announced: NaN, fields });
const overview = (reversalProbability: unknown, years = 10, events: EventOverview[] = []): ScenarioOverview => ({
  name: 'subsidies', description: '', startYear: 2025, years, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }],
  materials: [{ id: 'ndpr', name: 'NdPr oxide' }] as ScenarioOverview['materials'], events, threat: [],
  document: { government: { region: 'US', electionEveryYears: 4, reversalProbability } },
});
const stat = (values: number[]): MetricSummary => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { n: values.length, mean, ciLow: NaN, ciHigh: NaN, p5: 0, p25: 0, p50: 0, p75: 0, p95: 0, min: Math.min(...values), max: Math.max(...values), p5CiLow: NaN, p5CiHigh: NaN, p50CiLow: NaN, p50CiHigh: NaN, p95CiLow: NaN, p95CiHigh: NaN, unit: 'share' };
};
/** A weekly 0/1 series' means over ten years: `at(year)` gives the share of runs at a calendar year. */
const fan = (metric: string, material: string, stage: string, region: string, at: (year: number) => number): SeriesFan => {
  const year = Array.from({ length: 520 }, (_, t) => 2025 + t / 52);
  const mean = year.map(at);
  return { metric, material, stage, region, year, mean, p5: mean, p25: mean, p50: mean, p75: mean, p95: mean };
};
const text = (html: string) => html.replace(/<\/t[dh]>/g, ' | ').replace(/<[^>]+>/g, ' ').replace(/&#39;|&apos;/g, '\'').replace(/\s+/g, ' ');

describe('describeElectionRule', () => {
  it('lists the elections inside the run and the investors\' discount (1 − p)^(8/4) over a drawn p\'s bounds', () => {
    const rule = describeElectionRule(overview({ dist: 'uniform', min: 0.15, max: 0.45 }));
    expect(rule.elections).toEqual([2029, 2033]);
    const words = rule.text('the United States');
    expect(words).toContain('The United States holds an election every 4 years (Jan 2029, Jan 2033 within this run)');
    expect(words).toContain('p = 15%–45% (drawn once per run, uniform)');
    // 0.55² = 0.30, 0.85² = 0.72.
    expect(words).toContain('at (1 − p)² of its value, 30%–72% here');
  });

  it('a fixed p gives one discount; an election at the horizon is outside the run; no rule says so', () => {
    const rule = describeElectionRule(overview(0.3, 8));
    expect(rule.elections).toEqual([2029]);
    expect(rule.text('the United States')).toContain('p = 30%;');
    expect(rule.text('the United States')).toContain('49% here');
    // An interval that does not divide the payback: the fraction, not a superscript.
    const odd = describeElectionRule({ ...overview(0.3), document: { government: { electionEveryYears: 3, reversalProbability: 0.3 } } });
    expect(odd.text('the United States')).toContain('(1 − p)^(8/3)');
    expect(describeElectionRule(undefined).text('the home region')).toBe('The scenario does not record the home region\'s election rule.');
  });

  it('places the elections at the engine\'s ticks: every round(3.3 × 52) = 172 weeks, the third at week 516 of 520', () => {
    const rule = describeElectionRule({ ...overview(0.3), document: { government: { electionEveryYears: 3.3, reversalProbability: 0.3 } } });
    expect(rule.elections).toEqual([172, 344, 516].map((tick) => 2025 + tick / 52));
  });
});

describe('renderPolicyReversals', () => {
  const events = [event('usCapex', { kind: 'subsidy', region: 'US', material: 'ndpr', stage: 'processing', mode: 'capex', capexShare: 0.3 }), event('usWorkforce', { kind: 'workforceProgramme', region: 'US' }, 3)];
  const summary: SummaryMetrics = new Map([
    ['policyCost.US', stat([0])],
    ['policyReversed.ndpr.processing.usCapex', stat([1, 1, 1, 1, 0, 0, 0, 0, 0, 0])],
    ['policyReversed.usWorkforce', stat([0, 0, 0, 0, 0, 0, 0, 0, 0, 1])],
  ]);
  const replicates: ReplicateValues = new Map([
    ['policyReversed.ndpr.processing.usCapex', [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]],
    ['policyReversed.usWorkforce', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]],
  ]);
  const fans = new Map([
    // A later rise (at 2029.3) must not count as the 2029 election's: each election reads the first week at or after it.
    fan('policyReversed', 'ndpr', 'processing', 'usCapex', (y) => (y >= 2033 ? 0.4 : y >= 2029.3 ? 0.3 : y >= 2029 ? 0.2 : 0)),
    fan('policyInForce', 'ndpr', 'processing', 'usCapex', (y) => (y >= 2033 ? 0.6 : y >= 2029 ? 0.8 : y >= 2025.5 ? 1 : 0)),
    fan('policyReversed', '', '', 'usWorkforce', (y) => (y >= 2029 ? 0.1 : 0)),
    fan('policyInForce', '', '', 'usWorkforce', (y) => (y >= 2025.5 && y < 2028 ? 1 : 0)),
  ].map((f) => [seriesKey(f), f]));

  it('gives per policy the share of runs reversed with a Wilson interval, the share by each election and in force at the end, and one chart', async () => {
    const charts = collector();
    const html = text(await renderPolicyReversals({ overview: overview({ dist: 'uniform', min: 0.15, max: 0.45 }, 10, events), summary, replicates, fans, charts }));
    // 4 of 10: Wilson 95% interval 0.168–0.687.
    expect(html).toContain('(usCapex) | Jul 2025 | 40% (17%–69%) | Jan 2029: 20%, Jan 2033: 40% | 60% |');
    // A policy without material or stage: its series are found by its id alone; it ended in 2028 as scheduled.
    expect(html).toContain('(usWorkforce) | Jul 2025 – Dec 2027 | 10% (2%–40%) | Jan 2029: 10%, Jan 2033: 10% | 0% |');
    // Runs 0–3 and 9: five of ten had a reversal of either policy.
    expect(html).toContain('At least one of the scenario\'s 2 reversible policies was reversed in 50% of the 10 runs.');
    const all = new Map([...replicates].map(([id, values]) => [id, values.map(() => 1)]));
    expect(text(await renderPolicyReversals({ overview: undefined, summary, replicates: all, fans: undefined, charts: collector() }))).toContain('reversed in every one of the 10 runs.');
    expect(charts.names).toEqual(['policies-in-force']);
    // The step falls a tick after the election's rule (policyInForce is 1 during the election's own tick): the caption says so, in the run's step.
    expect(charts.captions[0]).toContain('it shows one week after the election&#39;s rule because a reversal takes effect from the step after the election');
    const monthly = collector();
    await renderPolicyReversals({ overview: { ...overview({ dist: 'uniform', min: 0.15, max: 0.45 }, 10, events), ticksPerYear: 12 }, summary, replicates, fans, charts: monthly });
    expect(monthly.captions[0]).toContain('it shows one month after');
    const lines = (charts.specs[0] as unknown as { layer: Array<{ data: { values: Array<{ policy?: string }> } }> }).layer[1].data.values;
    // The legend names the policies in words, as the table and the rest of the report do, never by their event ids.
    const legend = [...new Set(lines.map((v) => v.policy))];
    expect(legend).toHaveLength(2);
    for (const label of legend) expect(html).toContain(`${label} (`);
    expect(legend.join(' ')).not.toMatch(/usCapex|usWorkforce/);
  });

  it('takes a policy\'s event id from summary.json\'s region field (ids may hold dots) and reads a stage-only key', async () => {
    const dotted: SummaryMetrics = new Map([
      ['policyReversed.sub', { ...stat([1, 0]), region: 'sub' }],
      ['policyReversed.us.sub', { ...stat([0, 0]), region: 'us.sub' }],
      ['policyReversed.processing.stageOnly', { ...stat([1, 1]), region: 'stageOnly' }],
    ]);
    const stageFan = new Map([fan('policyInForce', '', 'processing', 'stageOnly', () => 0.25)].map((f) => [seriesKey(f), f]));
    const html = text(await renderPolicyReversals({ overview: undefined, summary: dotted, replicates: undefined, fans: stageFan, charts: collector() }));
    expect(html).toContain('sub (sub) | n/a | 50% (');
    expect(html).toContain('us.sub (us.sub) | n/a | 0% (');
    // Found by its stage alone: in force at the end in a quarter of the runs.
    expect(html).toContain('stageOnly (stageOnly) | n/a | 100% (');
    expect(html).toMatch(/stageOnly \(stageOnly\) \| n\/a \| 100% \([^|]+\) \| n\/a \| 25% \|/);
  });

  it('is empty for a run without reversible policies, and reads n/a where series.csv or the scenario is missing', async () => {
    const charts = collector();
    expect(await renderPolicyReversals({ overview: overview(0.3), summary: new Map([['policyCost.US', stat([0])]]), replicates, fans, charts })).toBe('');
    const bare = text(await renderPolicyReversals({ overview: undefined, summary, replicates: undefined, fans: undefined, charts }));
    expect(bare).toContain('usCapex (usCapex) | n/a | 40% (17%–69%) | n/a | n/a |');
    expect(bare).not.toContain('At least one');
    expect(charts.names).toEqual([]);
  });
});
