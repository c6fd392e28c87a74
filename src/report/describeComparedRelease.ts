import { countRuns } from './countRuns.ts';
import { STABILISATION_PRICE_MULTIPLE } from '../../sim-core/index.ts';
import { quantile } from '../stats/quantile.ts';
import { sortedWithoutNaN } from '../stats/sortedWithoutNaN.ts';
import { chooseMassUnit, type MassUnit } from './chooseMassUnit.ts';
import { formatNumber } from './formatNumber.ts';
import { formatScenarioDate } from './formatScenarioDate.ts';
import type { RunRelease, SoldByTrigger } from './readStockpileReleases.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { formatPercent } from './formatPercent.ts';
import { formatTonnes } from './formatTonnes.ts';
import { listSoldByTrigger } from './listSoldByTrigger.ts';
import type { OverTimeSeriesData } from './readOverTimeCsv.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';

/** Below this share of the stock held when the events began, a refined stockpile "released little" and the report says why. */
export const LITTLE_COMPARED_RELEASE_SHARE = 0.2;

/** What a compared strategy's stockpile of one material released while the reference's events on it were in force. */
export interface ComparedRelease {
  material: string;
  /** Median stock (t) in the last month before the first event began (the first month when it began at the start). */
  held: number;
  /** `held` minus the lowest median stock while the events were in force, at least 0 (t). */
  released: number;
  /** The stockpile is held as refined material only (no `stage: manufacturing` stockpile of the material). */
  refinedOnly: boolean;
}

/**
 * How much a strategy's stockpile of a material released during the reference's events on it, from
 * over-time.csv's `stockpile` series (the government's refined and component stock, median of the
 * strategy's runs, monthly): the stock in the month before the first event began, and how far the
 * median fell below it while they were in force (audit 24, M7: the oxide stockpile's line stayed
 * flat through an 18-month quota and the compare report never said so). A median path's fall, not
 * the mean of each run's release: a round figure of what a typical run releases.
 *
 * @param series - The strategy's `stockpile` series of the material.
 * @param windows - The reference's events on the material, calendar years.
 * @param overview - The strategy's scenario (which form it holds the material in).
 * @returns The release, or undefined without a stock held when the events began or without events.
 * @example
 * computeComparedRelease(stock, [{ start: 2026, end: 2027.5 }], overview)?.released; // 33
 */
export function computeComparedRelease(series: OverTimeSeriesData, windows: ReadonlyArray<{ start: number; end: number }>, overview: ScenarioOverview | undefined): ComparedRelease | undefined {
  if (windows.length === 0 || series.year.length === 0) return undefined;
  const start = Math.min(...windows.map((w) => w.start));
  const end = Math.max(...windows.map((w) => w.end));
  const before = series.year.reduce((last, year, i) => (year < start ? i : last), -1);
  const held = series.median[Math.max(0, before)];
  if (!(held > 0)) return undefined;
  let lowest = held;
  series.year.forEach((year, i) => {
    if (year >= start && year < end && Number.isFinite(series.median[i])) lowest = Math.min(lowest, series.median[i]);
  });
  const forms = (overview?.events ?? []).filter((e) => e.kind === 'stockpile' && e.fields.material === series.material).map((e) => e.fields.stage);
  return { material: series.material, held, released: Math.max(0, held - lowest), refinedOnly: forms.length > 0 && forms.every((stage) => stage !== 'manufacturing') };
}

/**
 * `Dysprosium oxide stockpile released during the events: 2.1 t of 65.4 t held (3%)`, and for a refined
 * stockpile that released under 20% of its stock, why (docs/model.md G10: it sells only to its own
 * region's manufacturers).
 *
 * @param releases - From {@link computeComparedRelease}, one per material.
 * @param materialName - Maps material ids to names.
 * @returns The sentence, or '' without any release figure.
 * @example
 * describeComparedRelease([release], name); // 'Released during the events: NdPr oxide 33 t of 1,315 t held (3%) …'
 */
export function describeComparedRelease(releases: readonly ComparedRelease[], materialName: (id: string) => string): string {
  if (releases.length === 0) return '';
  const parts = releases.map((r) => `${materialName(r.material)} ${formatTonnes(r.released, chooseMassUnit([r.held]))} of ${formatTonnes(r.held, chooseMassUnit([r.held]))} held (${formatPercent(r.released / r.held)})`);
  const little = releases.some((r) => r.refinedOnly && r.released < LITTLE_COMPARED_RELEASE_SHARE * r.held);
  const why = little
    ? ' A refined (oxide) stockpile releases only into its own region’s refined market, to its manufacturers: it reaches end users only through what they make, and is not sold abroad (docs/model.md, gap G10).'
    : '';
  return `Released during the events (median run): ${parts.join('; ')}.${why}`;
}

