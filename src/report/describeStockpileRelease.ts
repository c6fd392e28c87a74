import { BUY_PRICE_CEILING_MULTIPLE, STABILISATION_PRICE_MULTIPLE, SHORTFALL_THRESHOLD_SHARE } from '../../sim-core/index.ts';
import { inSentence } from './describeMaterialResult.ts';
import { eventCategory } from './describeEvent.ts';
import { formatScenarioDate } from './formatScenarioDate.ts';
import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import { formatTonnes } from './formatTonnes.ts';
import { formatWeeks } from './formatWeeks.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';
import { type SeriesFan, type SeriesId, seriesKey } from './readSeriesCsv.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { listSoldByTrigger } from './listSoldByTrigger.ts';
import type { SummaryMetrics } from './readSummaryJson.ts';

/**
 * A stockpile that released less than this share of the stock it held when its region's end users first
 * went short, while they were short, "released little" (if it then held at least this share of its peak:
 * one that had already sold its stock into the price rise before the shortage did not hold back).
 */
export const LITTLE_RELEASE_SHARE = 0.2;

/** One stockpile as series.csv records it: its stock, and its region's end users' shortfall and demand. */
interface StockpileSeries {
  material: string;
  region: string;
  components: boolean;
  stock: SeriesId;
  shortfall: SeriesId;
  demand: SeriesId;
}

/** The stockpiles of the scenario's stockpile events, one per material, region and form. */
function stockpilesOf(overview: ScenarioOverview): StockpileSeries[] {
  const found = new Map<string, StockpileSeries>();
  for (const event of overview.events) {
    if (event.kind !== 'stockpile') continue;
    const material = String(event.fields.material);
    const region = String(event.fields.region);
    const components = event.fields.stage === 'manufacturing';
    const series = (metric: string, stage: string): SeriesId => ({ metric, material, stage, region });
    found.set(`${material}|${region}|${components}`, {
      material, region, components, stock: series('stockpile', components ? 'manufacturing' : 'processing'),
      shortfall: series('shortfall', 'endUse'), demand: series('demand', 'endUse'),
    });
  }
  return [...found.values()];
}

/**
 * The series.csv series {@link describeStockpileRelease} reads: each stockpile event's stock and its
 * region's end users' shortfall and demand.
 *
 * @param overview - The scenario as run.
 * @returns Series ids (none without stockpile events).
 * @example
 * const wanted = new Set(stockpileReleaseSeries(overview).map(seriesKey));
 */
export function stockpileReleaseSeries(overview: ScenarioOverview): SeriesId[] {
  return stockpilesOf(overview).flatMap((s) => [s.stock, s.shortfall, s.demand]);
}

/** How a stockpile's stock moved around its region's shortage, from median series (t). */
export interface ReleaseMeasure {
  /** Ticks on which end users went without more than 1% of their demand. */
  shortTicks: number;
  /** The highest stock up to the last short tick. */
  peak: number;
  /** The stock held when end users first went short (at the end of the tick before). */
  atOnset: number;
  /** Stock given up on the short ticks and the tick after each (releases answer last tick's shortfall). */
  releasedWhileShort: number;
  /** Stock given up after that. */
  releasedAfter: number;
}

/**
 * Measures a stockpile's release during its region's shortage from per-tick series of the same length.
 *
 * @param stock - Stock held, t.
 * @param shortfall - End users' unmet demand, t/week.
 * @param demand - End users' demand, t/week.
 * @returns The measure, or undefined when end users were never short or the stockpile held nothing by then.
 * @example
 * measureRelease([100, 100, 95, 95], [0, 5, 5, 0], [10, 10, 10, 10]); // { shortTicks: 2, peak: 100, atOnset: 100, releasedWhileShort: 5, releasedAfter: 0 }
 */
