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
  const why = whyLittle(s.components);
  return `The ${s.components ? 'component' : 'refined'} ${material} stockpile of ${region} released little while end users there were short: ` +
    `${formatTonnes(m.releasedWhileShort)}, ${formatPercent(m.releasedWhileShort / m.atOnset)} of the ${formatTonnes(m.atOnset)} it held when they first went short, over the ${formatWeeks(weeks)} ${formatWeeks(weeks) === '1' ? 'week' : 'weeks'} they were short ` +
    `(medians over runs).${later} ${why}`;
}

/** Why a stockpile may release little while its region's end users are short (docs/model.md, known gap G10). */
function whyLittle(components: boolean): string {
  return components
    ? 'A component stockpile releases only when end users there go without more than its releaseShortfallShare of their demand, up to that shortfall (docs/model.md, known gap G10).'
    : 'A refined stockpile sells only to its region\'s manufacturers, who may be at capacity, stop buying refined material in a shortage or export the components they make from it, ' +
      'even where the region makes more components than it uses (docs/model.md, known gap G10); held as components (stage: manufacturing), it sells to end users in their own market.';
}

/** How a stockpile's stock moved before and during its region's first shortage, from median series (t; ticks are indices). */
export interface DrawBeforeShortage {
  /** The first tick on which end users went without more than 1% of their demand. */
  onset: number;
  /** The highest stock before then, and the first tick it was held. */
  peak: number;
  peakTick: number;
  /** Stock given up between the peak and the onset (the sum of the drops). */
  soldBefore: number;
  /** The first tick of those drops, and the tick of the lowest stock between the peak and the onset. */
  firstDrop: number;
  lowestTick: number;
  /** The lowest stock between the peak and the onset, and the stock held at the onset (the end of the tick before). */
  lowest: number;
  atOnset: number;
  /** Stock given up, and stock bought, on the short ticks and the tick after each (as {@link measureRelease}). */
  releasedWhileShort: number;
  boughtWhileShort: number;
}

/**
 * Measures what a stockpile sold before its region's end users first went short, what it held when
 * they did, and what it gave up and bought while they were short, from per-tick series of the same length.
 *
 * @param stock - Stock held, t.
 * @param shortfall - End users' unmet demand, t/week.
 * @param demand - End users' demand, t/week.
 * @returns The measure, or undefined when end users were never short or the stockpile held nothing before they were.
 * @example
 * measureDrawBeforeShortage([0, 10, 10, 6, 2, 3, 3, 2], [0, 0, 0, 0, 0, 0, 5, 0], [10, 10, 10, 10, 10, 10, 10, 10]);
 * // { onset: 6, peak: 10, peakTick: 1, soldBefore: 8, firstDrop: 3, lowestTick: 4, lowest: 2, atOnset: 3, releasedWhileShort: 1, boughtWhileShort: 0 }
 */
export function measureDrawBeforeShortage(stock: readonly number[], shortfall: readonly number[], demand: readonly number[]): DrawBeforeShortage | undefined {
  const short = stock.map((_, t) => demand[t] > 0 && shortfall[t] > SHORTFALL_THRESHOLD_SHARE * demand[t]);
  const onset = short.indexOf(true);
  if (onset < 0) return undefined;
  let peakTick = 0;
  for (let t = 1; t < onset; t++) if (stock[t] > stock[peakTick]) peakTick = t;
  const peak = stock[peakTick];
  if (!(peak > 0)) return undefined;
  let soldBefore = 0;
  let firstDrop = -1;
  let lowestTick = peakTick;
  for (let t = peakTick + 1; t < onset; t++) {
    const drop = stock[t - 1] - stock[t];
    if (drop > 0) { soldBefore += drop; if (firstDrop < 0) firstDrop = t; }
    if (stock[t] < stock[lowestTick]) lowestTick = t;
  }
  let releasedWhileShort = 0;
  let boughtWhileShort = 0;
  for (let t = 1; t < stock.length; t++) {
    if (!(short[t] || short[t - 1])) continue;
    const change = stock[t] - stock[t - 1];
    if (change < 0) releasedWhileShort -= change;
    else boughtWhileShort += change;
  }
  return { onset, peak, peakTick, soldBefore, firstDrop, lowestTick, lowest: stock[lowestTick], atOnset: stock[Math.max(0, onset - 1)], releasedWhileShort, boughtWhileShort };
}

