import { formatReadableNumber } from '../compare/formatReadableNumber.ts';
import { formatTextTable } from '../compare/formatTextTable.ts';
import { formatMetricId } from '../outputs/formatMetricId.ts';
import { formatParameterValue, formatParameterValues } from '../report/describeParameter.ts';
import type { SweepDifference } from './computeSweepDifferences.ts';
import type { SweepRun } from './runSweep.ts';
import { countOf } from '../text/countOf.ts';

/**
 * Numbers that differ written so their differences read right (L3 of audit 25: a tornado row read
 * "at low 828K, at high 828K" for 828,351 and 827,888): three significant digits with K/M/B as usual,
 * and where three digits would misstate a gap between two of them by more than 5% (print them alike,
 * or 830K and 829K for a gap of 413), all of them in full, with digits down to the third
 * significant digit of the smallest gap between them (up to 10: `828,351`, `827,888`).
 */
export function formatDistinctNumbers(values: readonly number[]): string[] {
  const short = values.map(formatReadableNumber);
  // Three digits misstate a gap when their rounding moves it by more than 5% (830K and 829K for 829,870 and 829,457).
  const three = (v: number): number => Number(v.toPrecision(3));
  const misstated = values.some((v, i) => Number.isFinite(v) && values.some((w, j) => j > i && Number.isFinite(w) && v !== w
    && Math.abs(three(v) - three(w) - (v - w)) > 0.05 * Math.abs(v - w)));
  if (!misstated) return short;
  // Digits down to the third significant digit of the smallest gap between two of them (as formatLevelPair).
  const finite = [...new Set(values.filter(Number.isFinite))].sort((a, b) => a - b);
  const gap = Math.min(...finite.slice(1).map((v, i) => v - finite[i]));
  const largest = Math.max(...finite.map(Math.abs));
  const digits = Math.min(10, Math.max(4, Math.floor(Math.log10(largest)) - Math.floor(Math.log10(gap) + 1e-9) + 3));
  const format = new Intl.NumberFormat('en-US', { maximumSignificantDigits: digits });
  return values.map((v) => (Number.isNaN(v) ? '–' : format.format(v === 0 ? 0 : v)));
}

/** Formats an interval as `[low, high]`. */
function interval(low: number, high: number): string {
  return `[${formatReadableNumber(low)}, ${formatReadableNumber(high)}]`;
}

/** A signed difference with its interval: `+1.2K [+0.8K, +1.6K]`. */
function difference(d: SweepDifference): string {
  const signed = (x: number): string => (x > 0 ? `+${formatReadableNumber(x)}` : formatReadableNumber(x));
  return `${signed(d.meanDifference)} [${signed(d.ciLow)}, ${signed(d.ciHigh)}]`;
}

/**
 * The readable summary of a sweep printed on stdout: the chosen metric at each design point (the
 * first `maxPoints`; values as typed, labelled by formatParameterValue: `30days` → `30 days`, a growth of `3%` → `3%/yr`)
 * with its mean (digits enough to tell the points apart, formatDistinctNumbers), 95% CI and, from point 1 on, its paired difference from point 0 with that
 * difference's 95% CI (computeSweepDifferences: run by run, same random draws), then the
 * tornado ranking of the uncertain parameters by swing of that metric (the results at low and high
 * with digits enough to differ), their low and high ends in
 * their units (`4.95%/yr`, `Jan 2027`, `3 Jan 2027 … 28 Jan 2027` when both fall in one month).
 *
 * @param run - The sweep's results.
 * @param parameters - Swept paths, in column order.
 * @param maxPoints - Points listed at most; default 20.
 * @returns Text ending in LF.
 * @example
 * process.stdout.write(formatSweepTable(run, ['materials.ndpr.demand.growthPerYear']));
 */
export function formatSweepTable(run: SweepRun, parameters: readonly string[], maxPoints = 20): string {
  const id = formatMetricId(run.metric);
  const blocks: string[] = [];
  if (run.points.length > 0) {
    const shown = run.points.slice(0, maxPoints);
    // The means with digits enough to tell the points apart (828,351 … 827,593, not 828K five times).
    const means = formatDistinctNumbers(shown.map(({ stats }) => stats.find((stat) => formatMetricId(stat.key) === id)?.mean ?? NaN));
    const rows = shown.map(({ point, stats, vsFirstPoint }, index) => {
      const at = stats.findIndex((stat) => formatMetricId(stat.key) === id);
      const s = stats[at];
      const d = vsFirstPoint?.[at];
      const values = parameters.map((path) => formatParameterValue(path, point.find((a) => a.path === path)?.value ?? ''));
      // Point 0 is the reference; a later point without a difference (metric undefined in every pair) shows '–'.
      const change = index === 0 ? '' : d === undefined ? '–' : difference(d);
      return [String(index), ...values, means[index], interval(s?.ciLow ?? NaN, s?.ciHigh ?? NaN), change];
    });
    const more = run.points.length > maxPoints ? ` (first ${maxPoints}; all in sweep.csv)` : '';
    blocks.push(`${id} (${run.metric.unit}) at ${countOf(run.points.length, 'point')}${more}\n` +
      formatTextTable(['point', ...parameters, 'mean', '95% CI', 'Δ vs point 0 (95% CI, paired)'], rows, 1 + parameters.length));
  }
  if (run.tornado !== null) {
    // ASCII minus, as in the other columns.
    const ends = (path: string, low: number, high: number): string => formatParameterValues(path, [low, high], run.base.spec.startYear).join(' … ').replace(/−/g, '-');
    const rows = run.tornado.map((row) => [
      String(row.rank), row.parameter, ends(row.parameter, row.range.low, row.range.high),
      ...formatDistinctNumbers([row.meanAtLow, row.meanAtHigh]),
      formatReadableNumber(row.swing), interval(row.ciLow, row.ciHigh),
    ]);
    blocks.push(`tornado: swing of ${id} (${run.metric.unit}), each parameter from low to high end, others nominal\n` +
      formatTextTable(['rank', 'parameter', 'low … high', 'at low', 'at high', 'swing', '95% CI'], rows, 3) + describeTornadoClarity(run.tornado));
  }
  return blocks.join('\n');
}

/**
 * A line under the tornado when no swing is clear of 0, as the report's answer box says it: the
 * rank order of swings that are all noise is not a finding (user audit, session 28). '' otherwise.
 */
function describeTornadoClarity(tornado: ReadonlyArray<{ swing: number; ciLow: number; ciHigh: number }>): string {
  if (tornado.length === 0) return '';
  if (tornado.every((row) => row.swing === 0)) return '\nno parameter moved it in any run\n';
  const clear = tornado.some((row) => row.ciLow > 0 || row.ciHigh < 0);
  return clear ? '' : '\nno swing is clear of 0 with these runs (every 95% CI includes 0): the ranks are noise\n';
}
