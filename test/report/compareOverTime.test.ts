import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import { createCompareOverTimeSpec } from '../../src/report/createCompareOverTimeSpec.ts';
import { readOverTimeCsv, type OverTimeSeriesData } from '../../src/report/readOverTimeCsv.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import { renderCompareOverTime } from '../../src/report/renderCompareOverTime.ts';
import { ReportInputError } from '../../src/report/reportInputError.ts';
import { splitGainByWindow } from '../../src/report/splitGainByWindow.ts';

const overview = {
  name: 'x', description: '', startYear: 2026, years: 1, ticksPerYear: 12, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }, { id: 'CN', name: 'China', alignment: 'adversary' }],
  materials: [{ id: 'li', name: 'Lithium', priceUnit: 'USD/kg' }],
  // An export cut in force from April to the end of September (years since the start).
  events: [{ id: 'cut', kind: 'exportControl', start: 0.25, end: 0.75, announced: 0.25, fields: { material: 'li', stage: 'processing', exporter: 'CN' } }],
  threat: [], document: {},
} as unknown as ScenarioOverview;

const periods = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const years = periods.map((_, i) => 2026 + (i + 0.5) / 12);
const series = (strategy: string, measure: string, median: number[], difference?: { mean: number[]; low: number[]; high: number[] }): OverTimeSeriesData => ({
  strategy, material: 'li', measure, stage: measure === 'price' ? 'processing' : measure === 'consumption' ? 'endUse' : 'processing+manufacturing', region: 'US',
  unit: measure === 'price' ? 'USD/t' : measure === 'consumption' ? 't/week' : 't', period: periods, year: years, weeks: periods.map(() => 4), runs: periods.map(() => 20),
  median, p5: median, p95: median,
  meanDifference: difference?.mean ?? median.map(() => NaN), ciLow: difference?.low ?? median.map(() => NaN), ciHigh: difference?.high ?? median.map(() => NaN),
  // The fixture's bands are the ones the words read: those for all months at once.
  simultaneousCiLow: difference?.low ?? median.map(() => NaN), simultaneousCiHigh: difference?.high ?? median.map(() => NaN),
});
/** The alternative's consumption with other bands for all months at once. */
const withBands = (low: number[], high: number[]) => data.map((x) => (x.strategy === 'stockpile' && x.measure === 'consumption' ? { ...x, simultaneousCiLow: low, simultaneousCiHigh: high } : x));
const flat = (value: number): number[] => periods.map(() => value);
// The alternative: clearly less in Jan–Feb (it buys), clearly more in May–Aug, unclear otherwise.
const mean = [-2, -1, 0.1, 0.5, 3, 4, 6, 2, 0.2, 0, 0, 0];
const low = mean.map((m, i) => (i < 2 ? m - 0.5 : i >= 4 && i < 8 ? m - 1 : m - 1));
const high = mean.map((m, i) => (i < 2 ? m + 0.5 : i >= 4 && i < 8 ? m + 1 : m + 1));
const data = [
  series('threat', 'consumption', flat(100)), series('threat', 'price', flat(20_000)), series('threat', 'stockpile', flat(0)),
  series('stockpile', 'consumption', flat(101), { mean, low, high }), series('stockpile', 'price', flat(18_000)), series('stockpile', 'stockpile', flat(50)),
];

/** A collector that keeps the specs it is given and returns the caption. */
function collector(): ChartCollector & { specs: unknown[] } {
  const specs: unknown[] = [];
  return { specs, add: async (_name, spec, { caption }) => (specs.push(spec), `<figure>${caption}</figure>`), finish: async () => [] };
}

