import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import { checkArrivalInFan } from '../../src/report/checkArrivalInFan.ts';
import { describeScriptedArrivals } from '../../src/report/describeScriptedArrivals.ts';
import { listScriptedArrivals } from '../../src/report/listScriptedArrivals.ts';
import type { FanPanelPlan } from '../../src/report/planFanPanels.ts';
import { readScenarioOverview, type PipelineProjectOverview, type ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import { seriesKey, type SeriesFan, type SeriesId } from '../../src/report/readSeriesCsv.ts';
import { renderFanChartsSection } from '../../src/report/renderFanChartsSection.ts';
import { scheduleScriptedProject } from '../../src/report/scheduleScriptedProject.ts';
import { shortenProjectSource } from '../../src/report/shortenProjectSource.ts';

// The engine's defaults (src/scenario/defaults.ts): processing builds in 5 × 0.35 = 1.75 years, finances in 3 × 0.35.
const durations = { permittingYears: 8, financingYears: 3, constructionYears: 5, processingLeadFactor: 0.35, recyclingLeadFactor: 0.2, drawn: false };
const MP: PipelineProjectOverview = {
  region: 'US', stage: 'processing', capacityTonnesPerYear: 4000, phase: 'construction', remainingYears: 1.5, drawn: false,
  source: 'assumption: MP Materials Mountain Pass separation ramp toward ~6 kt NdPr/yr',
};
// Still to be financed: 2 years of financing (104 weeks), then 1.75 years of construction (91 weeks).
const DOE: PipelineProjectOverview = { ...MP, capacityTonnesPerYear: 5, phase: 'financing', remainingYears: 2, source: 'assumption: DOE by-product recovery initiatives (USGS MCS 2026 Germanium)' };
const LYNAS: PipelineProjectOverview = { ...MP, region: 'ALLIES', remainingYears: 1, source: 'assumption: Lynas expansion toward 10.5 kt NdPr/yr (~12 kt REO)' };
const MAGNETS: PipelineProjectOverview = { ...MP, stage: 'manufacturing', remainingYears: 2, source: 'assumption: US magnet plants' };

const overviewWith = (pipeline: PipelineProjectOverview[]): ScenarioOverview => ({
  name: 'x', description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }, { id: 'ALLIES', name: 'Allies', alignment: 'ally' }],
  materials: [{ id: 'ndpr', name: 'NdPr oxide', priceUnit: 'USD/kg', basePriceUsdPerTonne: {}, demandByRegion: {}, capacityByStage: {}, pipeline }],
  events: [], threat: [], document: {}, projectDurations: durations,
});

describe('scheduleScriptedProject: the week the engine brings a scripted project on stream', () => {
  it('counts one week of work off per week from week 0: 1.5 years in construction (78 weeks) is done in week 77', () => {
    expect(scheduleScriptedProject(MP, durations, 52, 520)).toBe(77);
    // A year of construction: 52 weeks, done in week 51 (Dec 2025).
    expect(scheduleScriptedProject(LYNAS, durations, 52, 520)).toBe(51);
  });

  it('adds the later phases at the stage lead factor: financing 104 weeks, then construction 91 weeks from the next week', () => {
    expect(scheduleScriptedProject(DOE, durations, 52, 520)).toBe(103 + 91);
    // Mining has lead factor 1: 104 + 5 × 52 weeks.
    expect(scheduleScriptedProject({ ...DOE, stage: 'mining' }, durations, 52, 520)).toBe(103 + 260);
  });

  it('says nothing of a project due after the run', () => {
    expect(scheduleScriptedProject({ ...MP, remainingYears: 12 }, durations, 52, 520)).toBeUndefined();
  });
});

describe('shortenProjectSource', () => {
  it('keeps the name: no "assumption:", nothing after "toward", a comma or ";", no parentheses with figures or citations', () => {
    expect(shortenProjectSource(MP.source)).toBe('MP Materials Mountain Pass separation ramp');
    expect(shortenProjectSource(LYNAS.source)).toBe('Lynas expansion');
    expect(shortenProjectSource(DOE.source)).toBe('DOE by-product recovery initiatives');
    expect(shortenProjectSource('assumption: Iluka Eneabba refinery (Australia), government-financed')).toBe('Iluka Eneabba refinery (Australia)');
    expect(shortenProjectSource('assumption: idle Germany/Hungary primary Ga plants (USGS MCS 2026 Gallium: others idle); 40 t/yr = the rest')).toBe('idle Germany/Hungary primary Ga plants');
    expect(shortenProjectSource('')).toBe('');
  });

  it('cuts a long name at a word, with an ellipsis', () => {
    const short = shortenProjectSource('assumption: DPA Title III-funded Louisiana demonstration recovering Ga from industrial waste');
    expect(short.endsWith('…')).toBe(true);
    expect(short.length).toBeLessThanOrEqual(56);
    expect('DPA Title III-funded Louisiana demonstration recovering Ga from industrial waste'.startsWith(short.slice(0, -1))).toBe(true);
  });
});

