import { describe, expect, it } from 'vitest';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';
import { isZeroFan, isZeroInBands } from '../../src/report/isZeroFan.ts';
import type { FanPanelPlan } from '../../src/report/planFanPanels.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import { seriesKey, type SeriesFan, type SeriesId } from '../../src/report/readSeriesCsv.ts';
import { renderFanChartsSection } from '../../src/report/renderFanChartsSection.ts';

/** A collector that returns each chart's caption instead of rendering it. */
const captions: ChartCollector = { add: async (_name, _spec, { caption }) => `<figure>${caption}</figure>`, finish: async () => [] };

const year = [2025, 2025 + 1 / 52, 2025 + 2 / 52];
/** A fan whose bands are `band` every week and whose mean is `mean`. */
const fan = (id: SeriesId, band: number, mean: number[] | undefined): SeriesFan => {
  const values = year.map(() => band);
  return { ...id, year, p5: values, p25: values, p50: values, p75: values, p95: values, ...(mean === undefined ? {} : { mean }) };
};
const US: SeriesId = { metric: 'shortfall', material: 'li', stage: 'endUse', region: 'US' };
const EU: SeriesId = { ...US, region: 'EU' };
const PRICE: SeriesId = { metric: 'price', material: 'li', stage: 'processing', region: 'US' };

const overview = {
  name: 'x', description: '', startYear: 2025, years: 1, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }, { id: 'EU', name: 'Europe', alignment: 'ally' }],
  materials: [], events: [], threat: [], document: {},
} as unknown as ScenarioOverview;
const plan: FanPanelPlan = {
  materialId: 'li', materialName: 'Lithium', eventWindows: [],
  rows: [
    { title: 'Refined price', unit: 'USD/kg', sharedY: true, charts: [{ title: 'US', series: PRICE, divisor: 1000 }] },
    { title: "End users' shortfall", unit: 't/yr', sharedY: true, charts: [{ title: 'US', series: US, divisor: 1 }, { title: 'EU', series: EU, divisor: 1 }] },
  ],
};

describe('isZeroFan', () => {
  it('is false when the bands are zero but the mean is not (one run in forty short)', () => {
    const rare = fan(US, 0, [0, 13.1, 0]);
    expect(isZeroInBands(rare)).toBe(true);
    expect(isZeroFan(rare)).toBe(false);
    expect(isZeroFan(fan(US, 0, [0, 0, 0]))).toBe(true);
    expect(isZeroFan(fan(US, 0, undefined))).toBe(true); // an older series.csv without a mean
    expect(isZeroFan(fan(US, 0, [NaN, NaN, NaN]))).toBe(true);
    expect(isZeroFan(fan(US, 2, [2, 2, 2]))).toBe(false);
  });
});

describe('renderFanChartsSection: series left out', () => {
  it('calls a series zero in every run only when its mean is zero too; bands at zero with a non-zero mean are "at least 95% of runs"', async () => {
    const fans = new Map([PRICE, US, EU].map((id) => [seriesKey(id), id === PRICE ? fan(id, 20000, [20000, 20000, 20000]) : id === US ? fan(id, 0, [0, 13.1, 0]) : fan(id, 0, [0, 0, 0])]));
    const html = await renderFanChartsSection(overview, [plan], fans, captions);
    const caption = html.slice(html.indexOf('<figure>'));
    expect(caption).toContain('zero in every run (or absent): End users&#39; shortfall: EU.');
    expect(caption).not.toMatch(/zero in every run \(or absent\): [^.]*: [^.]*US/);
    expect(caption).toContain('zero in at least 95% of runs in every week, though not in every run');
    expect(caption).toMatch(/not in every run \([^)]*\): End users&#39; shortfall: US\./);
  });
});

describe('row titles after charts zero in every run are left out', () => {
  /** A collector that returns the row titles of each panel spec. */
  const titles: string[] = [];
  const rowTitles: ChartCollector = {
    add: async (_name, spec) => {
      const rows = (spec as { vconcat: Array<{ title?: { text?: string } }> }).vconcat;
      titles.push(...rows.flatMap((row) => (row.title?.text === undefined ? [] : [row.title.text])));
      return '';
    },
    finish: async () => [],
  };

  it('names the regions left out of a per-region row, and rebuilds a row titled by what it draws', async () => {
    const stock: SeriesId = { metric: 'inventoryDays', material: 'li', stage: 'processing', region: 'US' };
    const pile: SeriesId = { metric: 'stockpile', material: 'li', stage: 'processing', region: 'US' };
    const withHome: FanPanelPlan = { ...plan, rows: [...plan.rows, {
      title: 'United States: stock cover, stockpile', unit: '', sharedY: false, titleFor: (subjects) => `United States: ${subjects.join(', ')}`,
      charts: [{ title: 'Stock (days)', series: stock, divisor: 1, subject: 'stock cover' }, { title: 'Stockpile (t)', series: pile, divisor: 1, subject: 'stockpile' }],
    }] };
    const fans = new Map([PRICE, US, EU, stock, pile].map((id) => [seriesKey(id), id === US || id === pile ? fan(id, 0, [0, 0, 0]) : fan(id, 5, [5, 5, 5])]));
    titles.length = 0;
    await renderFanChartsSection(overview, [withHome], fans, rowTitles);
    expect(titles.some((t) => t.startsWith("End users' shortfall; not drawn (zero): US"))).toBe(true);
    expect(titles.some((t) => t.startsWith('United States: stock cover') && !t.includes('stockpile'))).toBe(true);
  });
});