/** One alternative's stockpile of one material, run by run, with what the sentence needs around it. */
export interface ReleaseRunsOf {
  material: string;
  runs: RunRelease[];
  /** Calendar year the reference's first event on the material began; NaN when none. */
  eventsStartYear: number;
  rule?: ReleaseRule;
  /** Held as refined material only (no `stage: manufacturing` stockpile of it). */
  refinedOnly: boolean;
  /** Per run (replicate order), whether an election reversed the stockpile during the run (replicates.csv `policyReversed`); absent when unknown. */
  reversed?: boolean[];
}

/**
 * The answer box's stockpile line from the runs: one {@link describeReleaseRuns} sentence per
 * material, what its rule releases on (once when the materials share it; the runs say when, the
 * rule why), and for a refined stockpile that released under 20% of what it held (median run) why
 * (docs/model.md G10). '' without runs.
 *
 * @param items - Per material, its runs.
 * @param materialName - Maps material ids to names.
 * @param homeName - The home region's name.
 * @returns The text, or ''.
 * @example
 * describeReleaseRunsLine([{ material: 'ndpr', runs, eventsStartYear: 2026, refinedOnly: true }], name, 'US');
 */
export function describeReleaseRunsLine(items: readonly ReleaseRunsOf[], materialName: (id: string) => string, homeName: string): string {
  const shown = items.filter((i) => describeReleaseRuns('', i.runs, i.eventsStartYear) !== '');
  if (shown.length === 0) return '';
  // The rule once when every material's stockpile has the same, else after each material's sentence.
  const rules = shown.map((i) => describeRule(i.rule, homeName));
  const oneRule = rules.every((r) => r === rules[0]);
  const parts = shown.map((i, k) => `${describeReleaseRuns(materialName(i.material), i.runs, i.eventsStartYear, i.reversed)}${oneRule ? '' : rules[k]}`);
  const median = (values: number[]): number => quantile(sortedWithoutNaN(values), 0.5);
  // Not for a stock that never released: its rule, not G10, is why.
  const little = items.some((i) => i.refinedOnly && i.runs.some((r) => r.firstReleasePeriod !== '') && median(i.runs.map((r) => r.releasedTonnes)) < LITTLE_COMPARED_RELEASE_SHARE * median(i.runs.map((r) => r.peakHeldTonnes)));
  const why = little
    ? ' A refined (oxide) stockpile releases only into its own region’s refined market, to its manufacturers: it reaches end users only through what they make, and is not sold abroad (docs/model.md, gap G10).'
    : '';
  return `Run by run: ${parts.join('. ')}${oneRule ? rules[0] : ''}.${why}`;
}

/** What a stockpile's rule releases on, from its scenario event (`doctrine`, `releaseShortfallShare`, `releasePriceMultiple`). */
export interface ReleaseRule {
  doctrine: string;
  releaseShortfallShare?: number;
  releasePriceMultiple?: number;
}

/**
 * `NdPr oxide: released in 18 of 20 runs, first in Jul 2026 at the median (earliest Feb 2026, latest
 * Dec 2026; the reference's events on it began Jan 2026); 1,320 t held at most (median run); per run
 * on average, it sold 45 t on shortage and 37 t into price spikes (82 t in all), and released 61 t
 * net of buying back; never in 2 runs`: run by run (stockpile-releases.csv), so a stockpile
 * that never released in most runs is not read from a median path's small dip, and a release before
 * the events is seen as one (a price spike, not the shortage the events cause). '' without runs.
 *
 * @param material - The material's name.
 * @param runs - Its runs (readStockpileReleases), in replicate order.
 * @param eventsStartYear - Calendar year the reference's first event on the material began; NaN when none.
 * @param reversed - Per run, whether an election reversed the stockpile (said of the runs that never released); optional.
 * @returns The sentence (no final full stop), or ''.
 * @example
 * describeReleaseRuns('NdPr oxide', runs, 2026);
 */
