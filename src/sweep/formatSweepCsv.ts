import { formatCsvField } from '../outputs/formatCsvField.ts';
import { formatCsvNumber } from '../outputs/formatCsvNumber.ts';
import type { SummaryStatistic } from '../stats/computeSummaryStatistics.ts';
import type { SweepPoint } from './sweepPoint.ts';

/**
 * Formats `sweep.csv`: one tidy row per point and summary metric —
 * `point,<one column per swept parameter path>,metric,material,stage,region,mean,ciLow,ciHigh,n,unit`
 * (`n`, the replicates that define the metric at the point, and `unit` were added last, so readers
 * by position find the earlier columns in place). Points are numbered from 0 in design order;
 * parameter values are written as given (with units).
 *
 * @param parameters - Swept paths, in column order.
 * @param points - Each point with its summary statistics.
 * @returns The file's text, LF line ends.
 * @example
 * formatSweepCsv(['years'], [{ point: [{ path: 'years', value: '2' }], stats }]);
 */
export function formatSweepCsv(
  parameters: readonly string[],
  points: readonly { point: SweepPoint; stats: readonly SummaryStatistic[] }[],
): string {
  const lines = [['point', ...parameters, 'metric', 'material', 'stage', 'region', 'mean', 'ciLow', 'ciHigh', 'n', 'unit'].map(formatCsvField).join(',')];
  points.forEach(({ point, stats }, index) => {
    const values = parameters.map((path) => formatCsvField(point.find((a) => a.path === path)?.value ?? ''));
    for (const s of stats) {
      const key = [s.key.metric, s.key.material, s.key.stage, s.key.region].map(formatCsvField);
      const numbers = [s.mean, s.ciLow, s.ciHigh, s.n].map(formatCsvNumber);
      lines.push([String(index), ...values, ...key, ...numbers, formatCsvField(s.key.unit)].join(','));
    }
  });
  return `${lines.join('\n')}\n`;
}
