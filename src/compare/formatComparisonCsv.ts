import { formatCsvField } from '../outputs/formatCsvField.ts';
import { formatCsvNumber } from '../outputs/formatCsvNumber.ts';
import type { AlternativeComparison } from './computeComparison.ts';

/** Header of `comparison.csv`. */
export const COMPARISON_CSV_HEADER =
  'alternative,metric,material,stage,region,unit,meanFirst,meanAlternative,meanDifference,ciLow,ciHigh,pBetter,n';

/**
 * Formats `comparison.csv`: one tidy row per alternative and metric (alternatives in the order
 * given, metrics in layout order). Differences are alternative − first; NaN is the empty field.
 *
 * @param alternatives - From `computeComparison`.
 * @returns The file's text, LF line ends.
 * @example
 * formatComparisonCsv(computeComparison(arms)).split('\n')[0] === COMPARISON_CSV_HEADER; // true
 */
export function formatComparisonCsv(alternatives: readonly AlternativeComparison[]): string {
  const lines = [COMPARISON_CSV_HEADER];
  for (const alternative of alternatives) {
    for (const m of alternative.metrics) {
      const text = [alternative.label, m.key.metric, m.key.material, m.key.stage, m.key.region, m.key.unit].map(formatCsvField);
      const numbers = [m.meanA, m.meanB, m.meanDifference, m.ciLow, m.ciHigh, m.pBetter, m.n].map(formatCsvNumber);
      lines.push([...text, ...numbers].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