export function measureRelease(stock: readonly number[], shortfall: readonly number[], demand: readonly number[]): ReleaseMeasure | undefined {
  const short = stock.map((_, t) => demand[t] > 0 && shortfall[t] > SHORTFALL_THRESHOLD_SHARE * demand[t]);
  const last = short.lastIndexOf(true);
  if (last < 0) return undefined;
  const peak = Math.max(...stock.slice(0, last + 1));
  if (!(peak > 0)) return undefined;
  const first = short.indexOf(true);
  const atOnset = stock[Math.max(0, first - 1)];
  let releasedWhileShort = 0;
  let releasedAfter = 0;
  for (let t = 1; t < stock.length; t++) {
    const drop = Math.max(0, stock[t - 1] - stock[t]);
    if (short[t] || short[t - 1]) releasedWhileShort += drop;
    else if (t > last) releasedAfter += drop;
  }
  return { shortTicks: short.filter(Boolean).length, peak, atOnset, releasedWhileShort, releasedAfter };
}

/**
 * Sentences on stockpiles that released little (less than {@link LITTLE_RELEASE_SHARE} of the stock
 * they held when the shortage began, itself at least that share of their peak) while their region's
 * end users were short, read from the median series of series.csv,
 * with why (docs/model.md, known gap G10) and what to try instead.
 *
 * @param overview - The scenario as run.
 * @param fans - series.csv's bands, holding at least {@link stockpileReleaseSeries}.
 * @param summary - summary.json, for what each stockpile sold by trigger ({@link describeSoldByTriggerNote}); optional.
 * @returns One sentence per such stockpile; none when every stockpile released or had no shortage to answer.
 * @example
 * describeStockpileRelease(overview, fans);
 * // ['The refined cobalt stockpile of the United States released little while end users there were short: …']
 */
export function describeStockpileRelease(overview: ScenarioOverview, fans: ReadonlyMap<string, SeriesFan>, summary?: SummaryMetrics): string[] {
  const sentences: string[] = [];
  for (const s of stockpilesOf(overview)) {
    const [stock, shortfall, demand] = [s.stock, s.shortfall, s.demand].map((id) => fans.get(seriesKey(id))?.p50);
    if (stock === undefined || shortfall === undefined || demand === undefined) continue;
    const measure = measureRelease(stock, shortfall, demand);
    if (measure === undefined || !releasedLittle(measure)) continue;
    const fan = fans.get(seriesKey(s.stock));
    const weeksPerTick = fan !== undefined && fan.year.length > 1 ? (fan.year[1] - fan.year[0]) * 52 : 52 / overview.ticksPerYear;
    sentences.push(sentenceFor(overview, s, measure, measure.shortTicks * weeksPerTick) + describeSoldByTriggerNote(summary, s));
  }
  return sentences;
}

/** Held a good part of its peak when end users went short, and gave up little of it while they were. */
export function releasedLittle(m: ReleaseMeasure): boolean {
  return m.atOnset >= LITTLE_RELEASE_SHARE * m.peak && m.releasedWhileShort < LITTLE_RELEASE_SHARE * m.atOnset;
}

function sentenceFor(overview: ScenarioOverview, s: StockpileSeries, m: ReleaseMeasure, weeks: number): string {
  const material = inSentence(overview.materials.find((x) => x.id === s.material)?.name ?? s.material);
  const region = regionWithArticle(overview.regions.find((x) => x.id === s.region)?.name ?? s.region);
  const later = m.releasedAfter >= LITTLE_RELEASE_SHARE * m.peak ? ` It sold ${formatTonnes(m.releasedAfter)} after the shortage ended.` : '';
  const why = s.components
    ? 'A component stockpile releases only when end users there go without more than its releaseShortfallShare of their demand, up to that shortfall (docs/model.md, known gap G10).'
    : 'A refined stockpile sells only to its region\'s manufacturers, who may be at capacity, stop buying refined material in a shortage or export the components they make from it, ' +
      'even where the region makes more components than it uses (docs/model.md, known gap G10); held as components (stage: manufacturing), it sells to end users in their own market.';
  return `The ${s.components ? 'component' : 'refined'} ${material} stockpile of ${region} released little while end users there were short: ` +
    `${formatTonnes(m.releasedWhileShort)}, ${formatPercent(m.releasedWhileShort / m.atOnset)} of the ${formatTonnes(m.atOnset)} it held when they first went short, over the ${formatWeeks(weeks)} ${formatWeeks(weeks) === '1' ? 'week' : 'weeks'} they were short ` +
    `(medians over runs).${later} ${why}`;
}