/**
 * Sentences on stockpiles that had sold most of their stock before their region's end users first went
 * short (they held less than {@link LITTLE_RELEASE_SHARE} of their peak when the shortage began, so
 * {@link describeStockpileRelease} does not call them held back, and {@link describeStockpileUse} leaves
 * every stockpile with a shortage to it): what each sold before the shortage and when (for a
 * days-of-consumption stockpile, the price-spike rule it sold by), what it held when end users first went
 * short and what it bought back by then, what it gave up and bought while they were short, with the G10
 * pointer when it gave up little of what it then held, from the median series of series.csv; then what
 * it sold by trigger (summary.json). A user audit found a US gallium stockpile that sold 3 of its 3.12 t
 * into a price spike and sat through the shortage buying back left without a note.
 *
 * @param overview - The scenario as run.
 * @param fans - series.csv's bands, holding at least {@link stockpileReleaseSeries}.
 * @param summary - summary.json, for what each stockpile sold by trigger ({@link describeSoldByTriggerNote}); optional.
 * @returns One sentence per such stockpile.
 * @example
 * describeStockpileSoldBeforeShortage(overview, fans, summary);
 * // ['The refined gallium stockpile of the United States had sold 3.1 t of the 3.12 t it held at its peak before end users there went short, from Sep 2026 to Apr 2027 …']
 */
export function describeStockpileSoldBeforeShortage(overview: ScenarioOverview, fans: ReadonlyMap<string, SeriesFan>, summary?: SummaryMetrics): string[] {
  const sentences: string[] = [];
  for (const s of stockpilesOf(overview)) {
    const fan = fans.get(seriesKey(s.stock));
    const [shortfall, demand] = [s.shortfall, s.demand].map((id) => fans.get(seriesKey(id))?.p50);
    if (fan === undefined || shortfall === undefined || demand === undefined) continue;
    const release = measureRelease(fan.p50, shortfall, demand);
    if (release === undefined || releasedLittle(release)) continue; // no shortage, or describeStockpileRelease's case
    const draw = measureDrawBeforeShortage(fan.p50, shortfall, demand);
    if (draw === undefined || draw.atOnset >= LITTLE_RELEASE_SHARE * draw.peak || draw.firstDrop < 0) continue;
    // The month a tick falls in (formatScenarioDate rounds to the nearest month start, right for event dates).
    const date = (t: number) => formatScenarioDate(overview.startYear, Math.floor(fan.year[t] * 12 + 1e-6) / 12 - overview.startYear);
    const weeks = formatWeeks(release.shortTicks * (52 / overview.ticksPerYear));
    const material = inSentence(overview.materials.find((x) => x.id === s.material)?.name ?? s.material);
    const region = regionWithArticle(overview.regions.find((x) => x.id === s.region)?.name ?? s.region);
    const event = overview.events.find((e) => e.kind === 'stockpile' && e.fields.material === s.material && e.fields.region === s.region && (e.fields.stage === 'manufacturing') === s.components);
    const trigger = typeof event?.fields.releasePriceMultiple === 'number' ? event.fields.releasePriceMultiple : STABILISATION_PRICE_MULTIPLE;
    const from = date(draw.firstDrop);
    const to = date(draw.lowestTick);
    const when = from === to ? `in ${from}` : `from ${from} to ${to}`;
    const rule = event?.fields.doctrine === 'daysOfConsumption'
      ? `, into the price rise: by its doctrine (daysOfConsumption), outside a shortage it offers a week's consumption a week while its market's price is above ${formatNumber(trigger)}× the base price (its releasePriceMultiple)`
      : '';
    const boughtBack = draw.atOnset - draw.lowest > 0 ? `, having bought ${formatTonnes(draw.atOnset - draw.lowest)} back from its low of ${formatTonnes(draw.lowest)}` : '';
    const whileShort = `while they were short (${weeks} ${weeks === '1' ? 'week' : 'weeks'}) it gave up ${formatTonnes(draw.releasedWhileShort)}` +
      (draw.boughtWhileShort > 0 ? ` and bought ${formatTonnes(draw.boughtWhileShort)}` : '');
    const little = draw.releasedWhileShort < LITTLE_RELEASE_SHARE * draw.atOnset ? ` ${whyLittle(s.components)}` : '';
    sentences.push(`The ${s.components ? 'component' : 'refined'} ${material} stockpile of ${region} had sold ${formatTonnes(draw.soldBefore)} of the ${formatTonnes(draw.peak)} it held at its peak ` +
      `before end users there went short, ${when}${rule}. It held ${formatTonnes(draw.atOnset)} when they first went short (${date(draw.onset)})${boughtBack}; ` +
      `${whileShort} (medians over runs, week by week).${little}${describeSoldByTriggerNote(summary, s)}`);
  }
  return sentences;
}

