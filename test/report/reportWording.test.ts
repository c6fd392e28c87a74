import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import { createSweepSpec } from '../../src/report/createSweepSpec.ts';
import type { RunContext } from '../../src/report/deriveRunContext.ts';
import { describeReportHeading } from '../../src/report/describeReportHeading.ts';
import type { ComparisonEntry } from '../../src/report/readComparisonJson.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import { renderBaselineCaveat } from '../../src/report/renderBaselineCaveat.ts';
import { renderChart } from '../../src/report/renderChart.ts';
import { renderComparisonSection } from '../../src/report/renderComparisonSection.ts';
import { renderScenarioSection } from '../../src/report/renderScenarioSection.ts';
import { createComparisonSpec } from '../../src/report/createComparisonSpec.ts';
import type { MaterialResult } from '../../src/report/computeMaterialResults.ts';
import type { ValueSummary } from '../../src/stats/summarizeValues.ts';

const charts: ChartCollector = { add: async (_name: string, _spec: TopLevelSpec) => '', finish: async () => [] };
const overview = (name: string): ScenarioOverview => ({
  name, description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }], materials: [{ id: 'dy', name: 'Dysprosium oxide' }] as ScenarioOverview['materials'],
  events: [{ id: 'q', kind: 'exportControl', start: 1, end: 2.5, announced: NaN, fields: { kind: 'exportControl', material: 'dy', stage: 'processing' } }], threat: [], document: {},
});
const entry = (metric: string, meanA: number, meanB: number, n = 1): ComparisonEntry => ({
  alternative: 'ga-stockpile', metric, meanA, meanB, meanDifference: meanB - meanA, ciLow: (meanB - meanA) * 1.2, ciHigh: (meanB - meanA) * 0.8, pBetter: 1, pWorse: 0, n, unit: 't', direction: 'lower',
});

