import { formatMultiple } from './formatMultiple.ts';
import { formatEstimate } from './formatEstimate.ts';
import { SHORTFALL_THRESHOLD_SHARE } from '../../sim-core/index.ts';
import { countRuns } from './countRuns.ts';
import { formatPercent } from './formatPercent.ts';
import { formatRange } from './formatRange.ts';
import { formatTonnesEstimate } from './formatAmountEstimate.ts';
import { formatWeeks } from './formatWeeks.ts';
import type { MaterialResult } from './computeMaterialResults.ts';
import { describeStageProduct } from './describeStageProduct.ts';

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
  /** The material's id: names the components it goes into (magnets for `ndpr`) in another stage's peak; `components` without it. */
  materialId?: string;
}

/** Fewest runs behind a "90% of runs" range; with fewer the 5% and 95% tails are not estimated. */
export const MIN_RUNS_FOR_RANGE = 20;

/**
 * Turns a material's key results into plain sentences with their uncertainty: how many runs,
 * at least how long (a week counts as short when more than 1% of demand goes unmet), how much,
 * and the 95% confidence interval of each mean (cut at zero for quantities that cannot be
 * negative; "the same in every run" when it has no width). Ranges over 90% of runs need at least
 * {@link MIN_RUNS_FOR_RANGE} runs; with fewer the sentence says how many runs it rests on.
 *
 * @param result - From `computeMaterialResults`.
 * @param context - Names and the home demand.
 * @returns Sentences (no HTML), most important first.
 * @example
 * describeMaterialResult(result, context)[0];
 * // 'In 90% of runs, end users in the United States are short of NdPr oxide (more than 1% of …) for at least 30 weeks …'
 */
export function describeMaterialResult(result: MaterialResult, context: DescribeContext): string[] {
  const { homeName } = context;
  const materialName = inSentence(context.materialName);
  const sentences = [describeWeeks(result, { ...context, materialName })];
  const where = context.peakIsHomeSegment ? `in the ${homeName} market` : `outside ${context.foreignName}`;
  // "Over the whole run, whatever the cause": the answer box's peak is the disruptions' window's, over the paired runs; a reader saw two figures for one thing (user audit, session 20).
  if (result.peakOutside.n > 0) sentences.push(`Highest ${context.product} ${materialName} price ${where} over the whole run, whatever the cause (all ${countRuns(result.peakOutside.n)}): ${describePeak(result.peakOutside)}.`);
  // Another traded stage the events strike (magnets beside oxide): its own price, which the quoted refined one hides (audit 24, H1).
  for (const { stage, peak } of result.otherStagePeaks) {
    const product = describeStageProduct(context.materialId ?? '', context.materialName, stage);
    sentences.push(`Highest price of ${product}, a stage the events strike too, ${where} over the whole run, whatever the cause (all ${countRuns(peak.n)}): ${describePeak(peak)}.`);
  }
  const lack = result.lackingTonnes;
  if (lack.n > 0 && lack.max > 0) {
    const share = Number.isFinite(context.homeDemandTonnesPerYear) && context.homeDemandTonnesPerYear > 0
      ? `, ${aboutShare(lack.mean / context.homeDemandTonnesPerYear)} of one year's demand at the start` : '';
    const worst = result.worstWeekShare.p50 > 0
      ? `their worst week leaves ${formatPercent(result.worstWeekShare.p50)} of demand unmet (median across runs)`
      : 'in at least half of the runs no week leaves demand unmet';
    const [low, high] = [Math.max(0, lack.ciLow), Math.max(0, lack.ciHigh)];
    const shown = formatTonnesEstimate(lack.mean, low, high);
    sentences.push(`Over the whole run, end users in ${homeName} go without ${shown.mean} of ${materialName} on average ` +
      `(${confidence(low, high, shown)})${share}; ${worst}.`);
  }
  const recovery = result.recoveryWeeks;
  if (recovery.n > 0) {
    const spread = recovery.n >= MIN_RUNS_FOR_RANGE ? `90% of these runs: ${formatRange(recovery.p5, recovery.p95, 0)} weeks` : `from ${countRuns(recovery.n)}`;
    sentences.push(`In runs with a shortage, the median time to recovery (from the first short week to the end of the last) is ` +
      `${percentileWeeksText(recovery.p50)} (${spread}).`);
  }
  return sentences;
}

