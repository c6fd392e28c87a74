import { formatCsvField } from '../outputs/formatCsvField.ts';
import { formatCsvNumber } from '../outputs/formatCsvNumber.ts';
import type { MetricReversalSplit, ReversalSplit } from './computeReversalSplit.ts';

/** Header of `reversal-split.csv`. */
export const REVERSAL_SPLIT_CSV_HEADER =
  'alternative,policy,runsReversed,runs,metric,material,stage,region,unit,' +
  'keptN,keptMean,keptCiLow,keptCiHigh,reversedN,reversedMean,reversedCiLow,reversedCiHigh,gapMean,gapCiLow,gapCiHigh,reference';

/**
 * Formats `reversal-split.csv`, comparison.json's `reversalSplit` as one tidy row per alternative,
 * split and metric: `policy` is empty for the split by any of the alternative's reversible policies
 * and the event id for the split by that policy alone (written when the alternative has two or more);
 * `runsReversed` of `runs` are the runs in which an election reversed it (or any of them). `kept…`
 * and `reversed…` are the paired difference alternative − first over those two groups of runs (n,
 * mean, t interval), `gap…` kept − reversed with Welch's interval (the groups are different runs:
 * descriptive, not causal; computeReversalSplit). A split with no run on one side has no metric rows:
 * it gets one row with the counts and empty metric fields, so every policy is listed. `reference` names
 * the arm the differences are taken against. NaN is the empty field.
 *
 * @param splits - From `computeReversalSplit`.
 * @param reference - The reference (first) arm's label.
 * @returns The file's text, LF line ends.
 * @example
 * formatReversalSplitCsv(report.reversalSplit ?? [], report.arms[0].label).split('\n')[0] === REVERSAL_SPLIT_CSV_HEADER; // true
 */
export function formatReversalSplitCsv(splits: readonly ReversalSplit[], reference: string): string {
  const lines = [REVERSAL_SPLIT_CSV_HEADER];
  const referenceField = formatCsvField(reference);
  const push = (label: string, policy: string, runsReversed: number, runs: number, metrics: readonly MetricReversalSplit[]): void => {
    const head = [formatCsvField(label), formatCsvField(policy), String(runsReversed), String(runs)];
    if (metrics.length === 0) {
      lines.push([...head, ...Array<string>(16).fill(''), referenceField].join(','));
      return;
    }
    for (const m of metrics) {
      const key = [m.key.metric, m.key.material, m.key.stage, m.key.region, m.key.unit].map(formatCsvField);
      const numbers = [
        m.kept.n, m.kept.mean, m.kept.ciLow, m.kept.ciHigh, m.reversed.n, m.reversed.mean, m.reversed.ciLow, m.reversed.ciHigh,
        m.difference.mean, m.difference.ciLow, m.difference.ciHigh,
      ].map(formatCsvNumber);
      lines.push([...head, ...key, ...numbers, referenceField].join(','));
    }
  };
  for (const split of splits) {
    push(split.label, '', split.runsReversed, split.runs, split.metrics);
    for (const policy of split.byPolicy) push(split.label, policy.id, policy.runsReversed, split.runs, policy.metrics);
  }
  return `${lines.join('\n')}\n`;
}