/**
 * ` Over the run it sold 45 t on shortage and 37.1 t into price spikes (means over runs, before buying any
 * back).`: what the stockpile sold by the trigger of its offers, from summary.json's
 * stockpileShortageReleaseTonnes, stockpilePriceSpikeReleaseTonnes and stockpileSteadyReleaseTonnes
 * (a run's tally, so the medians of the stock path above may show less). '' without them (a folder
 * from before them) or when it sold nothing.
 *
 * @param summary - summary.json's metrics, or undefined.
 * @param s - The stockpile.
 * @returns The note, with its leading space, or ''.
 * @example
 * describeSoldByTriggerNote(summary, { material: 'ndpr', region: 'US', components: false });
 */
export function describeSoldByTriggerNote(summary: SummaryMetrics | undefined, s: { material: string; region: string; components: boolean }): string {
  if (summary === undefined) return '';
  const mean = (metric: string) => summary.get(`${metric}.${s.material}.${s.components ? 'manufacturing' : 'processing'}.${s.region}`)?.mean ?? NaN;
  const list = listSoldByTrigger({ shortage: mean('stockpileShortageReleaseTonnes'), priceSpike: mean('stockpilePriceSpikeReleaseTonnes'), steady: mean('stockpileSteadyReleaseTonnes') });
  return list === '' ? '' : ` Over the run it sold ${list} (means over runs, before buying any back).`;
}

/** What a stockpile did while the disruptions of its material were in force, from its median stock (t). */
export interface DisruptionUse {
  /** Stock held when the first disruption began (at the end of the tick before). */
  atStart: number;
  /** The lowest stock while they were in force. */
  lowest: number;
  /** Stock added while they were in force (purchases). */
  bought: number;
}

/**
 * Measures a stockpile's use over the ticks [start, end) of a disruption from its stock path.
 *
 * @param stock - Stock held per tick, t.
 * @param start - First tick of the disruption.
 * @param end - Tick after its last.
 * @returns The measure, or undefined when the window is empty or the stock held nothing at its start.
 * @example
 * measureDisruptionUse([100, 100, 90, 95, 95], 2, 4); // { atStart: 100, lowest: 90, bought: 5 }
 */
export function measureDisruptionUse(stock: readonly number[], start: number, end: number): DisruptionUse | undefined {
  const from = Math.max(0, start);
  const to = Math.min(stock.length, end);
  if (to <= from) return undefined;
  const atStart = stock[Math.max(0, from - 1)];
  if (!(atStart > 0)) return undefined;
  let lowest = atStart;
  let bought = 0;
  for (let t = from; t < to; t++) {
    lowest = Math.min(lowest, stock[t]);
    if (t > 0) bought += Math.max(0, stock[t] - stock[t - 1]);
  }
  return { atStart, lowest, bought };
}

/**
 * Sentences on what each stockpile did while the disruptions of its material (threats and shocks
 * naming it) were in force, for those {@link describeStockpileRelease} says nothing of (their
 * region's end users were not short in the median run): the stock at the start, how much it gave
 * up at most and how much it bought back meanwhile, from the median series of series.csv; for a
 * days-of-consumption stockpile, the rule behind it (it sells only while the price is above 1.5×
 * its base, and buys below: docs/model.md, stockpiles), which a user audit found unsaid when a
 * 60-day stockpile gave up 4% of its stock in an 18-month export cut.
 *
 * @param overview - The scenario as run.
 * @param fans - series.csv's bands, holding at least {@link stockpileReleaseSeries}.
 * @param summary - summary.json, for what each stockpile sold by trigger ({@link describeSoldByTriggerNote}); optional.
 * @returns One sentence per such stockpile.
 * @example
 * describeStockpileUse(overview, fans);
 * // ['The refined NdPr oxide stockpile of the United States held 1,320 t when the disruptions began (Jan 2026) …']
 */
