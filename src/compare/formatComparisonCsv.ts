import { formatCsvField } from '../outputs/formatCsvField.ts';
import { formatCsvNumber } from '../outputs/formatCsvNumber.ts';
import type { AlternativeComparison } from './computeComparison.ts';

/** Header of `comparison.csv`. */
export const COMPARISON_CSV_HEADER =
  'alternative,metric,material,stage,region,unit,meanFirst,meanAlternative,meanDifference,ciLow,ciHigh,pBetter,n,pWorse,direction,threshold,pFirst,pAlternative,pValue,exceedancePValue,reference';

/**
 * Formats `comparison.csv`: one tidy row per alternative and metric (alternatives in the order
 * given, metrics in layout order). Differences are alternative − first; NaN is the empty field.
 * `direction` is lower, higher or none (see `metricDirection`); `threshold`, `pFirst` and
 * `pAlternative` (P(first > threshold), P(alternative > threshold)) are filled for the metrics of
 * summary.json's default exceedance probabilities and empty otherwise; `pValue` is the paired t test's
 * two-sided p-value (unadjusted), `exceedancePValue` the exact McNemar p-value of pFirst = pAlternative
 * over the pairs (for the exceedance metrics only); `reference` names the arm every difference is
 * taken against (comparison.json's `first`), so the file stands alone. Columns after `n` were
 * added later, so readers by position still find the earlier ones in place.
 *
 * @param alternatives - From `computeComparison`.
 * @param reference - The reference (first) arm's label.
 * @returns The file's text, LF line ends.
 * @example
 * formatComparisonCsv(computeComparison(arms), arms[0].label).split('\n')[0] === COMPARISON_CSV_HEADER; // true
 */
export function formatComparisonCsv(alternatives: readonly AlternativeComparison[], reference: string): string {
  const lines = [COMPARISON_CSV_HEADER];
  for (const alternative of alternatives) {
    for (const m of alternative.metrics) {
      const text = [alternative.label, m.key.metric, m.key.material, m.key.stage, m.key.region, m.key.unit].map(formatCsvField);
      const numbers = [m.meanA, m.meanB, m.meanDifference, m.ciLow, m.ciHigh, m.pBetter, m.n, m.pWorse].map(formatCsvNumber);
      const exceedance = [m.exceedance?.threshold ?? NaN, m.exceedance?.pA ?? NaN, m.exceedance?.pB ?? NaN].map(formatCsvNumber);
      lines.push([...text, ...numbers, m.direction, ...exceedance, formatCsvNumber(m.pValue), formatCsvNumber(m.exceedance?.pValue ?? NaN), formatCsvField(reference)].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
