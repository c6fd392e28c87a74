import type { ComparisonEntry } from './readComparisonJson.ts';

/** Metrics that are spending, not outcomes: a difference is reported as "costs more", never as better or worse. */
const SPENDING = new Set(['policyCost', 'netPolicyCost', 'materialPolicyCost', 'materialNetPolicyCost', 'foreignActorCost']);

/**
 * Whether a metric is spending (policy or foreign-actor cost): its differences are neither good
 * nor bad by themselves, so the report words them neutrally.
 *
 * @param metric - Metric id, e.g. `policyCost.US`.
 * @returns True for spending metrics.
 * @example
 * isSpendingMetric('policyCost.US'); // true
 */
export function isSpendingMetric(metric: string): boolean {
  return SPENDING.has(metric.split('.')[0]);
}

/**
 * How the paired runs split, in a short phrase: `better in 85% of runs, worse in 10%, same in 5%`,
 * `same in every run` (tied in every pair), and for spending `higher in 100% of runs`.
 *
 * @param e - One paired comparison.
 * @param short - Leave out "of runs" (chart labels).
 * @returns The phrase, or '' when the shares are not stated.
 * @example
 * describePairedShare({ ...entry, pBetter: 0, pWorse: 0 }); // 'same in every run'
 */
export function describePairedShare(e: ComparisonEntry, short = false): string {
  if (!Number.isFinite(e.pBetter)) return '';
  const worse = Number.isFinite(e.pWorse) ? e.pWorse : 1 - e.pBetter;
  const pct = (p: number): string => `${Math.round(p * 100)}%`;
  const runs = short ? '' : ' of runs';
  if (e.pBetter === 0 && worse === 0) return 'same in every run';
  const neutral = isSpendingMetric(e.metric) || e.direction === '';
  const parts: Array<[string, number]> = neutral
    ? (e.direction === 'higher' ? [['higher', e.pBetter], ['lower', worse]] : [['higher', worse], ['lower', e.pBetter]])
    : [['better', e.pBetter], ['worse', worse]];
  parts.push(['same', Math.max(0, 1 - e.pBetter - worse)]);
  const shown = parts.filter(([, p]) => Math.round(p * 100) > 0);
  return shown.map(([word, p], i) => `${word} in ${pct(p)}${i === 0 ? runs : ''}`).join(', ');
}
