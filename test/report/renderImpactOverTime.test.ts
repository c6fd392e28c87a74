import { describe, expect, it } from 'vitest';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import type { ImpactReading, MonthlyConsumption, PairedImpact } from '../../src/report/readImpactJson.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import { renderImpactOverTime } from '../../src/report/renderImpactOverTime.ts';

const overview = {
  name: 'x', description: '', startYear: 2026, years: 1, ticksPerYear: 12, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }, { id: 'CN', name: 'China', alignment: 'adversary' }],
  materials: [{ id: 'li', name: 'Lithium', priceUnit: 'USD/kg' }, { id: 'ga', name: 'Gallium', priceUnit: 'USD/kg' }],
  // A cut in force April to September (years since the start).
  events: [{ id: 'cut', kind: 'exportControl', start: 0.25, end: 0.75, announced: NaN, fields: { material: 'li', stage: 'processing', exporter: 'CN' } }],
  threat: [], document: {},
} as unknown as ScenarioOverview;

const period = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const monthly = (mean: number[], without = 100): MonthlyConsumption => ({
  period, weeks: period.map(() => 4), meanWithout: period.map(() => without), meanWith: mean.map((d) => without + d), mean,
  ciLow: mean.map((d) => d - 0.5), ciHigh: mean.map((d) => d + 0.5),
  differenceToEnd: mean.map(() => NaN), differenceToEndCiLow: mean.map(() => NaN), differenceToEndCiHigh: mean.map(() => NaN),
});
const paired = (mean: number, half: number, meanWithout: number): PairedImpact => ({ unit: 't', n: 20, meanWith: meanWithout + mean, meanWithout, mean, ciLow: mean - half, ciHigh: mean + half });
// Lithium: a loss from April, deepest in July, nothing before. Gallium: a clear but negligible change.
const li = [0, 0, 0, -1, -5, -8, -10, -6, -3, -2, -1, -1];
const impact = (extra: Partial<ImpactReading> = {}): ImpactReading => ({
  replicates: 20, runReplicates: 20, replicateCap: 30, stages: new Map(), disruptiveEvents: ['cut'],
  byMaterial: new Map([
    ['li', { homeConsumption: paired(-148, 10, 4800), monthlyConsumption: monthly(li) }],
    ['ga', { homeConsumption: paired(0.1, 0.05, 230), monthlyConsumption: monthly(period.map(() => 0.002), 4.6) }],
  ]),
  ...extra,
});

function collector(): ChartCollector & { names: string[] } {
  const names: string[] = [];
  return { names, add: async (name, _spec, { caption }) => (names.push(name), `<figure>${caption}</figure>`), finish: async () => [] };
}

