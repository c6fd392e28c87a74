import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import { formatScenarioDate } from './formatScenarioDate.ts';
import type { MonthlyConsumption } from './readImpactJson.ts';
import type { SeriesFan } from './readSeriesCsv.ts';
import { monthStart } from './splitGainByWindow.ts';

/** A month's loss (or gain) counts as felt when it is more than this share of what end users receive without the disruptions. */
export const FELT_CHANGE_SHARE = 0.05;

/** When the disruptions change what end users receive, month by month (impact.json's `monthlyConsumption`). */
export interface ConsumptionTiming {
  /** First and last month (`Jun 2026`) whose mean change exceeds {@link FELT_CHANGE_SHARE} in the run's direction. */
  firstFelt: string;
  lastFelt: string;
  /** Whether every month from the first to the last is past the share too ("from … to …" says so; else "first in …, last in …"). */
  everyMonthBetween: boolean;
  /** The month of the largest change in t/week, as "What the disruptions take, month by month" names it. */
  worst: string;
  /** That month's change, t/week, as a positive size. */
  worstTonnesPerWeek: number;
  /** That month's change as a share of what end users receive without the disruptions. */
  worstShare: number;
  /**
   * The first month whose change is already within {@link NEAR_WORST_SHARE} of the worst, when it
   * comes {@link NEAR_WORST_MONTHS_BEFORE} or more months before it; undefined otherwise.
   */
  nearWorstFirst?: string;
}

/** A month's change this close to the worst (as a share of it) counts as "as bad" for {@link ConsumptionTiming.nearWorstFirst}. */
export const NEAR_WORST_SHARE = 0.05;
/**
 * How many months before the worst such a month must come to be named. A worst month long after
 * an earlier, nearly equal one read as the crisis peaking late (user audit, session 35: Dy's worst
 * month, Oct 2028, at 2.09 t/week, where Aug 2026 to Jun 2027 had already lost 2.04–2.08). A year:
 * a plateau of a few months (NdPr: Aug to Dec 2026) is not misread, and the answer box has no room
 * for saying so.
 */
export const NEAR_WORST_MONTHS_BEFORE = 12;

/**
 * When a material's home end users feel the disruptions: the first and last month whose mean paired
 * change in what they receive exceeds {@link FELT_CHANGE_SHARE} of what they receive without them, in
 * the direction of the run's total, and the month of the largest change in t/week (the same month
 * as the section "What the disruptions take, month by month" names).
 *
 * @param monthly - impact.json's `monthlyConsumption` of the material.
 * @param loses - Whether the run's total is a loss (the direction to look for).
 * @returns The months, or undefined when no month's change exceeds the share.
 * @example
 * describeConsumptionTiming(monthly, true)?.firstFelt; // 'Jun 2026'
 */
export function describeConsumptionTiming(monthly: MonthlyConsumption, loses: boolean): ConsumptionTiming | undefined {
  const sign = loses ? -1 : 1;
  const feltAt = monthly.period.flatMap((_, i) => (monthly.meanWithout[i] > 0 && (sign * monthly.mean[i]) / monthly.meanWithout[i] > FELT_CHANGE_SHARE ? [i] : []));
  if (feltAt.length === 0) return undefined;
  const felt = feltAt.map((i) => monthly.period[i]);
  const worst = monthly.mean.reduce((a, _, i) => (sign * monthly.mean[i] > sign * monthly.mean[a] ? i : a), 0);
  const month = (period: string): string => formatScenarioDate(0, monthStart(period));
  const nearWorst = monthly.mean.findIndex((change) => sign * change >= (1 - NEAR_WORST_SHARE) * sign * monthly.mean[worst]);
  const monthsBefore = Math.round((monthStart(monthly.period[worst]) - monthStart(monthly.period[nearWorst])) * 12);
  return {
    firstFelt: month(felt[0]), lastFelt: month(felt[felt.length - 1]), everyMonthBetween: feltAt[feltAt.length - 1] - feltAt[0] + 1 === feltAt.length,
    worst: month(monthly.period[worst]),
    worstTonnesPerWeek: Math.abs(monthly.mean[worst]), worstShare: monthly.meanWithout[worst] > 0 ? Math.abs(monthly.mean[worst]) / monthly.meanWithout[worst] : NaN,
    ...(monthsBefore >= NEAR_WORST_MONTHS_BEFORE ? { nearWorstFirst: month(monthly.period[nearWorst]) } : {}),
  };
}

/**
 * The weeks in which at least half of the runs leave home end users short: the first and last week
 * whose median shortfall (series.csv's p50 of `shortfall`, endUse, home) exceeds `threshold` t/week.
 * The caller passes the shortfall share of the demand at the run's start, so the span is approximate
 * where demand has moved far from it.
 *
 * @param shortfall - The home end users' shortfall fan (t/week).
 * @param threshold - A week's shortfall above this counts as short, t/week.
 * @returns The months of the first and last such week, or undefined when the median is never above it.
 * @example
 * describeMedianShortSpan(fan, 0.01 * 7900 / 52); // { from: 'Jul 2026', to: 'Jan 2027' }
 */
export function describeMedianShortSpan(shortfall: SeriesFan, threshold: number): { from: string; to: string; everyWeekBetween: boolean } | undefined {
  if (!(threshold > 0)) return undefined;
  const shortAt = shortfall.year.flatMap((_, i) => (shortfall.p50[i] > threshold ? [i] : []));
  if (shortAt.length === 0) return undefined;
  const month = (year: number): string => formatScenarioDate(0, year);
  return { from: month(shortfall.year[shortAt[0]]), to: month(shortfall.year[shortAt[shortAt.length - 1]]), everyWeekBetween: shortAt[shortAt.length - 1] - shortAt[0] + 1 === shortAt.length };
}

/** `from Jun 2026 to Oct 2032` when every period between is in too, `first in Jun 2026, last in Oct 2032` when not, `in Jun 2026` for one month (review 24: a span with gaps read as unbroken). */
export function describeSpan(from: string, to: string, unbroken: boolean): string {
  if (from === to) return `in ${from}`;
  return unbroken ? `from ${from} to ${to}` : `first in ${from}, last in ${to}`;
}

/**
 * The "When" line's words on consumption: `consumption more than 5% below its level without the
 * disruptions from Jun 2026 to Oct 2032, worst in Dec 2026 (75.2 t/week less, 43%)`, and when an
 * earlier month came close, `worst in Oct 2028 (2.09 t/week less, 38%; within 5% of that already in Aug 2026)`.
 *
 * @param timing - From {@link describeConsumptionTiming}.
 * @param loses - Whether the change is a loss.
 * @returns The clause.
 * @example
 * describeTimingClause(timing, true);
 */
export function describeTimingClause(timing: ConsumptionTiming, loses: boolean): string {
  const share = formatPercent(FELT_CHANGE_SHARE);
  const direction = loses ? 'below' : 'above';
  const size = `${formatNumber(timing.worstTonnesPerWeek)} t/week ${loses ? 'less' : 'more'}${Number.isFinite(timing.worstShare) ? `, ${formatPercent(timing.worstShare)}` : ''}`;
  const span = describeSpan(timing.firstFelt, timing.lastFelt, timing.everyMonthBetween);
  const already = timing.nearWorstFirst === undefined ? '' : `; within ${formatPercent(NEAR_WORST_SHARE)} of that already in ${timing.nearWorstFirst}`;
  return `consumption over ${share} ${direction} its level without the disruptions ${span}, ${loses ? 'worst' : 'most'} in ${timing.worst} (${size}${already})`;
}
