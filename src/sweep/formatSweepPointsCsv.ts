import { formatCsvField } from '../outputs/formatCsvField.ts';
import { formatCsvNumber } from '../outputs/formatCsvNumber.ts';
import { formatMetricId } from '../outputs/formatMetricId.ts';
import type { SummaryStatistic } from '../stats/computeSummaryStatistics.ts';
import type { SweepDifference } from './computeSweepDifferences.ts';
import { canonicalParameterValue } from './canonicalParameterValue.ts';
import type { SweepPoint } from './sweepPoint.ts';

/**
 * Formats `sweep-points.csv`, the wide form of sweep.csv: one row per point —
 * `point`, one column per swept parameter holding its value as a number in the key's canonical
 * unit, named `<path> (<unit>)` (`materials.ndpr.demand.growthPerYear (share)`; the bare path for
 * plain numbers), then `<metric id>.mean`, `.ciLow`, `.ciHigh` for every summary metric in layout
 * order (ids as in summary.json), then `<metric id>.n` (replicates that define it at the point) for
 * every metric in the same order, then `<metric id>.diffMean`, `.diffCiLow`, `.diffCiHigh` for every
 * metric: the point's paired difference from point 0 (computeSweepDifferences; empty on point 0 and
 * where there is none), then `<metric id>.prevDiffMean`, `.prevDiffCiLow`, `.prevDiffCiHigh` for every
 * metric: the same paired difference from the point before it in design order (point k − point k−1;
 * computeSweepPreviousDifferences; empty on point 0 and where there is none). Each block was added
 * last, so the earlier columns keep their positions. A value
 * that is not a quantity (e.g. an export-control mode) is written as text. Empty fields are
 * undefined values (NaN). Numeric columns hold numbers only, so DuckDB or pandas type them as DOUBLE.
 *
 * @param parameters - Swept paths, in column order.
 * @param points - Each point with its summary statistics, its scenario's start year and, except point 0, its differences from point 0 and from the point before it (one per stat).
 * @returns The file's text, LF line ends.
 * @example
 * formatSweepPointsCsv(['years'], [{ point: [{ path: 'years', value: '2' }], stats, startYear: 2025 }]);
 */
export function formatSweepPointsCsv(
  parameters: readonly string[],
  points: readonly {
    point: SweepPoint; stats: readonly SummaryStatistic[]; startYear: number;
    vsFirstPoint?: readonly (SweepDifference | undefined)[]; vsPreviousPoint?: readonly (SweepDifference | undefined)[];
  }[],
): string {
  if (points.length === 0) return `${['point', ...parameters].map(formatCsvField).join(',')}\n`;
  const units = parameters.map((path) => {
    const given = points[0].point.find((a) => a.path === path)?.value ?? '';
    return canonicalParameterValue(path, given, points[0].startYear).unit;
  });
  const parameterColumns = parameters.map((path, i) => (units[i] === '' ? path : `${path} (${units[i]})`));
  const ids = points[0].stats.map((s) => formatMetricId(s.key));
  const metricColumns = [
    ...ids.flatMap((id) => ['mean', 'ciLow', 'ciHigh'].map((part) => `${id}.${part}`)), ...ids.map((id) => `${id}.n`),
    ...ids.flatMap((id) => ['diffMean', 'diffCiLow', 'diffCiHigh'].map((part) => `${id}.${part}`)),
    ...ids.flatMap((id) => ['prevDiffMean', 'prevDiffCiLow', 'prevDiffCiHigh'].map((part) => `${id}.${part}`)),
  ];
  const lines = [['point', ...parameterColumns, ...metricColumns].map(formatCsvField).join(',')];
  const fields = (d: SweepDifference | undefined): number[] => [d?.meanDifference ?? NaN, d?.ciLow ?? NaN, d?.ciHigh ?? NaN];
  points.forEach(({ point, stats, startYear, vsFirstPoint, vsPreviousPoint }, index) => {
    const values = parameters.map((path) => {
      const given = point.find((a) => a.path === path)?.value ?? '';
      const { value } = canonicalParameterValue(path, given, startYear);
      return value === undefined ? formatCsvField(given) : formatCsvNumber(value);
    });
    const differences = stats.flatMap((_, i) => fields(vsFirstPoint?.[i]));
    const previous = stats.flatMap((_, i) => fields(vsPreviousPoint?.[i]));
    const metrics = [...stats.flatMap((s) => [s.mean, s.ciLow, s.ciHigh]), ...stats.map((s) => s.n), ...differences, ...previous].map(formatCsvNumber);
    lines.push([String(index), ...values, ...metrics].join(','));
  });
  return `${lines.join('\n')}\n`;
}