export function describeReleaseRuns(material: string, runs: readonly RunRelease[], eventsStartYear: number, reversed?: readonly boolean[]): string {
  const held = runs.filter((r) => r.peakHeldTonnes > 0);
  if (held.length === 0) return '';
  const released = held.filter((r) => r.firstReleasePeriod !== '' && Number.isFinite(r.firstReleaseYear));
  // Of the runs that held a stock and never released it, those in which an election reversed the stockpile (it then stops trading).
  const neverReversed = reversed === undefined || reversed.length !== runs.length ? undefined
    : runs.filter((r, i) => r.peakHeldTonnes > 0 && r.firstReleasePeriod === '' && reversed[i]).length;
  const reversal = neverReversed === undefined || neverReversed === 0 ? '' : ` (an election reversed the stockpile in ${neverReversed} of them: a reversed stockpile stops trading)`;
  if (released.length === 0) return `${material}: never released in any of the ${countRuns(held.length)} that held it${reversal}`;
  const years = sortedWithoutNaN(Float64Array.from(released, (r) => r.firstReleaseYear));
  const date = (year: number): string => formatScenarioDate(0, year - 1 / 24);
  const median = date(quantile(years, 0.5));
  const same = date(years[0]) === date(years[years.length - 1]);
  const range = same ? '' : `earliest ${date(years[0])}, latest ${date(years[years.length - 1])}`;
  const before = Number.isFinite(eventsStartYear) ? released.filter((r) => r.firstReleaseYear < eventsStartYear).length : 0;
  const start = Number.isFinite(eventsStartYear) ? `the reference’s events on it began ${date(eventsStartYear + 1 / 24)}` : '';
  const beforeNote = before === 0 ? '' : `; ${before === released.length ? 'every one' : `${before} of them`} before the events began`;
  const peaks = sortedWithoutNaN(Float64Array.from(released, (r) => r.peakHeldTonnes));
  const unit = chooseMassUnit([quantile(peaks, 0.5)]);
  // Released and sold as the same statistic, means over the runs that held a stock (audit 12: a median net of buy-backs beside means
  // before them could not be reconciled): what it sold, then what it let go of net of buying back, so the gap is what it bought back.
  const releasedMean = held.reduce((total, r) => total + (Number.isFinite(r.releasedTonnes) ? r.releasedTonnes : 0), 0) / held.length;
  const net = `${formatTonnes(releasedMean, unit)} net of buying back`;
  const sold = describeSoldByTrigger(held, unit);
  const amount = `; ${formatTonnes(quantile(peaks, 0.5), unit)} held at most (median run); per run on average, ${sold === '' ? `it released ${net}` : `${sold}, and released ${net}`}`;
  const never = released.length === held.length ? '' : `; never in ${held.length - released.length} run${held.length - released.length === 1 ? '' : 's'}${reversal}`;
  const bracket = [range, start].filter((x) => x !== '').join('; ');
  const when = same ? `first in ${median} in ${released.length === 1 ? 'that run' : 'each'}` : `first in ${median} at the median`;
  return `${material}: released in ${released.length} of ${countRuns(held.length)}, ${when}${bracket === '' ? '' : ` (${bracket})`}${beforeNote}${amount}${never}`;
}

/**
 * `it sold 48 t on shortage and 1.5 t into price spikes (49.5 t in all)`: what the runs that held a
 * stock sold by the trigger of its offers (stockpile-releases.csv's by-trigger columns: gross sales,
 * so more than the falls of the monthly stock when it bought back in between), means over them so
 * the parts add up to the mean sold; the triggers that sold nothing left out, a single one as `it
 * sold 1.32 t, all on shortage`. The caller says these are means per run and gives the release net of
 * buying back beside them. '' when a run lacks the figures (a folder from before them) or nothing was sold.
 *
 * @param held - The runs that held a stock.
 * @param unit - The unit the sentence writes masses in.
 * @returns The clause, or ''.
 * @example
 * describeSoldByTrigger(runs, 't'); // 'it sold 48 t on shortage and 1.5 t into price spikes (49.5 t in all)'
 */
export function describeSoldByTrigger(held: readonly RunRelease[], unit: MassUnit): string {
  if (held.length === 0 || held.some((r) => r.soldByTrigger === undefined)) return '';
  const mean = (trigger: keyof SoldByTrigger): number => held.reduce((total, r) => total + (r.soldByTrigger as SoldByTrigger)[trigger], 0) / held.length;
  const means = { shortage: mean('shortage'), priceSpike: mean('priceSpike'), steady: mean('steady') };
  const list = listSoldByTrigger(means, unit);
  if (list === '') return '';
  const positive = [means.shortage, means.priceSpike, means.steady].filter((m) => m > 0);
  if (positive.length === 1) {
    // `1.32 t on shortage` → `1.32 t, all on shortage`.
    const at = list.indexOf(' ', list.indexOf(' ') + 1);
    return `it sold ${list.slice(0, at)}, all${list.slice(at)}`;
  }
  return `it sold ${list} (${formatTonnes(positive.reduce((a, b) => a + b, 0), unit)} in all)`;
}

/** `. Its rule releases when …`, from the stockpile's doctrine; '' when unknown. */
function describeRule(rule: ReleaseRule | undefined, homeName: string): string {
  if (rule === undefined) return '';
  if (rule.doctrine === 'release') return '. Its rule sells the stock down while the event is in force';
  const short = typeof rule.releaseShortfallShare === 'number' ? `when its buyers in ${regionWithArticle(homeName)} go short of more than ${formatPercent(rule.releaseShortfallShare)} of their demand` : 'on a shortfall';
  if (rule.doctrine === 'shortfall') return `. Its rule releases only ${short}`;
  const price = typeof rule.releasePriceMultiple === 'number' ? rule.releasePriceMultiple : STABILISATION_PRICE_MULTIPLE;
  return `. Its rule releases ${short}, or into prices above ${formatNumber(price)}× base`;
}