describe('renderFanChartsSection and the actor price war', () => {
  it('shades the price row where the rule-driven price war on its market is in force in a quarter of the runs or more', async () => {
    const specs: unknown[] = [];
    const keep: ChartCollector = { add: async (_name, spec) => (specs.push(spec), '<figure></figure>'), finish: async () => [] };
    const war: SeriesId = { metric: 'actorPriceWar', material: 'li', stage: 'processing', region: 'CN' };
    const fans = new Map([PRICE, US].map((id) => [seriesKey(id), fan(id, 5, undefined)]));
    fans.set(seriesKey(war), { ...fan(war, 0, [0, 0.5, 0.5]) });
    const html = await renderFanChartsSection(overview, [plan], fans, keep);
    const rows = (specs[0] as { vconcat: Array<{ hconcat?: Array<{ layer: Array<{ name?: string }> }> }> }).vconcat.slice(1);
    const names = rows.map((row) => (row.hconcat ?? []).flatMap((c) => c.layer.map((l) => l.name ?? '')));
    expect(names[0]).toContain('pricewar_0_0');
    expect(names.slice(1).flat().some((n) => n.startsWith('pricewar'))).toBe(false);
    expect(JSON.stringify((specs[0] as { title: unknown }).title)).toContain('Purple (prices): CN wages a price war on refined lithium (processing)');
    expect(html).toContain('purple shading behind the prices');

    specs.length = 0;
    fans.set(seriesKey(war), { ...fan(war, 0, [0, 0.2, 0.2]) }); // under a quarter of the runs
    await renderFanChartsSection(overview, [plan], fans, keep);
    expect(JSON.stringify(specs[0])).not.toContain('pricewar_');
  });
});

describe('renderFanChartsSection: stock cover and a price war under the actor\'s own quota (user audit 24)', () => {
  it('caps stock cover at 365 days and says so in the chart\'s note, with how high it went', async () => {
    const stock: SeriesId = { metric: 'inventoryDays', material: 'li', stage: 'processing', region: 'US' };
    const withStock: FanPanelPlan = { ...plan, rows: [...plan.rows, { title: 'United States: stock cover', unit: '', sharedY: false, charts: [{ title: "Processors' stock (days)", series: stock, divisor: 1 }] }] };
    const fans = new Map([PRICE, US, EU, stock].map((id) => [seriesKey(id), id === stock ? fan(id, 2000, [2000, 2000, 2000]) : fan(id, 5, [5, 5, 5])]));
    const html = await renderFanChartsSection(overview, [withStock], fans, captions);
    expect(html).toContain('Processors&#39; stock (days) is drawn up to 365 days (its 95th percentile reaches 2,000 days; its median is above it in Jan 2025)');
    const low = new Map([PRICE, US, EU, stock].map((id) => [seriesKey(id), fan(id, 120, [120, 120, 120])]));
    expect(await renderFanChartsSection(overview, [withStock], low, captions)).not.toContain('drawn up to');
  });

  it('explains a price war on a market where the actor\'s own export quota is in force, and only there', async () => {
    const war: SeriesId = { metric: 'actorPriceWar', material: 'li', stage: 'processing', region: 'CN' };
    const fans = new Map([PRICE, US, EU, war].map((id) => [seriesKey(id), id === war ? fan(id, 0, [1, 1, 1]) : fan(id, 5, [5, 5, 5])]));
    const quota = { id: 'q', kind: 'exportControl', start: 0, end: 1, announced: NaN, fields: { material: 'li', stage: 'processing', mode: 'quota', exporter: 'CN' } };
    const withQuota = { ...overview, regions: [...overview.regions, { id: 'CN', name: 'China', alignment: 'foreign' }], events: [quota] } as ScenarioOverview;
    const withWindow: FanPanelPlan = { ...plan, eventWindows: [{ start: 2025, end: 2026, label: 'quota', openEnded: false, throughout: false }] };
    const html = await renderFanChartsSection(withQuota, [withWindow], fans, captions);
    expect(html).toContain('Purple over grey: China’s price war on refined lithium (processing) runs while its own export quota on it is in force; in the model the price war');
    // A ban, or a quota on another stage, is not a quota on this market.
    const ban = { ...withQuota, events: [{ ...quota, fields: { ...quota.fields, mode: 'ban' } }] } as ScenarioOverview;
    expect(await renderFanChartsSection(ban, [withWindow], fans, captions)).not.toContain('Purple over grey');
    const otherStage = { ...withQuota, events: [{ ...quota, fields: { ...quota.fields, stage: 'manufacturing' } }] } as ScenarioOverview;
    expect(await renderFanChartsSection(otherStage, [withWindow], fans, captions)).not.toContain('Purple over grey');
  });
});