describe('report wording', () => {
  it('compare: a row of small tonnages in one unit, one pair in the singular, labels in titles and the scenario name once', async () => {
    const comparison = { reference: 'ga-threat', alternatives: ['ga-stockpile'], entries: [entry('cumulativeShortfall.dy.endUse.US', 0.0415, 0)], costEffectiveness: new Map() };
    const html = await renderComparisonSection(comparison, { reference: { label: 'ga-threat', overview: overview('ga-quota') }, alternatives: [{ label: 'ga-stockpile', overview: overview('ga-stockpile') }] }, (id) => (id === 'dy' ? 'Dysprosium oxide' : id), charts);
    expect(html).toContain('<td class="num">41.5 kg</td><td class="num">0 kg</td><td class="num">−41.5 kg (−49.8 to −33.2 kg)</td>');
    expect(html).not.toMatch(/\b0 t\b/);
    expect(html).toContain('1 pair.');
    expect(html).toContain('ga-threat <span class="note">(reference; the scenario’s name: “ga-quota”)</span>');
    expect(html).toContain('ga-stockpile <span class="note">(alternative)</span>');
    expect(describeReportHeading('compare', 'ga-cmp', overview('ga-quota'), { replicates: 1 }, 'ga-threat')).toMatchObject({ title: 'Strategies compared: ga-threat', meta: 'Comparison of strategies · folder ga-cmp · 1 run' });
  });

  it('compare: a row whose figures straddle 1 t is in t throughout, and a metric in one unit for every alternative', async () => {
    const straddle = { ...entry('cumulativeShortfall.dy.endUse.US', 7.65, 8.4), ciLow: 0.591, ciHigh: 0.904 };
    const consumption = (alternative: string, meanB: number) => ({ ...entry('cumulativeConsumption.dy.endUse.CN', 461, meanB), alternative, direction: 'higher' as const });
    const comparison = { reference: 'ga-threat', alternatives: ['ga-stockpile', 'ga-recycle'], costEffectiveness: new Map(),
      entries: [straddle, { ...straddle, alternative: 'ga-recycle' }, consumption('ga-stockpile', 453), consumption('ga-recycle', 461.0518)] };
    const scenario = (label: string) => ({ label, overview: overview(label) });
    const html = await renderComparisonSection(comparison, { reference: scenario('ga-threat'), alternatives: [scenario('ga-stockpile'), scenario('ga-recycle')] }, (id) => id, charts);
    expect(html).toContain('<td class="num">7.65 t</td><td class="num">8.4 t</td><td class="num">+0.750 t (+0.591 to +0.904 t)</td>');
    // 'Other metrics': the row of a metric reads in t for both alternatives (+0.0518 t, not +51.8 kg).
    expect(html).toContain('−8.00 t (−9.60 to −6.40 t)');
    expect(html).toContain('+0.0518 t (+0.0622 to +0.0414 t)');
    expect(html).not.toMatch(/\d kg|\d g\b/);
    // Multiplicity: "clearly" is per metric, and a table picked for clarity says how many would be clear by chance.
    expect(html).toContain('a report of many metrics will call about 1 in 20 of those a strategy leaves unchanged clear by chance');
    expect(html).toContain('from up to 2 metrics an alternative changes in some run: with no effect at all, about 1 in 20 of them (1 here)');
    const many = { ...comparison, entries: Array.from({ length: 60 }, (_, i) => consumption('ga-stockpile', 450 + i)).map((e, i) => ({ ...e, metric: `cumulativeConsumption.dy.endUse.R${i}` })) };
    const manyHtml = await renderComparisonSection(many, { reference: scenario('ga-threat'), alternatives: [scenario('ga-stockpile'), scenario('ga-recycle')] }, (id) => id, charts);
    expect(manyHtml).toContain('from up to 59 metrics an alternative changes in some run: with no effect at all, about 1 in 20 of them (3 here)');
  });

  it('compare: each alternative\'s table holds the rows of its own policies and those the chart draws for the others, less those it leaves the same in every run (audit 24, M8)', async () => {
    const event = (id: string, kind: string, stage: string) => ({ id, kind, start: 1, end: 9, announced: NaN, fields: { kind, material: 'dy', stage } });
    const withEvents = (name: string, ...extra: ScenarioOverview['events']) => ({ ...overview(name), events: [...overview(name).events, ...extra] });
    const row = (alternative: string, metric: string, unit: string, direction: ComparisonEntry['direction']) => ({ ...entry(metric, 1, 2), alternative, unit, direction });
    const metrics: [string, string, ComparisonEntry['direction']][] = [['peakPriceMultiple.dy.manufacturing.US', 'x base', 'lower'], ['finalSecureSupplyShare.dy.processing', 'x home demand', 'higher'],
      ['finalSecureSupplyShare.dy.manufacturing', 'x home demand', 'higher'], ['tariffRevenue.US', 'USD', '']];
    // The stockpile collects no duties: the same (0) in every run.
    const entries = ['tariff', 'stockpile'].flatMap((alternative) => metrics.map(([metric, unit, direction]) => row(alternative, metric, unit, direction)))
      .map((e) => (e.alternative === 'stockpile' && e.metric === 'tariffRevenue.US' ? { ...e, meanDifference: 0, ciLow: 0, ciHigh: 0 } : e));
    const comparison = { reference: 'threat', alternatives: ['tariff', 'stockpile'], entries, costEffectiveness: new Map() };
    const html = await renderComparisonSection(comparison, { reference: { label: 'threat', overview: overview('threat') }, alternatives: [
      { label: 'tariff', overview: withEvents('tariff', event('t', 'tariff', 'manufacturing')) },
      { label: 'stockpile', overview: withEvents('stockpile', event('s', 'stockpile', 'manufacturing')) },
    ] }, (id) => (id === 'dy' ? 'Dysprosium oxide' : id), charts);
    const table = (label: string) => html.slice(html.indexOf(`<h3>${label} against threat</h3>`), html.indexOf('</div>', html.indexOf(`<h3>${label} against threat</h3>`)));
    expect(table('tariff')).toContain('Dysprosium oxide: peak magnet price (× start)');
    expect(table('tariff')).toContain('Dysprosium oxide: home and allied manufacturing capacity at the end (× home demand)');
    expect(table('tariff')).toContain('Tariff duties collected');
    expect(table('stockpile')).toContain('Dysprosium oxide: home and allied processing capacity at the end'); // where the threat hits
    // The chart draws the tariff's manufacturing capacity for both: the stockpile's table has it too; not the duties it never changes.
    expect(table('stockpile')).toContain('manufacturing capacity');
    expect(table('stockpile')).not.toContain('Tariff duties');
    // A magnet stockpile buys and releases magnets: the magnet price is where it bites.
    expect(table('stockpile')).toContain('peak magnet price');
  });

  it('scenario at a glance: steps other than weekly are said to be uncalibrated, weekly ones are not', async () => {
    const monthly = await renderScenarioSection({ ...overview('q'), ticksPerYear: 12, materials: [] }, charts);
    expect(monthly).toContain('(monthly steps)');
    expect(monthly).toContain('fitted to weekly steps (docs/calibration.md); at monthly steps prices, trade flows and shortfalls differ');
    expect(await renderScenarioSection({ ...overview('q'), materials: [] }, charts)).not.toContain('fitted to weekly steps');
  });

  it('scenario at a glance: an event dated after the run ends says it has no effect; one inside the run does not', async () => {
    const base = overview('q');
    const late = { ...base, years: 10, events: [{ ...base.events[0], start: 15, end: 16.5 }] };
    expect(await renderScenarioSection({ ...late, materials: [] }, charts)).toContain('(after the run ends: no effect)');
    expect(await renderScenarioSection({ ...base, years: 10, materials: [] }, charts)).not.toContain('after the run ends');
  });

  it('compare chart: a billion on an axis reads B, not G (1.5B USD)', async () => {
    const spec = createComparisonSpec([{ title: 'Tariff duties', axisTitle: 'difference, USD', rows: [{ alternative: 'tariff', difference: 1.4e9, ciLow: 1.2e9, ciHigh: 1.6e9, label: '' }] }], ['tariff'], '');
    const svg = await renderChart(spec, 'Tariff duties', 'test');
    expect(svg).toMatch(/>1(\.\d)?B<\/text>/);
    expect(svg).not.toMatch(/\dG<\/text>/);
  });

  it('sweep: the legend groups thousands as the cells do', async () => {
    const cells = [{ x: '30%', y: '30days', mean: 925_000 }, { x: '50%', y: '60days', mean: 1_590_000 }].map((c) => ({ ...c, ciLow: c.mean, ciHigh: c.mean }));
    const svg = await renderChart(createSweepSpec({ title: 'Policy cost', unit: 'USD', xParameter: 'a', yParameter: 'b', cells }), 'Policy cost', 'test');
    expect(svg).toContain('>1,590,000</text>');
    expect(svg).not.toContain('>1590000</text>');
  });

  it('stressed without the threat: means only, each said to be one', () => {
    const s = (mean: number, p50: number): ValueSummary => ({ n: 30, mean, ciLow: mean, ciHigh: mean, p5: p50, p25: p50, p50, p75: p50, p95: p50, min: p50, max: p50, p5CiLow: NaN, p5CiHigh: NaN, p50CiLow: NaN, p50CiHigh: NaN, p95CiLow: NaN, p95CiHigh: NaN });
    const context = { home: 'US', homeName: 'United States', foreign: 'CN', foreignName: 'China', regions: ['US'], materials: [
      { id: 'ndpr', name: 'NdPr oxide', priceUnit: 'USD/kg', homeDemand: 8000, priceStage: 'processing', hasEvents: true },
      { id: 'lithium', name: 'Lithium (Li content)', priceUnit: 'USD/t', homeDemand: 16000, priceStage: 'processing', hasEvents: false },
    ] } as RunContext;
    const result = { materialId: 'lithium', peakOutside: s(6.37, 5.07), weeksShort: s(5, 5), lackingTonnes: s(527, 527) } as MaterialResult;
    const impact = { replicates: 30, runReplicates: 30, replicateCap: 100, stages: new Map(), disruptiveEvents: ['q'], byMaterial: new Map([['lithium', {
      peakPriceMultiple: { unit: 'x base', n: 30, meanWith: 6.37, meanWithout: 6.35, mean: 0.0182, ciLow: -0.245, ciHigh: 0.282 },
    }]]) };
    const html = renderBaselineCaveat(context, [{ material: context.materials[1], result }], impact);
    expect(html).toContain('mean peak price 6.37× the starting price');
    expect(html).not.toContain('median');
    expect(html).toContain('its mean peak price is 6.35× without them and 6.37× with them');
  });
});
