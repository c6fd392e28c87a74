import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import { formatRange } from './formatRange.ts';
import { formatWeeks } from './formatWeeks.ts';
import type { MaterialResult } from './computeMaterialResults.ts';

/** Names and figures that turn a {@link MaterialResult} into sentences. */
export interface DescribeContext {
  materialName: string;
  /** e.g. `the United States`. */
  homeName: string;
  /** e.g. `China`. */
  foreignName: string;
  /** Product of the quoted price, e.g. `refined`. */
  product: string;
  /** Home demand at the start, t/yr (NaN when unknown). */
  homeDemandTonnesPerYear: number;
  /** True when the peak is the home segment's (no replicates.csv), not the maximum outside the foreign region. */
  peakIsHomeSegment: boolean;
}

/**
 * Turns a material's key results into plain sentences with their uncertainty: how many runs,
 * at least how long, how much, and the 95% confidence interval of each mean (cut at zero for
 * quantities that cannot be negative).
 *
 * @param result - From `computeMaterialResults`.
 * @param context - Names and the home demand.
 * @returns Sentences (no HTML), most important first.
 * @example
 * describeMaterialResult(result, context)[0];
 * // 'In 90% of runs, end users in the United States are short of NdPr oxide for at least 30 weeks …'
 */
export function describeMaterialResult(result: MaterialResult, context: DescribeContext): string[] {
  const { materialName, homeName } = context;
  const sentences = [describeWeeks(result, context)];
  const peak = result.peakOutside;
  if (peak.n > 0) {
    const where = context.peakIsHomeSegment ? `in the ${homeName} market` : `outside ${context.foreignName}`;
    sentences.push(`Mean peak ${context.product} ${materialName} price ${where}: ${formatNumber(peak.mean)}× the starting price ` +
      `(95% CI ${formatRange(peak.ciLow, peak.ciHigh, 0)}); 90% of runs peak between ` +
      `${formatNumber(peak.p5)}× and ${formatNumber(peak.p95)}×.`);
  }
  const lack = result.lackingTonnes;
  if (lack.n > 0 && lack.max > 0) {
    const share = Number.isFinite(context.homeDemandTonnesPerYear) && context.homeDemandTonnesPerYear > 0
      ? `, about ${formatPercent(lack.mean / context.homeDemandTonnesPerYear)} of one year's demand at the start` : '';
    const worst = result.worstWeekShare.p50 > 0
      ? `in the worst week of the median run ${formatPercent(result.worstWeekShare.p50)} of their demand is unmet`
      : 'the median run has no week with unmet demand';
    sentences.push(`Over the whole run, end users in ${homeName} go without ${formatNumber(lack.mean)} t of ${materialName} on average ` +
      `(95% CI ${formatRange(lack.ciLow, lack.ciHigh, 0)} t)${share}; ${worst}.`);
  }
  if (result.recoveryWeeks.n > 0) {
    sentences.push(`In runs with a shortage, the median time to recovery (from the first short week to the end of the last) is ` +
      `${formatWeeks(result.recoveryWeeks.p50)} weeks (90% of these runs: ${formatWeeks(result.recoveryWeeks.p5)}–` +
      `${formatWeeks(result.recoveryWeeks.p95)} weeks).`);
  }
  return sentences;
}

function describeWeeks(result: MaterialResult, context: DescribeContext): string {
  const { materialName, homeName } = context;
  const weeks = result.weeksShort;
  const subject = `end users in ${homeName}`;
  if (weeks.n === 0) return `No data on shortages of ${materialName} in ${homeName}.`;
  if (weeks.max <= 0) return `In none of the ${weeks.n} runs are ${subject} short of ${materialName}.`;
  const median = `median ${formatWeeks(weeks.p50)} weeks; 90% of runs between ${formatWeeks(weeks.p5)} and ${formatWeeks(weeks.p95)}`;
  if (Number.isFinite(result.weeksShortIn90) && result.weeksShortIn90 > 0) {
    return `In 90% of runs, ${subject} are short of ${materialName} for at least ${formatWeeks(result.weeksShortIn90)} weeks (${median}).`;
  }
  const runs = Number.isFinite(result.runsShort) ? `In ${result.runsShort} of ${weeks.n} runs` : 'In some runs';
  return `${runs}, ${subject} are short of ${materialName} for at least one week (${median}).`;
}
