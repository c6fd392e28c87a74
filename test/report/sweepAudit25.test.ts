import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import type { EventOverview, ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import type { SweepRow, SweepTable } from '../../src/report/readSweepCsv.ts';
import { renderSweepAnswerBox } from '../../src/report/renderSweepAnswerBox.ts';
import { renderSweepSection } from '../../src/report/renderSweepSection.ts';
import { describeParameter, roundDrawnValues } from '../../src/report/describeParameter.ts';
import { createTornadoSpec } from '../../src/report/createTornadoSpec.ts';

/** A collector that keeps the chart names and specs instead of rendering. */
function collector(): ChartCollector & { names: string[]; specs: TopLevelSpec[] } {
  const names: string[] = [];
  const specs: TopLevelSpec[] = [];
  return { names, specs, add: async (name: string, spec: TopLevelSpec) => { names.push(name); specs.push(spec); return ''; }, finish: async () => [] };
}
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
const event = (id: string, material: string, start: number): EventOverview => ({ id, kind: 'exportControl', start, end: start + 1.5, announced: NaN, fields: { kind: 'exportControl', material } });
const overview = (materials: string[], events: EventOverview[]): ScenarioOverview => ({
  name: 'x', description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN', regions: [],
  materials: materials.map((id) => ({ id, name: id })) as ScenarioOverview['materials'], events, threat: [], document: {},
}) as unknown as ScenarioOverview;
const name = (id: string): string => ({ ndpr: 'NdPr oxide', dy: 'Dysprosium oxide', graphite: 'Natural graphite' })[id] ?? id;
const row = (point: number, parameters: Record<string, number | string>, metric: string, mean: number, diff?: [number, number, number]): SweepRow => ({
  point: String(point), parameters, metric, mean, ciLow: mean - 1500, ciHigh: mean + 1500,
  ...(diff === undefined ? {} : { vsFirstPoint: { meanDifference: diff[0], ciLow: diff[1], ciHigh: diff[2] } }),
});

describe('H1: a metric whose means agree to three digits but whose paired differences are clear is drawn, not called constant', () => {
  // The README's example (mitigation-graphite-subsidy, 40 runs, seed 1): 828,000 t at every point to 3 s.f.
  const graphite = 'cumulativeConsumption.graphite.endUse.US';
  const p = 'government.reversalProbability';
  const levels = [[0, 828351, undefined], [0.15, 828037, [-314, -395, -232]], [0.3, 827766, [-585, -718, -452]], [0.45, 827674, [-677, -800, -550]], [0.6, 827593, [-758, -900, -616]]] as const;
  const sweep: SweepTable = {
    parameters: [p], units: { [graphite]: 't', 'policyCost.US': 'USD' }, metric: graphite,
    rows: levels.flatMap(([v, mean, diff], i) => [row(i, { [p]: v }, graphite, mean, diff === undefined ? undefined : [...diff]), row(i, { [p]: v }, 'policyCost.US', 128e6 + i * 20e6, i === 0 ? undefined : [i * 20e6, i * 19e6, i * 21e6])]),
  };

  it('draws the level and difference charts and the table of the requested metric, and does not list it as the same at every point', async () => {
    const charts = collector();
    const html = text(await renderSweepSection(sweep, undefined, overview(['graphite'], [event('lic', 'graphite', 1)]), name, charts));
    expect(html).not.toMatch(/The same at every grid point, so not drawn: Consumption/);
    expect(charts.names.slice(0, 2)).toEqual(['sweep-cumulativeconsumption-graphite-enduse-us', 'sweep-difference-cumulativeconsumption-graphite-enduse-us']);
    expect(html).toContain('4 of 4 later points differ clearly');
    expect(html).toContain('−758 t');
    // The extremes with digits enough to differ, not 828,000 t twice.
    expect(html).toMatch(/lowest mean 827,59\d t .* highest 828,35\d t/);
  });

  it('does not merge two metrics whose means agree only to three digits', async () => {
    const other = 'cumulativeConsumption.graphite.endUse.CN';
    const twin: SweepTable = { ...sweep, rows: [...sweep.rows, ...sweep.rows.filter((r) => r.metric === graphite).map((r) => ({ ...r, metric: other, mean: r.mean + 1 }))] };
    const charts = collector();
    // CN is not a headline metric: pick it as the sweep's own so both are candidates.
    await renderSweepSection({ ...twin, metric: other }, undefined, overview(['graphite'], [event('lic', 'graphite', 1)]), name, charts);
    expect(charts.names).toContain('sweep-cumulativeconsumption-graphite-enduse-cn');
    expect(charts.names).toContain('sweep-cumulativeconsumption-graphite-enduse-us');
  });

  it('still calls a metric constant when its means are exactly equal and every paired difference is 0', async () => {
    const flat: SweepTable = { ...sweep, rows: sweep.rows.map((r) => (r.metric === graphite ? { ...r, mean: 828000, ...(r.vsFirstPoint ? { vsFirstPoint: { meanDifference: 0, ciLow: 0, ciHigh: 0 } } : {}) } : r)) };
    const html = text(await renderSweepSection(flat, undefined, overview(['graphite'], [event('lic', 'graphite', 1)]), name, collector()));
    expect(html).toMatch(/The same at every grid point, so not drawn: Consumption \(received\) · Natural graphite/);
  });
});

describe('H2: a Latin hypercube over two ranges gets no "No effect" warning', () => {
  const ndpr = 'cumulativeConsumption.ndpr.endUse.US';
  const [a, b] = ['materials.ndpr.demand.byRegion.US', 'materials.ndpr.demand.growthPerYear'];
  // Six points, no two sharing a value of either parameter (sweep-lhs2 of the audit).
  const design = [['8.43557 kt/yr', '6.93871%', 29000], ['6.85656 kt/yr', '4.8225%', 23500], ['9.56113 kt/yr', '9.00637%', 33400], ['6.16387 kt/yr', '7.9%', 22800], ['7.41251 kt/yr', '5.6%', 26000], ['8.72625 kt/yr', '8.3%', 31000]] as const;
  const sweep: SweepTable = {
    parameters: [a, b], units: { [ndpr]: 't' }, metric: ndpr,
    rows: design.map(([x, y, mean], i) => row(i, { [a]: x, [b]: y }, ndpr, mean, i === 0 ? undefined : [mean - 29000, mean - 29060, mean - 28940])),
  };

  it('says nothing about idle parameters, in the warning box or under the metric', async () => {
    const html = text(await renderSweepSection(sweep, undefined, overview(['ndpr'], [event('q', 'ndpr', 1)]), name, collector()));
    expect(html).not.toContain('No effect');
    expect(html).toContain('5 of 5 later points differ clearly');
  });

  it('still warns of a parameter that changes nothing in a full grid', async () => {
    const grid: SweepTable = {
      parameters: [a, b], units: { [ndpr]: 't' },
      rows: [['6 kt/yr', '4%', 20000], ['6 kt/yr', '10%', 20000], ['10 kt/yr', '4%', 30000], ['10 kt/yr', '10%', 30000]].map(([x, y, mean], i) => row(i, { [a]: x, [b]: y }, ndpr, Number(mean))),
    };
    const html = text(await renderSweepSection(grid, undefined, overview(['ndpr'], [event('q', 'ndpr', 1)]), name, collector()));
    expect(html).toMatch(/No effect: changing NdPr oxide: demand growth per year/);
    expect(html).not.toMatch(/changing NdPr oxide: demand in US/);
  });
});

describe('H3: the report leads with the sweep\'s own metric (sweep.json `metric`), else the CLI\'s default', () => {
  const g = 'materials.ndpr.demand.growthPerYear';
  const ids = ['cumulativeConsumption.dy.endUse.US', 'cumulativeConsumption.ndpr.endUse.US', 'timeToRecoveryWeeks.ndpr.endUse.US', 'policyCost.US'];
  const sweep: SweepTable = {
    parameters: [g], units: { [ids[0]]: 't', [ids[1]]: 't', [ids[2]]: 'weeks', 'policyCost.US': 'USD' },
    rows: [0.02, 0.12].flatMap((v, i) => ids.map((id, k) => row(i, { [g]: v }, id, [588e6 / 1000, 16500, 20, 1e8][k] * (1 + i * (k === 0 ? 0 : 0.5)), i === 0 ? undefined : k === 0 ? [0, -1, 1] : [10 * (k + 1), 5 * (k + 1), 15 * (k + 1)]))),
  };
  // The dy quota sorts first by id and by start; the scenario lists ndpr first (threat-export-quota).
  const scenario = overview(['ndpr', 'dy'], [event('cnQuotaDy', 'dy', 1), event('cnQuotaNdpr', 'ndpr', 1)]);

  it('uses a recorded metric that is not a home headline metric (recovery time), in the answer box and as the first chart', async () => {
    const recorded = { ...sweep, metric: ids[2], tornado: 'off' as const };
    const box = text(renderSweepAnswerBox(recorded, undefined, scenario, name));
    expect(box).toMatch(/over 2 points: Weeks to recovery · NdPr oxide · end use · US: \+30\.0 weeks/);
    expect(box).not.toContain('Dysprosium');
    const charts = collector();
    await renderSweepSection(recorded, undefined, scenario, name, charts);
    expect(charts.names[0]).toBe('sweep-timetorecoveryweeks-ndpr-enduse-us');
  });

  it('falls back to the CLI\'s rule for an older folder: the first material in the scenario\'s order that an event names (NdPr), not the first event\'s (Dy)', () => {
    const box = text(renderSweepAnswerBox(sweep, undefined, scenario, name));
    expect(box).toContain('Consumption (received) · NdPr oxide');
    expect(box).not.toContain('Dysprosium');
  });
});

describe('L11: the untouched-material hint suggests the CLI\'s default material', () => {
  it('names the first material in the scenario\'s order that an event names', async () => {
    const still = { metric: 'cumulativeConsumption.gallium.endUse.US', unit: 't', base: 5, entries: [{ parameter: 'government.reversalProbability', low: 0.1, high: 0.4, outputLow: 5, outputHigh: 5, swing: 0 }] };
    const html = await renderSweepSection(undefined, [still], overview(['ndpr', 'dy', 'gallium'], [event('cnQuotaDy', 'dy', 1), event('cnQuotaNdpr', 'ndpr', 1)]), name, collector());
    expect(html).toContain('<code>--metric cumulativeConsumption.ndpr.endUse.US</code>');
  });
});

describe('H3: readSweepJson reads the recorded metric and tornado status; older files have neither', () => {
  it('reads them where present', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readSweepJson } = await import('../../src/report/readSweepJson.ts');
    const dir = await mkdtemp(join(tmpdir(), 'sweep-json-'));
    const points = [{ point: 0, values: { years: '2' }, metrics: { 'policyCost.US': { unit: 'USD', n: 2, mean: 1, ciLow: 0, ciHigh: 2 } } }];
    await writeFile(join(dir, 'sweep.json'), JSON.stringify({ scenario: 's', points, metric: 'timeToRecoveryWeeks.ndpr.endUse.US', tornado: 'off' }));
    expect(await readSweepJson(dir)).toMatchObject({ metric: 'timeToRecoveryWeeks.ndpr.endUse.US', tornado: 'off' });
    await writeFile(join(dir, 'sweep.json'), JSON.stringify({ scenario: 's', points }));
    const old = await readSweepJson(dir);
    expect(old?.metric).toBeUndefined();
    expect(old?.tornado).toBeUndefined();
  });
});