export function describeStockpileUse(overview: ScenarioOverview, fans: ReadonlyMap<string, SeriesFan>, summary?: SummaryMetrics): string[] {
  const sentences: string[] = [];
  for (const s of stockpilesOf(overview)) {
    const fan = fans.get(seriesKey(s.stock));
    const [shortfall, demand] = [s.shortfall, s.demand].map((id) => fans.get(seriesKey(id))?.p50);
    if (fan === undefined || shortfall === undefined || demand === undefined) continue;
    if (measureRelease(fan.p50, shortfall, demand) !== undefined) continue; // a shortage: describeStockpileRelease's case
    const disruptions = overview.events.filter((e) => eventCategory(e.kind) !== 'policy' && (e.fields.material === undefined || e.fields.material === s.material));
    if (disruptions.length === 0) continue;
    const startYear = Math.min(...disruptions.map((e) => e.start));
    const endYear = Math.max(...disruptions.map((e) => (Number.isFinite(e.end) ? e.end : overview.years)));
    const tickOf = (years: number) => fan.year.findIndex((y) => y >= overview.startYear + years - 1e-9);
    const start = tickOf(startYear);
    const end = tickOf(endYear) < 0 ? fan.year.length : tickOf(endYear);
    const use = start < 0 ? undefined : measureDisruptionUse(fan.p50, start, end);
    if (use === undefined) continue;
    const material = inSentence(overview.materials.find((x) => x.id === s.material)?.name ?? s.material);
    const region = regionWithArticle(overview.regions.find((x) => x.id === s.region)?.name ?? s.region);
    const event = overview.events.find((e) => e.kind === 'stockpile' && e.fields.material === s.material && e.fields.region === s.region && (e.fields.stage === 'manufacturing') === s.components);
    const drawn = use.atStart - use.lowest;
    const until = Number.isFinite(Math.max(...disruptions.map((e) => e.end))) ? `to ${formatScenarioDate(overview.startYear, endYear)}` : 'to the end of the run';
    const buyers = s.components ? 'the region\'s component buyers' : 'the region\'s manufacturers, the only buyers of a refined stockpile (docs/model.md, known gap G10)';
    // Folders written before releasePriceMultiple existed ran at the default.
    const trigger = typeof event?.fields.releasePriceMultiple === 'number' ? event.fields.releasePriceMultiple : STABILISATION_PRICE_MULTIPLE;
    const rule = event?.fields.doctrine === 'daysOfConsumption'
      ? ` By its doctrine (daysOfConsumption), outside a shortage it offers a week's consumption a week only while its market's price is above ${formatNumber(trigger)}× ` +
        `the base price (its releasePriceMultiple: lower it to release into smaller spikes), and buys back below ${formatNumber(BUY_PRICE_CEILING_MULTIPLE)}× (docs/model.md, stockpiles); what it sells depends on ${buyers}.`
      : '';
    const moved = drawn > 0 || use.bought > 0
      ? `it gave up at most ${formatTonnes(drawn)} (${formatPercent(drawn / use.atStart)} of that) and bought ${formatTonnes(use.bought)} back`
      : 'it neither sold nor bought';
    sentences.push(`The ${s.components ? 'component' : 'refined'} ${material} stockpile of ${region} held ${formatTonnes(use.atStart)} when the disruptions began ` +
      `(${formatScenarioDate(overview.startYear, startYear)}); while they were in force (${until}) ${moved} (medians over runs, week by week).${rule}${describeSoldByTriggerNote(summary, s)}`);
  }
  return sentences;
}
