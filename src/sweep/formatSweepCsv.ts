import { formatCsvField } from '../outputs/formatCsvField.ts';
import { formatCsvNumber } from '../outputs/formatCsvNumber.ts';
import type { SummaryStatistic } from '../stats/computeSummaryStatistics.ts';
import type { SweepDifference } from './computeSweepDifferences.ts';
import type { SweepPoint } from './sweepPoint.ts';

/**
 * Formats `sweep.csv`: one tidy row per point and summary metric —
 * `point,<one column per swept parameter path>,metric,material,stage,region,mean,ciLow,ciHigh,n,unit`
 * `,diffMean,diffCiLow,diffCiHigh,prevDiffMean,prevDiffCiLow,prevDiffCiHigh`
 * (`n`, the replicates that define the metric at the point, and `unit` were added later, then the
 * `diff…` columns, then the `prevDiff…` columns, each block last when added, so readers by position
 * find the earlier columns in place). Points
 * are numbered from 0 in design order; parameter values are written as given (with units). The
 * `diff…` columns are the point's paired difference from point 0 (mean over replicates of the
 * point's value minus point 0's in the same replicate, and its 95% t interval; computeSweepDifferences):
 * empty on point 0 and where there is none. The `prevDiff…` columns are the same paired difference
 * from the point before it in design order (point k − point k−1; computeSweepPreviousDifferences):
 * empty on point 0 and where there is none.
 *
 * @param parameters - Swept paths, in column order.
 * @param points - Each point with its summary statistics and, except point 0, its differences from point 0 and from the point before it (one per stat).
 * @returns The file's text, LF line ends.
 * @example
 * formatSweepCsv(['years'], [{ point: [{ path: 'years', value: '2' }], stats }]);
 */
export function formatSweepCsv(
  parameters: readonly string[],
  points: readonly {
    point: SweepPoint; stats: readonly SummaryStatistic[];
    vsFirstPoint?: readonly (SweepDifference | undefined)[]; vsPreviousPoint?: readonly (SweepDifference | undefined)[];
  }[],
): string {
  const header = [
    'point', ...parameters, 'metric', 'material', 'stage', 'region', 'mean', 'ciLow', 'ciHigh', 'n', 'unit', 'diffMean', 'diffCiLow', 'diffCiHigh',
    'prevDiffMean', 'prevDiffCiLow', 'prevDiffCiHigh',
  ];
  const lines = [header.map(formatCsvField).join(',')];
  const fields = (d: SweepDifference | undefined): string[] => [d?.meanDifference ?? NaN, d?.ciLow ?? NaN, d?.ciHigh ?? NaN].map(formatCsvNumber);
  points.forEach(({ point, stats, vsFirstPoint, vsPreviousPoint }, index) => {
    const values = parameters.map((path) => formatCsvField(point.find((a) => a.path === path)?.value ?? ''));
    stats.forEach((s, i) => {
      const key = [s.key.metric, s.key.material, s.key.stage, s.key.region].map(formatCsvField);
      const numbers = [s.mean, s.ciLow, s.ciHigh, s.n].map(formatCsvNumber);
      lines.push([String(index), ...values, ...key, ...numbers, formatCsvField(s.key.unit), ...fields(vsFirstPoint?.[i]), ...fields(vsPreviousPoint?.[i])].join(','));
    });
  });
  return `${lines.join('\n')}\n`;
}