describe('renderImpactOverTime', () => {
  it('draws the materials the disruptions clearly change by more than a negligible share, and says when the loss falls', async () => {
    const charts = collector();
    const html = await renderImpactOverTime(impact(), overview, charts);
    expect(charts.names).toEqual(['impact-over-time-li']);
    // A loss before the events start (on their announcement) is its own part.
    const early = impact({ byMaterial: new Map([['li', { homeConsumption: paired(-150, 10, 4800), monthlyConsumption: monthly([-0.5, 0, 0, ...li.slice(3)]) }]]) });
    expect(await renderImpactOverTime(early, overview, collector())).toContain('Over the run, −150 t on average: −2 t before the events start, −148 t from their start to a year after their end.');
    expect(html).toContain('The largest monthly loss: end users in the United States receive 10.0 t/week less lithium in Jul 2026 (10% of what they receive without them; that month&#39;s 95% CI 9.5 to 10.5 t/week).');
    // Disruptions that raise consumption in every month: the largest gain, not "at most −x less".
    const gain = impact({ byMaterial: new Map([['li', { homeConsumption: paired(148, 10, 4800), monthlyConsumption: monthly(li.map((v) => -v)) }]]) });
    expect(await renderImpactOverTime(gain, overview, collector())).toContain('The largest monthly gain: end users in the United States receive 10.0 t/week more lithium in Jul 2026 (10% of what they receive without them; that month&#39;s 95% CI 9.5 to 10.5 t/week).');
    // A clear total gain with one slightly negative (noise) month is still described as a gain; no share without a level.
    const noisy = impact({ byMaterial: new Map([['li', { homeConsumption: paired(148, 10, 4800), monthlyConsumption: { ...monthly(li.map((v, i) => (i === 0 ? -0.01 : -v))), meanWithout: period.map(() => 0) } }]]) });
    const said = await renderImpactOverTime(noisy, overview, collector());
    expect(said).toContain('The largest monthly gain: end users in the United States receive 10.0 t/week more lithium in Jul 2026 (that month&#39;s 95% CI 9.5 to 10.5 t/week).');
    // (−1 − 5 − 8 − 10 − 6 − 3 − 2 − 1 − 1) × 4 weeks, all from the cut's start (April) to the run's end.
    expect(html).toContain('Over the run, −148 t on average, all of it from their start to a year after their end.');
  });

  it('names impact-monthly.csv as its data only when the folder holds it (folders from before session 29 do not)', async () => {
    const withCsv = await renderImpactOverTime(impact(), overview, collector(), true);
    expect(withCsv).toContain('Data: <code>impact-monthly.csv</code> (one row per material and month), or <code>impact.json</code>');
    const without = await renderImpactOverTime(impact(), overview, collector());
    expect(without).toContain('Data: <code>impact.json</code>, <code>monthlyConsumption</code>.');
    expect(without).not.toContain('impact-monthly.csv');
  });

  it('puts a loss that lasts past a year after the events down to thrift reversing, an uncalibrated assumption (G26), and a later gain not', async () => {
    // Three years: the cut (April to September 2026) and the year after end in September 2027; the months after are "later".
    const long = { ...overview, years: 3 } as ScenarioOverview;
    const months = Array.from({ length: 36 }, (_, i) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const threeYears = (mean: number[]): MonthlyConsumption => {
      const toEnd = mean.map((_, i) => mean.slice(i).reduce((a, b) => a + b * 4, 0));
      return { period: months, weeks: months.map(() => 4), meanWithout: months.map(() => 100), meanWith: mean.map((d) => 100 + d), mean,
        ciLow: mean.map((d) => d - 0.5), ciHigh: mean.map((d) => d + 0.5), differenceToEnd: toEnd, differenceToEndCiLow: toEnd.map((v) => v - 5), differenceToEndCiHigh: toEnd.map((v) => v + 5) };
    };
    const lasting = [0, 0, 0, ...Array.from({ length: 33 }, () => -2)];
    const total = lasting.reduce((a, b) => a + b * 4, 0);
    const html = await renderImpactOverTime(impact({ byMaterial: new Map([['li', { homeConsumption: paired(total, 10, 14_400), monthlyConsumption: threeYears(lasting) }]]) }), long, collector());
    expect(html).toMatch(/later \(95% CI [^)]*\)\. The later part comes from end users’ slow undoing of the thrift the high prices brought, at a speed no historical episode calibrates \(docs\/model\.md, G26\)\./);
    // A loss that turns into a gain later: the later part is no loss, and thrift is not named.
    const recovering = lasting.map((d, i) => (i >= 21 ? 1 : d)); // −144 t to Sep 2027, +60 t after: a loss over the run
    const recTotal = recovering.reduce((a, b) => a + b * 4, 0);
    const back = await renderImpactOverTime(impact({ byMaterial: new Map([['li', { homeConsumption: paired(recTotal, 10, 14_400), monthlyConsumption: threeYears(recovering) }]]) }), long, collector());
    expect(back).toContain('Over the run, −84');
    expect(back).toContain('later (95% CI');
    expect(back).not.toContain('G26');
  });

  it('calls a gain a change, not what the disruptions take, explains no grey band for a material no event names, and writes small masses in kg', async () => {
    const specs: Array<{ name: string; title: string; subtitle: string[] }> = [];
    const charts: ChartCollector = {
      add: async (name, spec, { caption }) => (specs.push({ name, title: String((spec as { title: { text: string } }).title.text), subtitle: [...(spec as { title: { subtitle: string[] } }).title.subtitle] }), `<figure>${caption}</figure>`),
      finish: async () => [],
    };
    const both = impact({ byMaterial: new Map([
      ['li', { homeConsumption: paired(-148, 10, 4800), monthlyConsumption: monthly(li) }],
      ['ga', { homeConsumption: { ...paired(0.1, 0.05, 230), ciLow: 0.05, ciHigh: 0.3 }, monthlyConsumption: { ...monthly(period.map(() => 0.002), 4.6), ciLow: period.map(() => 0.001), ciHigh: period.map(() => 0.003) } }],
    ]) });
    const html = await renderImpactOverTime(both, overview, charts);
    const [lithium, gallium] = specs;
    expect(lithium.title).toBe('Lithium: what the disruptions take, month by month');
    expect(lithium.subtitle[1]).toBe('grey: the events on Lithium in force');
    expect(gallium.title).toBe('Gallium: what the disruptions change, month by month');
    expect(gallium.subtitle[1]).toBe('no event names Gallium: it moves with the other materials\' markets');
    expect(html).toContain('receive 2.00 kg/week more gallium in Jan 2026');
    expect(html).toContain('95% CI 1.00 to 3.00 kg/week');
  });

  it('is empty without monthly figures (an impact.json from before them) or without a clear change', async () => {
    const old = impact({ byMaterial: new Map([['li', { homeConsumption: paired(-148, 10, 4800) }]]) });
    expect(await renderImpactOverTime(old, overview, collector())).toBe('');
    const unclear = impact({ byMaterial: new Map([['li', { homeConsumption: paired(-5, 10, 4800), monthlyConsumption: monthly(li) }]]) });
    expect(await renderImpactOverTime(unclear, overview, collector())).toBe('');
    // Gallium's mean is 0.04% of what users receive, but its CI reaches 0.13%: not shown to be negligible, so drawn.
    const wide = impact({ byMaterial: new Map([['ga', { homeConsumption: paired(0.1, 0.2, 230), monthlyConsumption: monthly(period.map(() => 0.002), 4.6) }]]) });
    expect((await renderImpactOverTime(wide, overview, collector())).length).toBe(0);
    const reaching = impact({ byMaterial: new Map([['ga', { homeConsumption: { ...paired(0.1, 0.05, 230), ciLow: 0.05, ciHigh: 0.3 }, monthlyConsumption: monthly(period.map(() => 0.002), 4.6) }]]) });
    const drawn = collector();
    await renderImpactOverTime(reaching, overview, drawn);
    expect(drawn.names).toEqual(['impact-over-time-ga']);
    expect(await renderImpactOverTime(undefined, overview, collector())).toBe('');
  });
});