describe('listScriptedArrivals and describeScriptedArrivals', () => {
  it('names a scripted project of the drawn stage and region with its month, the home region first', () => {
    const arrivals = listScriptedArrivals(overviewWith([LYNAS, MP, MAGNETS]), 'ndpr', 'processing', ['US', 'ALLIES']);
    // The magnet plant is manufacturing, not drawn; the home region's MP ramp comes before the earlier allied one.
    expect(arrivals.map((a) => a.region)).toEqual(['US', 'ALLIES']);
    const note = describeScriptedArrivals(arrivals, 2025, true);
    // Week 77 from Jan 2025 is 2025 + 77/52 = 2026.48: June 2026; week 51 is late Dec 2025.
    expect(note).toContain('not responses to the events');
    expect(note).toContain('US processing +4,000 t/yr in Jun 2026 (MP Materials Mountain Pass separation ramp); ALLIES processing +4,000 t/yr in Dec 2025 (Lynas expansion).');
    expect(note).not.toContain('About');
  });

  it('leaves out the regions not drawn, and says "about" for a project still to be financed, with why', () => {
    expect(listScriptedArrivals(overviewWith([LYNAS]), 'ndpr', 'processing', ['US'])).toEqual([]);
    const note = describeScriptedArrivals(listScriptedArrivals(overviewWith([DOE]), 'ndpr', 'processing', ['US']), 2025, true);
    // Week 194: 2025 + 194/52 = 2028.73, September 2028.
    expect(note).toContain('US processing +5 t/yr about Sep 2028 (DOE by-product recovery initiatives).');
    expect(note).toMatch(/“About”: a project still to be financed at the start waits in runs where it does not yet pay/);
  });

  it('lists at most three and counts the rest', () => {
    const many = [1, 1.25, 1.5, 1.75, 2].map((remainingYears) => ({ ...LYNAS, remainingYears }));
    const note = describeScriptedArrivals(listScriptedArrivals(overviewWith(many), 'ndpr', 'processing', ['ALLIES']), 2025, true);
    expect(note.match(/ALLIES processing/g)).toHaveLength(3);
    expect(note).toContain('; and 2 more.');
  });
});

describe('renderFanChartsSection: scripted projects on the capacity charts (user audit: the MP Materials ramp inside the quota band)', () => {
  const weeks = 520;
  const years = Array.from({ length: weeks }, (_, t) => Number((2025 + t / 52).toFixed(3)));
  /** A capacity fan at `base` that rises by `rise` in week `at` in every run. */
  const capacity = (id: SeriesId, base: number, rise: number, at: number): SeriesFan => {
    const values = years.map((_, t) => base + (t >= at ? rise : 0));
    return { ...id, year: years, p5: values, p25: values, p50: values, p75: values, p95: values, mean: values };
  };
  const US_CAP: SeriesId = { metric: 'capacity', material: 'ndpr', stage: 'processing', region: 'US' };
  const plan: FanPanelPlan = {
    materialId: 'ndpr', materialName: 'NdPr oxide', eventWindows: [],
    rows: [{ title: 'Processing capacity by region', unit: 't/yr', sharedY: false, charts: [{ title: 'US', series: US_CAP, divisor: 1 }] }],
  };
  const specs: unknown[] = [];
  const keep: ChartCollector = { add: async (_name, spec) => (specs.push(spec), '<figure></figure>'), finish: async () => [] };

  it('names the project under the chart with its month, and marks it ▼ on the capacity chart at that week', async () => {
    specs.length = 0;
    const fans = new Map([[seriesKey(US_CAP), capacity(US_CAP, 2000, 4000, 77)]]);
    const html = await renderFanChartsSection(overviewWith([MP]), [plan], fans, keep);
    expect(html).toContain('<p class="note">Scripted projects of the scenario’s pipeline, not responses to the events (▼ on the capacity charts): US processing +4,000 t/yr in Jun 2026 (MP Materials Mountain Pass separation ramp).</p>');
    const chart = (specs[0] as { vconcat: Array<{ hconcat?: Array<{ layer: Array<{ name?: string; data?: { values: Array<{ year: number }> } }> }> }> }).vconcat[1].hconcat?.[0];
    const marker = chart?.layer.find((l) => l.name === 'project_0_0');
    expect(marker?.data?.values.map((v) => v.year)).toEqual([2025 + 77 / 52]);
    expect(JSON.stringify((specs[0] as { title: unknown }).title)).toContain('▼ Scripted projects, not responses to the events: US processing +4,000 t/yr in Jun 2026');
  });

  it('says "in" for a financed project the runs show on stream when due, and names apart, unmarked, one they show missing', async () => {
    specs.length = 0;
    const arrived = await renderFanChartsSection(overviewWith([DOE]), [plan], new Map([[seriesKey(US_CAP), capacity(US_CAP, 2, 5, 194)]]), keep);
    expect(arrived).toContain('US processing +5 t/yr in Sep 2028 (DOE by-product recovery initiatives).');
    specs.length = 0;
    // Financing that never pays: the capacity does not move.
    const missing = await renderFanChartsSection(overviewWith([DOE]), [plan], new Map([[seriesKey(US_CAP), capacity(US_CAP, 2, 0, 194)]]), keep);
    expect(missing).toContain('not on stream when due in most runs');
    expect(missing).toContain('US processing +5 t/yr, due Sep 2028 (DOE by-product recovery initiatives)');
    expect(JSON.stringify(specs[0])).not.toContain('project_');
    expect(JSON.stringify((specs[0] as { title: unknown }).title)).not.toContain('▼');
  });

  it('says nothing when the scenario has no scripted project', async () => {
    const html = await renderFanChartsSection(overviewWith([]), [plan], new Map([[seriesKey(US_CAP), capacity(US_CAP, 2000, 0, 0)]]), keep);
    expect(html).not.toContain('Scripted');
  });
});

