import { formatReadableNumber } from '../compare/formatReadableNumber.ts';
import { formatTextTable } from '../compare/formatTextTable.ts';
import { formatMetricId } from '../outputs/formatMetricId.ts';
import { formatParameterValue, formatParameterValues } from '../report/describeParameter.ts';
import type { SweepDifference } from './computeSweepDifferences.ts';
import type { SweepRun } from './runSweep.ts';

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
 * with its mean, 95% CI and, from point 1 on, its paired difference from point 0 with that
 * difference's 95% CI (computeSweepDifferences: run by run, same random draws), then the
 * tornado ranking of the uncertain parameters by swing of that metric, their low and high ends in
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
    const rows = run.points.slice(0, maxPoints).map(({ point, stats, vsFirstPoint }, index) => {
      const at = stats.findIndex((stat) => formatMetricId(stat.key) === id);
      const s = stats[at];
      const d = vsFirstPoint?.[at];
      const values = parameters.map((path) => formatParameterValue(path, point.find((a) => a.path === path)?.value ?? ''));
      // Point 0 is the reference; a later point without a difference (metric undefined in every pair) shows '–'.
      const change = index === 0 ? '' : d === undefined ? '–' : difference(d);
      return [String(index), ...values, formatReadableNumber(s?.mean ?? NaN), interval(s?.ciLow ?? NaN, s?.ciHigh ?? NaN), change];
    });
    const more = run.points.length > maxPoints ? ` (first ${maxPoints}; all in sweep.csv)` : '';
    blocks.push(`${id} (${run.metric.unit}) at ${run.points.length} points${more}\n` +
      formatTextTable(['point', ...parameters, 'mean', '95% CI', 'Δ vs point 0 (95% CI, paired)'], rows, 1 + parameters.length));
  }
  if (run.tornado !== null) {
    // ASCII minus, as in the other columns.
    const ends = (path: string, low: number, high: number): string => formatParameterValues(path, [low, high], run.base.spec.startYear).join(' … ').replace(/−/g, '-');
    const rows = run.tornado.map((row) => [
      String(row.rank), row.parameter, ends(row.parameter, row.range.low, row.range.high),
      formatReadableNumber(row.meanAtLow), formatReadableNumber(row.meanAtHigh),
      formatReadableNumber(row.swing), interval(row.ciLow, row.ciHigh),
    ]);
    blocks.push(`tornado: swing of ${id} (${run.metric.unit}), each parameter from low to high end, others nominal\n` +
      formatTextTable(['rank', 'parameter', 'low … high', 'at low', 'at high', 'swing', '95% CI'], rows, 3));
  }
  return blocks.join('\n');
}
