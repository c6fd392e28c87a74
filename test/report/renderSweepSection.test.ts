import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import type { EventOverview, ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import type { SweepTable } from '../../src/report/readSweepCsv.ts';
import type { Tornado } from '../../src/report/readTornadoJson.ts';
import { renderSweepDifferenceTable } from '../../src/report/renderSweepDifferences.ts';
import { renderSweepSection } from '../../src/report/renderSweepSection.ts';
import { graphiteTornado } from './sweepReportFixtures.ts';

/** A collector that keeps the chart names instead of rendering. */
function collector(): ChartCollector & { names: string[] } {
  const names: string[] = [];
  return { names, add: async (name: string, _spec: TopLevelSpec) => { names.push(name); return ''; }, finish: async () => [] };
}

const event = (id: string, fields: Record<string, unknown>): EventOverview => ({ id, kind: String(fields.kind), start: 1, end: 2.5, announced: NaN, fields });
const overview = (events: EventOverview[]): ScenarioOverview => ({
  name: 'ga-quota', description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN', regions: [],
  materials: [{ id: 'ndpr', name: 'NdPr oxide' }, { id: 'gallium', name: 'Gallium' }] as ScenarioOverview['materials'], events, threat: [], document: {},
});
const name = (id: string): string => ({ ndpr: 'NdPr oxide', gallium: 'Gallium' })[id] ?? id;
const flat = (metric: string, value: number): Tornado => ({
  metric, unit: 't', base: value,
  entries: ['government.reversalProbability', 'materials.ndpr.demand.growthPerYear'].map((parameter) => ({ parameter, low: 0.1, high: 0.4, outputLow: value, outputHigh: value, swing: 0 })),
});
const galliumQuota = event('gaQuota', { kind: 'exportControl', material: 'gallium', stage: 'processing' });

describe('renderSweepSection: a tornado where nothing moves', () => {
  it('says plainly that no parameter moved the metric, draws no tornado, and names the materials the events act on', async () => {
    const charts = collector();
    const html = await renderSweepSection(undefined, [flat('cumulativeShortfall.ndpr.endUse.US', 0)], overview([galliumQuota]), name, charts);
    expect(html).toContain('no parameter moved this metric');
    expect(html).not.toContain('largest swing');
    expect(html).toContain('It is 0 t at the low and the high value of each of the 2 parameters');
    expect(html).toContain('act only on Gallium, not on NdPr oxide');
    expect(html).toContain('<code>--metric cumulativeShortfall.gallium.endUse.US</code>');
    expect(charts.names).toEqual([]);
  });

  it('gives no material hint when the metric is the events\' material or an event names none', async () => {
    for (const events of [[galliumQuota], [galliumQuota, event('disinfo', { kind: 'disinformation' })]]) {
      const metric = events.length === 1 ? 'cumulativeShortfall.gallium.endUse.US' : 'cumulativeShortfall.ndpr.endUse.US';
      const html = await renderSweepSection(undefined, [flat(metric, 3)], overview(events), name, collector());
      expect(html).toContain('no parameter moved this metric');
      expect(html).not.toContain('--metric');
    }
  });

  it('still names the largest swing when one parameter moves the metric', async () => {
    const tornado = flat('cumulativeShortfall.gallium.endUse.US', 2);
    tornado.entries.unshift({ parameter: 'events.gaQuota.quotaShare', low: 0.3, high: 0.7, outputLow: 5, outputHigh: 0, swing: 5 });
    const charts = collector();
    const html = await renderSweepSection(undefined, [tornado], overview([galliumQuota]), name, charts);
    expect(html).toContain('the largest swing comes from');
    expect(charts.names).toEqual(['tornado-1']);
  });
});

describe('renderSweepSection: values with units', () => {
  /** A collector that keeps the specs' data values as text. */
  function specs(): ChartCollector & { text: string[] } {
    const text: string[] = [];
    return { text, add: async (_name: string, spec: TopLevelSpec) => { text.push(JSON.stringify(spec)); return ''; }, finish: async () => [] };
  }

  it('labels grid values typed without a space (a folder of an older sweep) and tornado dates as people read them', async () => {
    const row = (point: number, days: string, share: string, mean: number) => ({
      point: String(point), parameters: { 'events.s.targetDays': days, 'events.s.maxBuyShare': share, 'events.s.budgetUsd': '200MUSD' }, metric: 'policyCost.US', mean, ciLow: mean, ciHigh: mean,
    });
    const sweep: SweepTable = { parameters: ['events.s.targetDays', 'events.s.maxBuyShare', 'events.s.budgetUsd'], rows: [row(0, '30days', '25%', 1), row(1, '60days', '25%', 2), row(2, '30days', '50%', 3), row(3, '60days', '50%', 4)] };
    const tornado: Tornado = { metric: 'policyCost.US', unit: 'USD', base: 2, entries: [{ parameter: 'events.q.end', low: 2.05, high: 2.95, outputLow: 1, outputHigh: 3, swing: 2 }] };
    const charts = specs();
    const html = await renderSweepSection(sweep, [tornado], overview([]), name, charts);
    expect(html).toContain('(Jan 2027 → Dec 2027)');
    expect(html).toContain('s: target days 30 days');
    expect(html).toContain('s: budget USD = 200 MUSD');
    expect(html).not.toMatch(/\d(days|MUSD)/);
    expect(charts.text.join()).toContain('"low Jan 2027"');
    expect(charts.text.join()).toContain('"x":"30 days"');
    expect(charts.text.join()).not.toMatch(/\d(days|MUSD)/);
  });

  it('gives the days of tornado ends in one month, rates with the time they are per, in the text and on the bars', async () => {
    const tornado: Tornado = {
      metric: 'policyCost.US', unit: 'USD', base: 2, entries: [
        { parameter: 'events.q.end', low: 2.005, high: 2.075, outputLow: 1, outputHigh: 3, swing: 2 },
        { parameter: 'behaviour.attritionPerYear', low: 0.05, high: 0.1, outputLow: 1.5, outputHigh: 2.5, swing: 1 },
      ],
    };
    const charts = specs();
    const html = await renderSweepSection(undefined, [tornado], overview([]), name, charts);
    expect(html).toContain('(2 Jan 2027 → 28 Jan 2027)');
    const spec = charts.text.join();
    for (const label of ['low 2 Jan 2027', 'high 28 Jan 2027', 'low 5%/yr', 'high 10%/yr']) expect(spec).toContain(`"${label}"`);
  });

  it('labels grid levels of event times in one month by their day, on the axis and in the text', async () => {
    const row = (point: number, end: number, mean: number) => ({ point: String(point), parameters: { 'events.q.end': end }, metric: 'policyCost.US', mean, ciLow: mean, ciHigh: mean });
    const sweep: SweepTable = { parameters: ['events.q.end'], rows: [row(0, 2.005, 1), row(1, 2.075, 2), row(2, 2.2, 3)] };
    const charts = specs();
    const html = await renderSweepSection(sweep, undefined, overview([]), name, charts);
    expect(html).toContain('at 2 Jan 2027; highest');
    expect(charts.text.join()).toContain('"x":"28 Jan 2027"');
    expect(charts.text.join()).toContain('"x":"13 Mar 2027"');
  });
});

describe('renderSweepSection: paired differences from the first point', () => {
  // Levels whose CIs all overlap, while every paired difference is clearly below 0 (the example of docs/statistics.md).
  const row = (point: number, probability: number, mean: number, difference?: number) => ({
    point: String(point), parameters: { 'government.reversalProbability': probability }, metric: 'cumulativeConsumption.ndpr.endUse.US', mean, ciLow: mean - 2500, ciHigh: mean + 2500,
    ...(difference === undefined ? {} : { vsFirstPoint: { meanDifference: difference, ciLow: difference - 60, ciHigh: difference + 60 } }),
  });
  const sweep: SweepTable = {
    parameters: ['government.reversalProbability'], units: { 'cumulativeConsumption.ndpr.endUse.US': 't' },
    // Point 3's difference (−20 t, CI −80 to +40 t) includes 0: not a clear one.
    rows: [row(0, 0, 705000), row(1, 0.3, 704000, -1200), row(2, 0.6, 703500, -1500), row(3, 0.9, 704980, -20)],
  };

  it('tabulates each point with its difference and CI, the first point as the reference, and says how many differ clearly', async () => {
    const charts = collector();
    const html = await renderSweepSection(sweep, undefined, overview([]), name, charts);
    expect(html).toContain('Δ: difference from the first point, paired run by run (same random draws) (95% CI)');
    expect(html).toMatch(/<td>0<\/td><td>[^<]*<\/td><td class="num">[^<]*<\/td><td class="num">reference<\/td>/);
    expect(html).toContain('−1,200 t (−1,260 to −1,140 t)');
    // The extremes' means with the digits their 1,500 t gap needs (three digits gave 704,000 and 705,000 t), intervals left to the table.
    // One swept parameter: its values alone (the chart's axis names it), not its long name twice in a line.
    expect(html).toContain('lowest mean 703,500 t at 60%; highest 705,000 t at 0% (with the digits their difference needs; each point&#39;s 95% CI is in sweep.csv and the table below)');
    expect(html).toContain('2 of 3 later points differ clearly');
    // The levels' overlap is no longer called chance when the paired differences say otherwise.
    expect(html).not.toContain('not clearly distinguishable from chance');
    expect(html).not.toContain('does not by itself mean the points are alike');
    expect(charts.names).toEqual(['sweep-cumulativeconsumption-ndpr-enduse-us', 'sweep-difference-cumulativeconsumption-ndpr-enduse-us']);
  });

  it('tabulates each step to the next value: paired from point 0, a conservative bound between later points', async () => {
    const counts = { 'cumulativeConsumption.ndpr.endUse.US': { 0: 40, 1: 40, 2: 40, 3: 40 } };
    const html = (await renderSweepSection({ ...sweep, counts }, undefined, overview([]), name, collector())).replace(/<[^>]+>/g, ' | ').replace(/\s+/g, ' ');
    expect(html).toContain('Each step to the next value.');
    // 30% → 60%: −1,500 − (−1,200) = −300 t, ± (60 + 60): −420 to −180 t, clear; 60% → 90%: +1,480 t ± 120.
    expect(html).toMatch(/0% \| \| 30% \| \| −1,200 t \(−1,260 to −1,140 t\) \| \| paired run by run \| \| yes/);
    expect(html).toMatch(/30% \| \| 60% \| \| −300 t \(−420 to −180 t\) \| \| conservative bound \| \| yes/);
    expect(html).toMatch(/60% \| \| 90% \| \| \+1,480 t \(\+1,360 to \+1,600 t\) \| \| conservative bound \| \| yes/);
    // Without each point's n (an older folder) the later steps are not bounded.
    const older = (await renderSweepSection(sweep, undefined, overview([]), name, collector())).replace(/<[^>]+>/g, ' | ').replace(/\s+/g, ' ');
    expect(older).toMatch(/30% \| \| 60% \| \| n\/a \| \| not known from these outputs/);
  });

  it('draws no difference chart or table for an older folder without differences', async () => {
    const charts = collector();
    const old: SweepTable = { ...sweep, rows: sweep.rows.map(({ vsFirstPoint: _, ...rest }) => rest) };
    const html = await renderSweepSection(old, undefined, overview([]), name, charts);
    expect(html).not.toContain('paired run by run');
    // Overlapping intervals are not presented as evidence that the points are alike (audit L7).
    expect(html).toContain('The 95% CIs of all grid points overlap, which does not by itself mean the points are alike: a real difference can be smaller than these intervals');
    expect(html).not.toContain('distinguishable from chance');
    expect(html).not.toContain('Each step to the next value');
    expect(charts.names).toHaveLength(1);
  });
});

describe('renderSweepSection: money and large numbers read as the tables write them', () => {
  const costRow = (point: number, probability: number, mean: number) => ({
    point: String(point), parameters: { 'government.reversalProbability': probability }, metric: 'policyCost.US', mean, ciLow: mean - 5e7, ciHigh: mean + 5e7,
  });
  const sweep: SweepTable = { parameters: ['government.reversalProbability'], units: { 'policyCost.US': 'USD' }, rows: [costRow(0, 0, 6.16e8), costRow(1, 0.6, 2.69e8)] };

  it('writes USD in millions in the sentence and gives the charts\' axes SI prefixes with B for billions', async () => {
    const specs: TopLevelSpec[] = [];
    const charts: ChartCollector = { add: async (_name: string, spec: TopLevelSpec) => { specs.push(spec); return ''; }, finish: async () => [] };
    const html = await renderSweepSection(sweep, undefined, overview([]), name, charts);
    expect(html).toContain('lowest mean USD 269 million (95% CI USD 219 million to USD 319 million)');
    expect(html).not.toContain('269,000,000');
    const axis = (specs[0] as unknown as { layer: Array<{ encoding: { y: { axis?: { format?: string; labelExpr?: string } } } }> }).layer[1].encoding.y.axis;
    expect(axis).toMatchObject({ format: '.2~s', labelExpr: "replace(datum.label, 'G', 'B')" });
  });
});

describe('renderSweepSection: the tornado headline and caption', () => {
  /** A collector that keeps each chart's caption. */
  function captions(): ChartCollector & { captions: string[] } {
    const kept: string[] = [];
    return { captions: kept, add: async (_name: string, _spec: TopLevelSpec, options) => { kept.push(options.caption); return ''; }, finish: async () => [] };
  }
  const graphite = overview([]);

  it('quotes the largest swing (high − low, paired) with its 95% CI, and the two levels with digits enough to differ', async () => {
    const html = await renderSweepSection(undefined, [graphiteTornado()], graphite, name, captions());
    expect(html).toContain('the largest swing comes from <strong>Government: probability of reversing a policy at each election</strong>');
    expect(html).toContain('from its low to its high value (16.5% → 43.5%) the result changes by −488 t, 0.069% of the result at nominal values (95% CI −534 t to −441 t, paired run by run), from 704,482 t to 703,994 t. Every swing is under 1% of the result');
    expect(html).not.toContain('704,000 t');
  });

  it('says when the largest swing\'s CI includes 0, and quotes the size alone for an older file without CI', async () => {
    const tornado = graphiteTornado();
    tornado.entries = tornado.entries.slice(2);
    const html = await renderSweepSection(undefined, [tornado], graphite, name, captions());
    expect(html).toContain('changes by +35 t, &lt;0.01% of the result at nominal values (95% CI −21 t to +92 t, paired run by run), from 704,081.7 t to 704,117.0 t. The 95% CI includes 0');
    const old: Tornado = { metric: 'm', unit: 't', base: 10, entries: [{ parameter: 'p', low: 1, high: 2, outputLow: 14, outputHigh: 10, swing: 4 }] };
    expect(await renderSweepSection(undefined, [old], graphite, name, captions())).toContain('the result changes by −4 t, 40% of the result at nominal values, from 14.0 t to 10.0 t.</p>');
    // The two levels share their decimals: not "from 28 t to 31.7 t", whose 28 reads as less precise than its neighbour.
    const pair: Tornado = { metric: 'm', unit: 't', base: 30, entries: [{ parameter: 'p', low: 1, high: 2, outputLow: 28.01, outputHigh: 31.7, swing: 3.69 }] };
    expect(await renderSweepSection(undefined, [pair], graphite, name, captions())).toContain('from 28.0 t to 31.7 t.</p>');
  });

  it('names in the caption the bars whose swing may be 0', async () => {
    const charts = captions();
    await renderSweepSection(undefined, [graphiteTornado()], graphite, name, charts);
    expect(charts.captions[0]).toContain('Faded bars with a dashed outline (3 of 6: lithium: demand growth per year; NdPr oxide: demand short-run elasticity; dy: demand short-run elasticity)');
    expect(charts.captions[0]).toContain('the 95% CI of the swing includes 0');
  });
});

describe('renderSweepDifferenceTable', () => {
  const costRow = (point: string, probability: number, mean: number, difference?: [number, number, number]) => ({
    point, parameters: { 'government.reversalProbability': probability }, metric: 'policyCost.US', mean, ciLow: mean - 1e6, ciHigh: mean + 1e6,
    ...(difference === undefined ? {} : { vsFirstPoint: { meanDifference: difference[0], ciLow: difference[1], ciHigh: difference[2] } }),
  });

  it('rounds each point\'s mean and its interval alike, and its difference with its interval, in one scale', () => {
    const html = renderSweepDifferenceTable([costRow('0', 0, 5.2e6), costRow('1', 0.6, 4.9e6, [-0.3e6, -1.25e6, 0.65e6])], ['government.reversalProbability'],
      { name: (p) => p, value: (_p, v) => String(v) }, 'USD');
    // Not "USD 4.9 million (USD 3.9 million to …)" and "−USD 300,000 (−USD 1.25 million to +USD 650,000)".
    expect(html).toContain('<td class="num">USD 4.90 million (USD 3.90 million to USD 5.90 million)</td><td class="num">−USD 0.30 million (−USD 1.25 million to +USD 0.65 million)</td>');
  });
});
