import { summarizeValues, type ValueSummary } from '../stats/summarizeValues.ts';
import { countRuns } from './countRuns.ts';
import { percentileWeeksText } from './describeMaterialResult.ts';
import { formatTonnesEstimate } from './formatAmountEstimate.ts';
import { formatPercent } from './formatPercent.ts';
import type { ReplicateValues } from './readReplicatesCsv.ts';
import type { SummaryMetrics } from './readSummaryJson.ts';

/** The home region's public (defence) end users' shortage over a run's replicates, from summary.json and replicates.csv. */
export interface DefenceShortage {
  /** Runs. */
  runs: number;
  /** Runs with at least one short week (NaN without replicates.csv, when the summary alone cannot count them). */
  runsShort: number;
  /** Weeks short (more than 1% of their demand unmet), per run. */
  weeks: ValueSummary;
  /** Unmet demand over the run, t. */
  unmet: ValueSummary;
  /** The largest share of their demand unmet in a week. */
  worstShare: ValueSummary;
}

/**
 * Reads the home region's defence buyers' shortage of a material: summary.json's
 * `publicShortfallWeeks`, `cumulativePublicShortfall` and `maxPublicShortfallShare` (per run from
 * replicates.csv when given, so the runs short can be counted).
 *
 * @param materialId - The material.
 * @param home - The home region's id.
 * @param summary - summary.json's metrics.
 * @param replicates - replicates.csv's values, optional.
 * @returns The reading, or undefined for a folder written before these metrics (or without runs).
 * @example
 * measureDefenceShortage('gallium', 'US', summary, replicates)?.runsShort; // 14
 */
export function measureDefenceShortage(materialId: string, home: string, summary: SummaryMetrics, replicates?: ReplicateValues): DefenceShortage | undefined {
  const id = (metric: string) => `${metric}.${materialId}.endUse.${home}`;
  const stat = (metric: string): ValueSummary | undefined => {
    const values = replicates?.get(id(metric));
    return values !== undefined ? summarizeValues(values) : summary.get(id(metric));
  };
  const weeks = stat('publicShortfallWeeks');
  const unmet = stat('cumulativePublicShortfall');
  const worstShare = stat('maxPublicShortfallShare');
  if (weeks === undefined || unmet === undefined || worstShare === undefined || !(weeks.n > 0)) return undefined;
  const perRun = replicates?.get(id('publicShortfallWeeks'));
  const runsShort = perRun !== undefined ? perRun.filter((w) => w > 0).length : weeks.max <= 0 ? 0 : NaN;
  return { runs: weeks.n, runsShort, weeks, unmet, worstShare };
}

/**
 * The defence buyers' clause of a "how short" line: `defence buyers (public end users) are short in
 * none of the 20 runs`, or `defence buyers are short in 14 of 20 runs (median 4 weeks), going without
 * a mean 120 kg (95% CI 80 kg to 160 kg), at worst 80% of their demand in a week (median across runs)`.
 * Until session 31 no report line said this: README's worked example derived it by hand.
 *
 * @param shortage - From {@link measureDefenceShortage}.
 * @param subject - Who they are, as the clause's subject.
 * @param brief - Leave out the interval and the worst week (the answer box, which must fit a screen, leaves them to Key results).
 * @returns The clause, without a final stop.
 * @example
 * describeDefenceShortage(measureDefenceShortage('gallium', 'US', summary, replicates)!);
 */
export function describeDefenceShortage(shortage: DefenceShortage, subject = 'defence buyers (public end users)', brief = false): string {
  const { runs, runsShort, weeks, unmet, worstShare } = shortage;
  if (runsShort === 0) return `${subject} are short in none of the ${countRuns(runs)}`;
  const howMany = Number.isFinite(runsShort) ? `in ${runsShort.toLocaleString('en-US')} of ${countRuns(runs)}` : 'in some runs';
  const median = weeks.p50 > 0 ? ` (median ${percentileWeeksText(weeks.p50)})` : '';
  const shown = formatTonnesEstimate(unmet.mean, Math.max(0, unmet.ciLow), Math.max(0, unmet.ciHigh));
  const ci = Number.isFinite(unmet.ciLow) && Number.isFinite(unmet.ciHigh) && shown.low !== shown.high ? ` (95% CI ${shown.low} to ${shown.high})` : '';
  if (brief) return `${subject} are short ${howMany}${median}, ${shown.mean} unmet on average`;
  const worst = worstShare.p50 > 0 ? `, at worst ${formatPercent(worstShare.p50)} of their demand in a week (median across runs)` : '';
  return `${subject} are short ${howMany}${median}, going without a mean ${shown.mean}${ci}${worst}`;
}