describe('renderCompareOverTime', () => {
  it('says in which months the alternative clearly gives more or less, and how many fall inside the threat', async () => {
    const charts = collector();
    const html = await renderCompareOverTime(data, overview, (id) => (id === 'li' ? 'Lithium' : id), charts);
    expect(html).toContain('<h3>Lithium</h3>');
    expect(html).toContain('end users receive clearly more Lithium than under threat in 4 of 12 months (May 2026 – Aug 2026; the largest gain +6 t/week in Jul 2026, 6% of the reference&#39;s median)');
    expect(html).toContain('clearly less in 2 months (Jan 2026 – Feb 2026; the largest loss −2 t/week in Jan 2026, 2%)');
    // April to September are inside the cut: 6 months, May–Aug clearly more, none clearly less.
    expect(html).toContain('While the reference&#39;s events on it are in force (6 months): more in 4, less in 0.');
    // Weeks × monthly mean differences: Jan–Mar (−2 − 1 + 0.1) × 4 before, Apr–Dec (0.5 + 3 + 4 + 6 + 2 + 0.2) × 4 from the cut to the run's end.
    expect(html).toContain('Over the run, +51.2 t on average: −11.6 t before the events, +62.8 t from their start to a year after their end (Apr 2026 – Dec 2026).');
    expect(charts.specs).toHaveLength(1);
  });

  it('draws levels, the paired difference with its band, the price in the material unit and a stockpile panel only when one is held', async () => {
    const charts = collector();
    await renderCompareOverTime(data, overview, (id) => id, charts);
    const spec = charts.specs[0] as { vconcat: Array<{ title: { text: string }; data: { values: Array<Record<string, number | string>> }; layer: Array<{ name?: string }> }> };
    expect(spec.vconcat.map((p) => p.title.text)).toEqual([
      'What end users in the United States receive (median)',
      'Difference from threat in what they receive (mean of paired runs, 95% band for all months)',
      'Refined price in the United States (median)',
      'Government stockpile in the United States, refined and in components (median)',
    ]);
    expect(spec.vconcat[2].data.values[0].value).toBe(20); // USD/t shown as USD/kg
    expect(spec.vconcat[1].data.values.every((v) => v.strategy === 'stockpile' && 'low' in v)).toBe(true);
    expect(spec.vconcat[1].layer.some((l) => l.name === 'zero_1')).toBe(true);
    expect(spec.vconcat[0].layer.some((l) => l.name === 'event_0')).toBe(true);

    // A magnet price kept beside the refined one (a magnet quota or stockpile): its own panel after the quoted price, in the same unit.
    const magnets = (x: OverTimeSeriesData): OverTimeSeriesData => ({ ...x, measure: 'otherStagePrice', stage: 'manufacturing', median: x.median.map((v) => v * 3) });
    const withMagnets = [...data, ...data.filter((x) => x.measure === 'price').map(magnets)];
    const twoPrices = collector();
    await renderCompareOverTime(withMagnets, overview, (id) => id, twoPrices);
    const panels = (twoPrices.specs[0] as { vconcat: Array<{ title: { text: string }; data: { values: Array<Record<string, number | string>> } }> }).vconcat;
    expect(panels.map((p) => p.title.text).slice(2, 4)).toEqual(['Refined price in the United States (median)', 'Price of components in the United States (median)']);
    expect(panels[3].data.values[0].value).toBe(60);

    const noStock = collector();
    await renderCompareOverTime(data.map((s) => (s.measure === 'stockpile' ? { ...s, median: flat(0) } : s)), overview, (id) => id, noStock);
    expect((noStock.specs[0] as { vconcat: unknown[] }).vconcat).toHaveLength(3);
  });

  it('says "while they are in force" for an event that lasts to the end of the run, and draws its start as a dashed line', async () => {
    const openEnded = { ...overview, events: [{ ...overview.events[0], start: 0.25, end: Infinity, announced: NaN }] } as unknown as ScenarioOverview;
    const charts = collector();
    const html = await renderCompareOverTime(data, openEnded, (id) => (id === 'li' ? 'Lithium' : id), charts);
    // Jan–Mar before the event (−11.6 t), the rest while it is in force (+62.8 t).
    expect(html).toContain('Over the run, +51.2 t on average: −11.6 t before the events, +62.8 t while they are in force (from Apr 2026 to the end of the run).');
    const layers = (charts.specs[0] as { vconcat: Array<{ layer: Array<{ name?: string }> }> }).vconcat[0].layer.map((l) => l.name);
    // Nothing before it: the whole gain falls while it is in force.
    const none = data.map((x) => (x.strategy === 'stockpile' && x.measure === 'consumption' ? { ...x, meanDifference: x.meanDifference.map((v, i) => (i < 3 ? 0 : v)) } : x));
    expect(await renderCompareOverTime(none, openEnded, (id) => id, collector())).toContain('Over the run, +62.8 t on average, all of it while they are in force (from Apr 2026 to the end of the run).');
    expect(layers).toContain('eventstart_0');
    expect(layers).not.toContain('event_0');
  });

  it('calls a month clear only when its band for all months excludes 0, not its own interval, and draws that band', async () => {
    // Each month's own interval (ciLow/ciHigh) still excludes 0 in May–Aug; the wider band for all months does only in July.
    const wide = withBands(mean.map((m, i) => (i === 6 ? 1 : m - 10)), mean.map((m) => m + 10));
    const charts = collector();
    const html = await renderCompareOverTime(wide, overview, (id) => id, charts);
    expect(html).toContain('clearly more li than under threat in 1 of 12 months (Jul 2026;');
    expect(html).toContain('a 95% band that holds for all months at once');
    const band = JSON.stringify(charts.specs[0]);
    expect(band).toContain('"high":16');
    expect(band).not.toContain('"high":7');
  });

  it('says so when no month differs clearly, and is empty without over-time.csv', async () => {
    const unclear = withBands(flat(-1), flat(1));
    expect(await renderCompareOverTime(unclear, overview, (id) => id, collector())).toContain('no clearly different amount of li than under threat in any month');
    expect(await renderCompareOverTime(undefined, overview, (id) => id, collector())).toBe('');
  });
});