describe('M2, L6: a Latin hypercube is drawn at its values on numeric axes, its values rounded, region ids kept', () => {
  const ndpr = 'cumulativeConsumption.ndpr.endUse.US';
  const [a, b] = ['materials.ndpr.demand.byRegion.US', 'materials.ndpr.demand.growthPerYear'];
  const design = [['8.43557 kt/yr', '6.93871%', 29000], ['6.85656 kt/yr', '4.8225%', 23500], ['9.56113 kt/yr', '9.00637%', 33400], ['6.16387 kt/yr', '7.9%', 22800]] as const;
  const sweep: SweepTable = {
    parameters: [a, b], units: { [ndpr]: 't' }, metric: ndpr, lhs: true,
    rows: design.map(([x, y, mean], i) => row(i, { [a]: x, [b]: y }, ndpr, mean, i === 0 ? undefined : [mean - 29000, mean - 29060, mean - 28940])),
  };

  it('draws a scatter at the numeric values (t/yr, %/yr), says "design points", and writes values to 3 significant digits', async () => {
    const charts = collector();
    const html = text(await renderSweepSection(sweep, undefined, overview(['ndpr'], [event('q', 'ndpr', 1)]), name, charts));
    expect(html).toContain('The sweep ran 4 design points of a Latin hypercube');
    expect(html).not.toContain('grid points');
    expect(html).toContain('at NdPr oxide: demand in US 6.16 kt/yr, NdPr oxide: demand growth per year 7.9%/yr');
    expect(html).toContain('0 8.44 kt/yr 6.94%/yr 29,000 t');
    expect(html).not.toContain('8.43557');
    const spec = JSON.stringify(charts.specs[0]);
    expect(spec).toContain('"x":8435.57');
    expect(spec).toContain('"y":6.93871');
    expect(spec).toContain('"title":"NdPr oxide: demand growth per year (%/yr)"');
    expect(spec).toContain('"title":"NdPr oxide: demand in US (t/yr)"');
    expect(spec).not.toContain('"type":"ordinal"');
    expect(spec).toContain('not from 0');
  });

  it('says a grid crossed with a hypercube keeps its grid values, and rounds only the drawn ones (review 25, M1)', async () => {
    const crossed: SweepTable = { ...sweep, drawnParameters: [a], rows: [['8.43557 kt/yr', '5%'], ['6.85656 kt/yr', '5%'], ['8.43557 kt/yr', '9%'], ['6.85656 kt/yr', '9%']]
      .map(([x, y], i) => row(i, { [a]: x, [b]: y }, ndpr, 29000 + i * 100, i === 0 ? undefined : [i * 100, i * 100 - 10, i * 100 + 10])) };
    const html = text(await renderSweepSection(crossed, undefined, overview(['ndpr'], [event('q', 'ndpr', 1)]), name, collector()));
    expect(html).toContain('The sweep ran 4 design points: each grid value of NdPr oxide: demand growth per year');
    expect(html).toContain('crossed with a Latin hypercube over NdPr oxide: demand in US');
    expect(html).not.toContain('draws both parameters afresh');
    expect(html).toContain('8.44 kt/yr');
  });

  it('draws a one-range hypercube as a line on a numeric axis, "per design point"', async () => {
    const one: SweepTable = { parameters: [b], units: { [ndpr]: 't' }, metric: ndpr, lhs: true, rows: design.map(([, y, mean], i) => row(i, { [b]: y }, ndpr, mean)) };
    const charts = collector();
    await renderSweepSection(one, undefined, overview(['ndpr'], [event('q', 'ndpr', 1)]), name, charts);
    const spec = JSON.stringify(charts.specs[0]);
    expect(spec).toContain('"x":6.93871');
    expect(spec).toContain('mean per design point');
    expect(spec).not.toContain('"type":"ordinal"');
  });

  it('keeps region ids as written in parameter names and rounds draws to the digits that keep them apart', () => {
    expect(describeParameter('materials.ndpr.demand.byRegion.US')).toBe('ndpr: demand in US');
    expect(describeParameter('materials.ndpr.mining.capacityByRegion.ALLIES')).toBe('ndpr: mining capacity in ALLIES');
    expect(roundDrawnValues(['8.43557 kt/yr', '6.16387 kt/yr'])).toEqual(['8.44 kt/yr', '6.16 kt/yr']);
    expect(roundDrawnValues(['6.16387%', '6.16412%', '7.2%'])).toEqual(['6.1639%', '6.1641%', '7.2%']);
  });

  it('gives the tornado\'s parameter labels room for the longest name', () => {
    const spec = createTornadoSpec({ metric: 'm', unit: 't', base: 1, entries: [{ parameter: 'p', low: 0, high: 1, outputLow: 0, outputHigh: 2, swing: 2 }] }, 'm',
      { parameter: () => 'Government: probability of reversing a policy at each election' }) as unknown as { layer: { encoding: { y: { axis: { labelLimit: number } } } }[] };
    expect(spec.layer[0].encoding.y.axis.labelLimit).toBeGreaterThan(300);
  });
});