/**
 * Sentences on stockpiles that released a good part of their stock while their region's end users were
 * short (they held at least {@link LITTLE_RELEASE_SHARE} of their peak when the shortage began and gave
 * up at least that share of it on the short weeks): what each held when end users first went short,
 * what it gave up while they were short and what it sold after, from the median series of series.csv,
 * then what it sold by trigger (summary.json). Without it such a stockpile, the one working as meant,
 * got no note at all (the other three notes each leave it out).
 *
 * @param overview - The scenario as run.
 * @param fans - series.csv's bands, holding at least {@link stockpileReleaseSeries}.
 * @param summary - summary.json, for what each stockpile sold by trigger ({@link describeSoldByTriggerNote}); optional.
 * @returns One sentence per such stockpile.
 * @example
 * describeStockpileReleasedWhileShort(overview, fans);
 * // ['The refined cobalt stockpile of the United States released 300 t while end users there were short, 30% of the 1,000 t it held when they first went short (Jan 2025) …']
 */
export function describeStockpileReleasedWhileShort(overview: ScenarioOverview, fans: ReadonlyMap<string, SeriesFan>, summary?: SummaryMetrics): string[] {
  const sentences: string[] = [];
  for (const s of stockpilesOf(overview)) {
    const fan = fans.get(seriesKey(s.stock));
    const [shortfall, demand] = [s.shortfall, s.demand].map((id) => fans.get(seriesKey(id))?.p50);
    if (fan === undefined || shortfall === undefined || demand === undefined) continue;
    const m = measureRelease(fan.p50, shortfall, demand);
    if (m === undefined || releasedLittle(m) || m.atOnset < LITTLE_RELEASE_SHARE * m.peak) continue; // the other notes' cases
    const onset = fan.p50.findIndex((_, t) => demand[t] > 0 && shortfall[t] > SHORTFALL_THRESHOLD_SHARE * demand[t]);
    const date = formatScenarioDate(overview.startYear, Math.floor(fan.year[onset] * 12 + 1e-6) / 12 - overview.startYear);
    const weeks = formatWeeks(m.shortTicks * (52 / overview.ticksPerYear));
    const material = inSentence(overview.materials.find((x) => x.id === s.material)?.name ?? s.material);
    const region = regionWithArticle(overview.regions.find((x) => x.id === s.region)?.name ?? s.region);
    const later = m.releasedAfter > 0 ? ` It sold ${formatTonnes(m.releasedAfter)} after the shortage ended.` : '';
    sentences.push(`The ${s.components ? 'component' : 'refined'} ${material} stockpile of ${region} released ${formatTonnes(m.releasedWhileShort)} while end users there were short, ` +
      `${formatPercent(m.releasedWhileShort / m.atOnset)} of the ${formatTonnes(m.atOnset)} it held when they first went short (${date}), over the ${weeks} ${weeks === '1' ? 'week' : 'weeks'} they were short ` +
      `(medians over runs, week by week).${later}${describeSoldByTriggerNote(summary, s)}`);
  }
  return sentences;
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
    if (measureRelease(fan.p50, shortfall, demand) !== undefined) continue; // a shortage: describeStockpileRelease's or describeStockpileSoldBeforeShortage's case
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