/** `2.298× the starting price on average (95% CI 2.295× to 2.301×); 90% of runs peak between 2.27× and 2.32×`. */
function describePeak(peak: MaterialResult['peakOutside']): string {
  const spread = peak.n >= MIN_RUNS_FOR_RANGE ? `; 90% of runs peak between ${formatMultiple(peak.p5)} and ${formatMultiple(peak.p95)}` : '';
  // Mean and CI rounded alike (formatEstimate): each to 3 digits read "1.69× (95% CI 1.69× to 1.7×)".
  const shown = formatEstimate(peak.mean, peak.ciLow, peak.ciHigh);
  const interval = !Number.isFinite(peak.ciLow) || !Number.isFinite(peak.ciHigh) ? 'no interval: one run'
    : shown.low === shown.high ? 'the same in every run' : `95% CI ${shown.low}× to ${shown.high}×`;
  return `${shown.mean}× the starting price on average (${interval})${spread}`;
}

/** `1 week`, `0 weeks`, `2.5 weeks`. */
export function weeksText(weeks: number): string {
  const text = formatWeeks(weeks);
  return `${text} ${text === '1' ? 'week' : 'weeks'}`;
}

/**
 * A percentile of weeks short across runs, in whole weeks: each run counts whole weeks, and the
 * percentiles interpolate between runs (quantile, definition 7), so a median of 12.5 or a 5th
 * percentile of 3.4 weeks is a point between two runs, not a length any run had (user audit, session 32).
 *
 * @param weeks - The percentile.
 * @returns e.g. `13 weeks` for 12.5, `1 week`, `0 weeks`.
 */
export function percentileWeeksText(weeks: number): string {
  return weeksText(Number.isFinite(weeks) ? Math.round(weeks) : weeks);
}

/**
 * A material name inside a sentence: an ordinary capitalised word is lower-cased
 * (`Dysprosium oxide` → `dysprosium oxide`), symbols and acronyms stay (`NdPr oxide`).
 *
 * @param name - The material's name.
 * @returns The name for mid-sentence use.
 * @example
 * inSentence('Lithium (Li content)'); // 'lithium (Li content)'
 */
export function inSentence(name: string): string {
  return /^[A-Z][a-z]*(\s|$)/.test(name) ? name[0].toLowerCase() + name.slice(1) : name;
}

/** `about 4%`, `less than 1%` (never `about <1%`). */
function aboutShare(share: number): string {
  const percent = formatPercent(share);
  return percent === '<1%' ? 'less than 1%' : `about ${percent}`;
}

/** `95% CI a to b` (ends rounded with the mean), or `the same in every run` when the interval has no width. */
function confidence(low: number, high: number, shown: { low: string; high: string }): string {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return 'no interval: one run';
  return low === high ? 'the same in every run' : `95% CI ${shown.low} to ${shown.high}`;
}

function describeWeeks(result: MaterialResult, context: DescribeContext): string {
  const { materialName, homeName } = context;
  const weeks = result.weeksShort;
  const threshold = `more than ${formatPercent(SHORTFALL_THRESHOLD_SHARE)} of their weekly demand unmet`;
  const subject = `end users in ${homeName}`;
  if (weeks.n === 0) return `No data on shortages of ${materialName} in ${homeName}.`;
  if (weeks.max <= 0) {
    return weeks.n === 1 ? `In the one run, ${subject} are not short of ${materialName} (${threshold}) in any week.`
      : `In none of the ${weeks.n} runs are ${subject} short of ${materialName} (${threshold}) in any week.`;
  }
  const spread = weeks.n < MIN_RUNS_FOR_RANGE ? `from ${countRuns(weeks.n)}`
    : weeks.p5 === weeks.p95 ? `${percentileWeeksText(weeks.p5)} in at least 90% of runs` : `90% of runs between ${formatWeeks(Math.max(0, Math.round(weeks.p5)))} and ${percentileWeeksText(weeks.p95)}`;
  const median = `median ${percentileWeeksText(weeks.p50)}; ${spread}`;
  if (Number.isFinite(result.weeksShortIn90) && result.weeksShortIn90 > 0) {
    return `In 90% of runs, ${subject} are short of ${materialName} (${threshold}) for at least ${weeksText(result.weeksShortIn90)} (${median}).`;
  }
  const runs = Number.isFinite(result.runsShort) ? `In ${result.runsShort.toLocaleString('en-US')} of ${countRuns(weeks.n)}` : 'In some runs';
  return `${runs}, ${subject} are short of ${materialName} (${threshold}) for at least one week (${median}).`;
}