describe('readScenarioOverview: pipeline projects and greenfield durations', () => {
  it('reads each project as written, a distribution as its nominal value and marked drawn', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crm-pipe-'));
    await writeFile(join(dir, 'scenario.resolved.yaml'), [
      'startYear: 2025', 'years: 10', 'ticksPerYear: 52',
      'behaviour: { greenfield: { permittingYears: 8, financingYears: 3, constructionYears: 5 }, processingLeadFactor: 0.5 }',
      'materials:', '  ndpr:', '    name: NdPr oxide', '    pipeline:',
      '      - { region: US, stage: processing, capacityTonnesPerYear: 4000, phase: construction, remainingYears: 1.5, source: "assumption: MP" }',
      '      - { region: ALLIES, stage: mining, capacityTonnesPerYear: 4400, phase: financing, remainingYears: { dist: triangular, min: 1, mode: 2, max: 4 } }',
    ].join('\n'));
    const overview = await readScenarioOverview(dir);
    expect(overview?.materials[0].pipeline).toEqual([
      { region: 'US', stage: 'processing', capacityTonnesPerYear: 4000, phase: 'construction', remainingYears: 1.5, drawn: false, source: 'assumption: MP' },
      { region: 'ALLIES', stage: 'mining', capacityTonnesPerYear: 4400, phase: 'financing', remainingYears: 2, drawn: true, source: '' },
    ]);
    // The lead factor as written; the recycling one, absent, is the engine's default.
    expect(overview?.projectDurations).toEqual({ permittingYears: 8, financingYears: 3, constructionYears: 5, processingLeadFactor: 0.5, recyclingLeadFactor: 0.2, drawn: false });
  });
});

describe('checkArrivalInFan: what the runs show in the due week', () => {
  const years = Array.from({ length: 60 }, (_, t) => Number((2025 + t / 52).toFixed(3)));
  /** A capacity fan whose mean rises by each `steps[week]`. */
  const fanWith = (steps: Record<number, number>): SeriesFan => {
    let level = 10;
    const mean = years.map((_, t) => (level += steps[t] ?? 0));
    return { metric: 'capacity', material: 'ga', stage: 'processing', region: 'ALLIES', year: years, p5: mean, p25: mean, p50: mean, p75: mean, p95: mean, mean };
  };
  const due = (week: number): number => 2025 + week / 52;

  it('reads the mean\'s rise in the due week as the share of runs: all, most, few', () => {
    expect(checkArrivalInFan(fanWith({ 30: 40 }), due(30), 40)).toBe('all');
    expect(checkArrivalInFan(fanWith({ 30: 28 }), due(30), 40)).toBe('most');
    expect(checkArrivalInFan(fanWith({ 30: 4 }), due(30), 40)).toBe('few');
  });

  it('cannot tell when other capacity moves as much nearby, unless that move is another scripted project due then', () => {
    // 50 t/yr 13 weeks before a 40 t/yr project (gallium ALLIES in the reference: Dec 2026 and Mar 2027).
    const two = fanWith({ 17: 50, 30: 40 });
    expect(checkArrivalInFan(two, due(30), 40)).toBeUndefined();
    expect(checkArrivalInFan(two, due(30), 40, [due(17)])).toBe('all');
    // No mean (an older series.csv): no verdict.
    expect(checkArrivalInFan({ ...two, mean: undefined }, due(30), 40)).toBeUndefined();
  });
});