describe('L1: a one-point sweep and a skipped tornado are said so', () => {
  const p = 'government.reversalProbability';
  const one: SweepTable = { parameters: [p], units: { 'policyCost.US': 'USD' }, rows: [row(0, { [p]: 0.3 }, 'policyCost.US', 1e8)], tornado: 'noUncertainParameters' };

  it('says one point has nothing to compare, points to run, lists no metric as "the same at every grid point", and says why no tornado ran', async () => {
    const html = text(await renderSweepSection(one, undefined, overview(['ndpr'], []), name, collector()));
    expect(html).toContain('The sweep ran one grid point');
    expect(html).toContain('One point: nothing to compare.');
    expect(html).toContain('crm-sim run');
    expect(html).not.toContain('The same at every grid point');
    expect(html).toContain('the scenario declares no uncertain parameters');
    const off = text(await renderSweepSection({ ...one, tornado: 'off' }, undefined, overview(['ndpr'], []), name, collector()));
    expect(off).toContain('it was turned off ( --no-tornado )');
  });
});

describe('L2: a swept horizon is not summarised as an effect', () => {
  const c = 'cumulativeConsumption.dy.endUse.US';
  const sweep: SweepTable = {
    parameters: ['years'], units: { [c]: 't', 'policyCost.US': 'USD' }, metric: c,
    rows: [2, 3].flatMap((y, i) => [row(i, { years: y }, c, 430 + 160 * i, i === 0 ? undefined : [160, 159, 162]), row(i, { years: y }, 'policyCost.US', 1e8, i === 0 ? undefined : [0, 0, 0])]),
  };

  it('the answer box gives no contrast, and the section says which horizons the points ran', async () => {
    const box = text(renderSweepAnswerBox(sweep, undefined, overview(['dy'], [event('q', 'dy', 1)]), name));
    expect(box).toContain('This sweep varies years (2 years, 3 years)');
    expect(box).toContain('not the effect of a parameter');
    expect(box).not.toContain('+160');
    const html = text(await renderSweepSection(sweep, undefined, overview(['dy'], [event('q', 'dy', 1)]), name, collector()));
    expect(html).toContain('The points ran horizons of 2 years and 3 years; "The scenario at a glance" gives the scenario file\'s own (10 years), which no point ran.');
  });
});
