import { STOCKPILE_RELEASE_METRICS, type SeriesKey } from '../../sim-core/index.ts';
import type { OverTimeArm } from './computeOverTime.ts';
import type { OverTimePlan } from './planOverTimeSeries.ts';

/**
 * A fall of the monthly stock smaller than this share of the most held so far is not a release
 * (floating-point noise in a monthly mean of a stock that only buys).
 */
export const RELEASE_NOISE_SHARE = 1e-3;

/** One replicate's stockpile of one material under one strategy (a row of stockpile-releases.csv). */
export interface StockpileReleaseRow {
  strategy: string;
  material: string;
  replicate: number;
  /** The most the government held in any month (monthly mean, t): 0 for a replicate that never held any. */
  peakHeldTonnes: number;
  /** `YYYY-MM` of the first month whose mean stock fell below the month before's; '' when it never fell. */
  firstReleasePeriod: string;
  /** Calendar year of that month's middle; NaN when it never fell. */
  firstReleaseYear: number;
  /** The falls of the monthly mean stock summed over the run (t): what it released, net of re-buying within a month. */
  releasedTonnes: number;
  /**
   * What the stockpile sold over the run on its region's shortage, into a price spike, and by the
   * `release` doctrine's steady sale (t, tick by tick, before any buying back: the engine's
   * stockpileShortageReleaseTonnes, stockpilePriceSpikeReleaseTonnes, stockpileSteadyReleaseTonnes,
   * refined and component stockpiles together); NaN when the strategy has no stockpile event on the
   * material in the series' region (a stock held only by an offtake guarantee, which never sells).
   */
  shortageReleaseTonnes: number;
  priceSpikeReleaseTonnes: number;
  steadyReleaseTonnes: number;
}

/** An arm of {@link computeStockpileReleases}: its kept monthly values and, to split its sales by trigger, its summaries. */
export interface StockpileReleaseArm extends OverTimeArm {
  /** The arm's summary keys and each replicate's summaries, in the order of `values` (the by-trigger columns are NaN without them). */
  summaries?: { keys: readonly SeriesKey[]; values: readonly Float64Array[] };
}

/**
 * Per strategy, material and replicate, when the government's stockpile first released and how much
 * it released over the run, from the monthly `stockpile` series a comparison keeps of every replicate
 * (refined and component stock together, planOverTimeSeries): the per-replicate facts behind "released
 * in 18 of 20 runs, first in Jul 2026" (a median path cannot say how many runs released, or when
 * each began). A month counts as a release when its mean stock is below the month before's by more
 * than {@link RELEASE_NOISE_SHARE} of the most held so far. Beside it, from the arm's summaries, what
 * the stockpile sold by the trigger of its offers (shortage, price spike, steady release), summed over
 * the refined and component stockpiles of the material in the series' region. Only strategies that
 * held a stock in some replicate get rows (one per replicate, in replicate order).
 *
 * @param plan - The kept series and periods.
 * @param arms - Every arm's kept values (computeOverTime's input) and summaries, the reference first.
 * @returns The rows, strategy by strategy, then material, then replicate.
 * @example
 * computeStockpileReleases(plan, arms).filter((r) => r.firstReleasePeriod !== '').length; // runs that released
 */
export function computeStockpileReleases(plan: OverTimePlan, arms: readonly StockpileReleaseArm[]): StockpileReleaseRow[] {
  const periods = plan.periods.length;
  const rows: StockpileReleaseRow[] = [];
  for (const arm of arms) {
    plan.series.forEach((series, s) => {
      if (series.measure !== 'stockpile') return;
      // Per trigger, the summaries of the material's stockpiles in the series' region (refined, components).
      const indices = STOCKPILE_RELEASE_METRICS.map((metric) => (arm.summaries?.keys ?? []).flatMap((key, i) => (key.metric === metric && key.material === series.material && key.region === series.region ? [i] : [])));
      const sold = (replicate: number): number[] => indices.map((at) => (at.length === 0 || arm.summaries === undefined ? NaN : at.reduce((total, i) => total + arm.summaries!.values[replicate][i], 0)));
      const perReplicate = arm.values.map((values, replicate) => releaseOf(values.subarray(s * periods, (s + 1) * periods), plan, arm.label, series.material, replicate, sold(replicate)));
      if (perReplicate.some((r) => r.peakHeldTonnes > 0)) rows.push(...perReplicate);
    });
  }
  return rows;
}

/** One replicate's release facts from its monthly stock, with its sales by trigger (t: shortage, price spike, steady). */
function releaseOf(stock: Float64Array, plan: OverTimePlan, strategy: string, material: string, replicate: number, sold: readonly number[]): StockpileReleaseRow {
  let peak = Number.isFinite(stock[0]) ? Math.max(0, stock[0]) : 0;
  let first = -1;
  let released = 0;
  for (let p = 1; p < stock.length; p++) {
    if (!Number.isFinite(stock[p]) || !Number.isFinite(stock[p - 1])) continue;
    const fall = stock[p - 1] - stock[p];
    if (peak > 0 && fall > RELEASE_NOISE_SHARE * peak) {
      if (first < 0) first = p;
      released += fall;
    }
    peak = Math.max(peak, stock[p]);
  }
  return {
    strategy, material, replicate, peakHeldTonnes: peak,
    firstReleasePeriod: first < 0 ? '' : plan.periods[first].label,
    firstReleaseYear: first < 0 ? NaN : plan.periods[first].year,
    releasedTonnes: released,
    shortageReleaseTonnes: sold[0], priceSpikeReleaseTonnes: sold[1], steadyReleaseTonnes: sold[2],
  };
}

/** stockpile-releases.csv's header (the by-trigger columns came last, in session 30, so readers by position still work). */
export const STOCKPILE_RELEASES_CSV_HEADER = 'strategy,material,replicate,peakHeldTonnes,firstReleasePeriod,firstReleaseYear,releasedTonnes,shortageReleaseTonnes,priceSpikeReleaseTonnes,steadyReleaseTonnes';

/**
 * stockpile-releases.csv: one line per strategy, material and replicate ({@link computeStockpileReleases}),
 * numbers as JavaScript prints them (round-trip exact), an empty field for "never released" and for
 * a by-trigger figure the strategy has no stockpile event for.
 *
 * @param rows - The rows.
 * @returns The CSV text (LF line ends, final LF).
 * @example
 * formatStockpileReleasesCsv(rows).split('\n')[0]; // 'strategy,material,replicate,…'
 */
export function formatStockpileReleasesCsv(rows: readonly StockpileReleaseRow[]): string {
  const number = (v: number): string => (Number.isFinite(v) ? String(v) : '');
  const lines = rows.map((r) => [r.strategy, r.material, r.replicate, number(r.peakHeldTonnes), r.firstReleasePeriod, number(r.firstReleaseYear), number(r.releasedTonnes), number(r.shortageReleaseTonnes), number(r.priceSpikeReleaseTonnes), number(r.steadyReleaseTonnes)].join(','));
  return `${[STOCKPILE_RELEASES_CSV_HEADER, ...lines].join('\n')}\n`;
}