describe('renderCompareOverTime wording', () => {
  it('names quarters when the periods are quarters, counts with the right plural, and says so when an arm lacks the material', async () => {
    const quarterly = data.map((x) => ({ ...x, weeks: x.weeks.map(() => 13) }));
    const html = await renderCompareOverTime(quarterly, overview, (id) => id, collector());
    expect(html).toContain('Quarter by quarter, for each material');
    expect(html).toContain('clearly more li than under threat in 4 of 12 quarters');
    // One clear period: "1 of 12 months", and "1 month" for the second side.
    const one = withBands(low.map((v, i) => (i === 4 ? 1 : Math.min(v, -0.1))), high.map((v, i) => (i === 0 ? -1 : Math.max(v, 0.1))));
    const text = await renderCompareOverTime(one, overview, (id) => id, collector());
    expect(text).toContain('in 1 of 12 months (May 2026;');
    expect(text).toContain('clearly less in 1 month (Jan 2026;');
    const missing = data.map((x) => (x.strategy === 'stockpile' ? { ...x, runs: x.runs.map(() => 0), median: flat(NaN), meanDifference: flat(NaN), ciLow: flat(NaN), ciHigh: flat(NaN) } : x));
    expect(await renderCompareOverTime(missing, overview, (id) => id, collector())).toContain('no values of li (the scenario does not model it).');
  });
});

