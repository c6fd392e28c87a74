import type { OverTimeSeriesData } from './readOverTimeCsv.ts';

/** A run's mean paired gain in tonnes, split around its disruptions (calendar years). */
export interface GainSplit {
  before: number;
  /** From the first event's start to a year after the last one's end (clipped to the run); to the run's end when an event lasts to it. */
  during: number;
  after: number;
  total: number;
  /** Start of the middle part, calendar years. */
  from: number;
  /** End of the middle part (exclusive), calendar years. */
  to: number;
  /** Whether the run starts before `from` and ends after `to` (else that part is empty by construction). */
  hasBefore: boolean;
  hasAfter: boolean;
  /** An event lasts to the end of the run: the middle part is "while they are in force", not "to a year after their end". */
  openEnded: boolean;
  /** The 95% interval of `after`, summed run by run (over-time.csv's `differenceToEnd` at the first later period); undefined without it. */
  afterCi?: { low: number; high: number };
  /** The first and last periods (`YYYY-MM`) counted in the middle part; undefined when none falls in it. */
  firstDuring?: string;
  lastDuring?: string;
}

/**
 * Splits an alternative's mean paired difference in a t/week measure (over-time.csv) into tonnes
 * before the events, from their start to a year after their end, and later: each month's mean
 * difference times its weeks, summed. A mean of sums is the sum of the means, so the parts add up to
 * the run's paired difference in the matching summary (`cumulativeConsumption`).
 *
 * @param series - The alternative's monthly values (with `weeks` and `meanDifference`).
 * @param windows - The events' windows, calendar years (`openEnded` for one that lasts to the end of the run).
 * @returns The split, or undefined without windows or a month's weeks or difference.
 * @example
 * splitGainByWindow(stockpileConsumption, [{ start: 2026, end: 2027.5 }])?.after;
 */
export function splitGainByWindow(series: OverTimeSeriesData, windows: ReadonlyArray<{ start: number; end: number; openEnded?: boolean }>): GainSplit | undefined {
  if (windows.length === 0 || series.period.length === 0) return undefined;
  const from = Math.min(...windows.map((w) => w.start));
  const openEnded = windows.some((w) => w.openEnded === true);
  const to = Math.max(...windows.map((w) => w.end)) + (openEnded ? 0 : 1);
  const split = { before: 0, during: 0, after: 0 };
  const middle: string[] = [];
  let firstAfter: number | undefined;
  for (let i = 0; i < series.period.length; i++) {
    const tonnes = series.meanDifference[i] * series.weeks[i];
    const year = monthStart(series.period[i]);
    const part = year < from - 1e-9 ? 'before' : year < to - 1e-9 ? 'during' : 'after';
    split[part] += tonnes;
    if (part === 'during') middle.push(series.period[i]);
    if (part === 'after' && firstAfter === undefined) firstAfter = i;
  }
  const total = split.before + split.during + split.after;
  if (!Number.isFinite(total)) return undefined;
  const first = monthStart(series.period[0]);
  const last = monthStart(series.period[series.period.length - 1]);
  const low = firstAfter === undefined ? NaN : series.differenceToEndCiLow?.[firstAfter] ?? NaN;
  const high = firstAfter === undefined ? NaN : series.differenceToEndCiHigh?.[firstAfter] ?? NaN;
  const afterCi = Number.isFinite(low) && Number.isFinite(high) ? { low, high } : undefined;
  return { ...split, total, from, to, afterCi, hasBefore: from > first + 1e-9, hasAfter: !openEnded && to <= last + 1e-9, openEnded, firstDuring: middle[0], lastDuring: middle[middle.length - 1] };
}

/** `2026-05` as a calendar year: the month's start. */
export function monthStart(period: string): number {
  const [year, month] = period.split('-').map(Number);
  return year + (month - 1) / 12;
}