describe('renderCompareOverTime, a split with a later part', () => {
  // Two years; a cut in force in February and March 2026, so the middle part runs to March 2027 and nine months come after it.
  const months = Array.from({ length: 24 }, (_, i) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  const twoYears = { ...overview, years: 2, events: [{ ...overview.events[0], start: 1 / 12, end: 0.25, announced: 1 / 12 }] } as ScenarioOverview;
  // Per week: −2.9 in January (−11.6 t), 1.12 in each of the 14 middle months (+62.72 t), 0.086 in each later month (+3.096 t).
  const difference = months.map((_, i) => (i === 0 ? -2.9 : i < 15 ? 1.12 : 0.086));
  const stretch = (s: OverTimeSeriesData, toEnd?: { low: number; high: number }): OverTimeSeriesData => ({
    ...s, period: months, year: months.map((_, i) => 2026 + (i + 0.5) / 12), weeks: months.map(() => 4), runs: months.map(() => 20),
    median: months.map(() => s.median[0]), p5: months.map(() => s.p5[0]), p95: months.map(() => s.p95[0]),
    meanDifference: s.strategy === 'stockpile' ? difference : months.map(() => NaN), ciLow: months.map(() => NaN), ciHigh: months.map(() => NaN),
    // Every month clear (the tonnes are said only when some month is).
    simultaneousCiLow: difference.map((d) => d - 0.05), simultaneousCiHigh: difference.map((d) => d + 0.05),
    // The sum to the end's interval at the first later month (Apr 2027, index 15).
    ...(toEnd === undefined ? {} : { differenceToEnd: months.map(() => 3.096), differenceToEndCiLow: months.map(() => toEnd.low), differenceToEndCiHigh: months.map(() => toEnd.high) }),
  });
  const render = (toEnd?: { low: number; high: number }): Promise<string> => renderCompareOverTime(data.map((s) => stretch(s, toEnd)), twoYears, (id) => id, collector());

  it('writes the total and the parts before and during with the decimals of the later part and its interval', async () => {
    expect(await render({ low: 2.4, high: 3.9 })).toContain('Over the run, +54.22 t on average: −11.60 t before the events, +62.72 t from their start to a year after their end (Feb 2026 – Mar 2027), +3.10 t later (95% CI +2.40 t to +3.90 t).');
    // A later part whose interval reaches 0 is written to units, and so is the rest of the sentence.
    expect(await render({ low: -310, high: 290 })).toContain('Over the run, +54 t on average: −12 t before the events, +63 t from their start to a year after their end (Feb 2026 – Mar 2027), +3 t later (95% CI −310 t to +290 t).');
    // Without the interval (an older folder) each figure keeps its own three significant digits.
    expect(await render()).toContain('Over the run, +54.2 t on average: −11.6 t before the events, +62.7 t from their start to a year after their end (Feb 2026 – Mar 2027), +3.1 t later.');
  });
});

describe('splitGainByWindow', () => {
  it('counts the months from the first start to a year after the last end in the middle, naming the first and last it counted', () => {
    const months = Array.from({ length: 36 }, (_, i) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const series = { ...data[3], period: months, year: months.map((_, i) => 2026 + (i + 0.5) / 12), weeks: months.map(() => 4), runs: months.map(() => 20), meanDifference: months.map(() => 1) };
    // Apr–Jun 2026 in force, so the middle runs Apr 2026 – Jun 2027 (15 months), 21 months after.
    const split = splitGainByWindow(series, [{ start: 2026.25, end: 2026.5 }]);
    expect([split?.before, split?.during, split?.after]).toEqual([12, 60, 72]);
    expect([split?.firstDuring, split?.lastDuring]).toEqual(['2026-04', '2027-06']);
    // A middle that runs to the end of the run leaves no "later" part; one that stops at the last month's start leaves that month.
    expect(splitGainByWindow(series, [{ start: 2026.25, end: 2028 }])?.hasAfter).toBe(false);
    const lastMonthOnly = splitGainByWindow(series, [{ start: 2026.25, end: 2027 + 11 / 12 }]);
    expect([lastMonthOnly?.hasAfter, lastMonthOnly?.after]).toEqual([true, 4]);
    // An end inside a month: the month that starts before it is counted, and named.
    expect(splitGainByWindow(series, [{ start: 2026.25, end: 2026.55 }])?.lastDuring).toBe('2027-07');
    // The later part's interval is the sum-to-end interval at the first later month (Jul 2027, index 18); none without those columns.
    expect(split?.afterCi).toBeUndefined();
    const withToEnd = { ...series, differenceToEnd: months.map((_, i) => 4 * (36 - i)), differenceToEndCiLow: months.map((_, i) => i), differenceToEndCiHigh: months.map((_, i) => 100 + i) };
    expect(splitGainByWindow(withToEnd, [{ start: 2026.25, end: 2026.5 }])?.afterCi).toEqual({ low: 18, high: 118 });
  });
});

describe('createCompareOverTimeSpec', () => {
  it('draws the reference wide in grey under the alternatives and marks an announcement ahead of the start', () => {
    const spec = createCompareOverTimeSpec({
      title: 't', subtitle: 's', strategies: ['a', 'b'], eventWindows: [{ start: 2026.25, end: 2026.75, announced: 2026.1 }],
      panels: [{ title: 'p', unit: 'u', lines: [{ strategy: 'a', year: [2026, 2027], value: [1, 2] }] }],
    }) as unknown as { vconcat: Array<{ layer: Array<{ name?: string; transform?: Array<{ filter: string }>; mark: { type: string; strokeWidth?: number }; encoding?: { color?: { scale: { range: string[] } }; strokeWidth?: unknown } }> }> };
    const layers = spec.vconcat[0].layer;
    expect(layers.map((l) => l.name).filter(Boolean)).toEqual(['announced_0', 'event_0']);
    // Audit 24, L1: the reference in ink could not be told from an alternative on the same path.
    const [referenceColour, alternativeColour] = layers.at(-1)?.encoding?.color?.scale.range ?? [];
    expect(referenceColour).toMatch(/^#([0-9a-f]{2})\1\1$/); // a grey
    expect(alternativeColour).not.toMatch(/^#([0-9a-f]{2})\1\1$/);
    // Two line layers, the reference's first (under the others) and wider; no strokeWidth channel, on which vega-lite warns.
    const lines = layers.filter((l) => l.mark.type === 'line');
    expect(lines.map((l) => l.transform?.[0].filter)).toEqual(['datum.strategy === "a"', 'datum.strategy !== "a"']);
    expect(lines[0].mark.strokeWidth).toBeGreaterThan(lines[1].mark.strokeWidth ?? Infinity);
    expect(lines.every((l) => l.encoding?.strokeWidth === undefined)).toBe(true);
  });

  it('starts level panels at zero and keeps difference panels cut around their zero rule; tells strategies apart by dashes too', () => {
    type Encoding = { y: { scale: { zero: boolean } }; strokeDash?: { scale: { range: number[][] } } };
    const spec = createCompareOverTimeSpec({
      title: 't', subtitle: 's', strategies: ['a', 'b'], eventWindows: [],
      panels: [
        { title: 'received', unit: 't/week', lines: [{ strategy: 'a', year: [2026, 2027], value: [130, 96] }, { strategy: 'b', year: [2026, 2027], value: [130, 100] }] },
        { title: 'difference', unit: 't/week', zeroRule: true, lines: [{ strategy: 'b', year: [2026, 2027], value: [0, 4], low: [-1, 2], high: [1, 6] }] },
      ],
    }) as unknown as { vconcat: Array<{ layer: Array<{ mark: { type: string }; encoding?: Encoding }> }> };
    const line = (p: number) => spec.vconcat[p].layer.find((l) => l.mark.type === 'line')?.encoding;
    expect(line(0)?.y.scale.zero).toBe(true);
    expect(line(1)?.y.scale.zero).toBe(false);
    expect(line(0)?.strokeDash?.scale.range).toEqual([[1, 0], [6, 3]]);
  });
});

describe('readOverTimeCsv', () => {
  const header = 'strategy,material,measure,stage,region,unit,period,year,weeks,runs,median,p5,p95,meanDifference,ciLow,ciHigh';
  it('reads one series per strategy, material and measure, with empty fields as NaN', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'overtime-'));
    writeFileSync(join(dir, 'over-time.csv'), `${header}\na,li,consumption,endUse,US,t/week,2026-01,2026.04,4.33,3,1,0.5,2,,,\na,li,consumption,endUse,US,t/week,2026-02,2026.12,4,3,2,1,3,,,\nb,li,consumption,endUse,US,t/week,2026-01,2026.04,4.33,3,1.5,1,2,0.5,0.1,0.9\n`);
    const read = await readOverTimeCsv(dir);
    expect(read?.map((s) => [s.strategy, s.period.length])).toEqual([['a', 2], ['b', 1]]);
    expect(Number.isNaN(read?.[0].meanDifference[0])).toBe(true);
    expect(read?.[1].ciHigh).toEqual([0.9]);
    expect(await readOverTimeCsv(mkdtempSync(join(tmpdir(), 'overtime-none-')))).toBeUndefined();
  });

  it('keeps a material\'s prices at two stages apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'overtime-stages-'));
    writeFileSync(join(dir, 'over-time.csv'), `${header}\na,ndpr,price,processing,US,USD/t,2026-01,2026.04,4.33,3,100,90,110,,,\na,ndpr,price,manufacturing,US,USD/t,2026-01,2026.04,4.33,3,300,290,310,,,\n`);
    expect((await readOverTimeCsv(dir))?.map((s) => [s.stage, s.median[0]])).toEqual([['processing', 100], ['manufacturing', 300]]);
  });

  it('reads the bands for all months when written, and widens each month\'s interval by Bonferroni in a folder from before them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'overtime-simultaneous-'));
    writeFileSync(join(dir, 'over-time.csv'), `${header},simultaneousCiLow,simultaneousCiHigh\nb,li,consumption,endUse,US,t/week,2026-01,2026.04,4.33,3,1.5,1,2,0.5,0.1,0.9,-0.2,1.2\n`);
    expect((await readOverTimeCsv(dir))?.[0].simultaneousCiLow).toEqual([-0.2]);
    // Two months of 11 runs: half-width 0.4 × t(1 − 0.025/2, 10) / t(0.975, 10) = 0.4 × 2.6338 / 2.2281.
    const old = mkdtempSync(join(tmpdir(), 'overtime-old-'));
    writeFileSync(join(old, 'over-time.csv'), `${header}\nb,li,consumption,endUse,US,t/week,2026-01,2026.04,4.33,11,1.5,1,2,0.5,0.1,0.9\nb,li,consumption,endUse,US,t/week,2026-02,2026.12,4,11,1.5,1,2,0.5,0.1,0.9\n`);
    const widened = (await readOverTimeCsv(old))?.[0];
    expect(widened?.simultaneousCiHigh[0]).toBeCloseTo(0.5 + (0.4 * 2.633767) / 2.228139, 5);
    expect(widened?.simultaneousCiLow[1]).toBeCloseTo(0.5 - (0.4 * 2.633767) / 2.228139, 5);
  });

  it('locates a value that is not a number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'overtime-bad-'));
    writeFileSync(join(dir, 'over-time.csv'), `${header}\na,li,consumption,endUse,US,t/week,2026-01,2026.04,4.33,3,abc,0.5,2,,,\n`);
    await expect(readOverTimeCsv(dir)).rejects.toThrow(ReportInputError);
    await expect(readOverTimeCsv(dir)).rejects.toThrow(/over-time\.csv:2: median: expected a number, found "abc"/);
  });
});
