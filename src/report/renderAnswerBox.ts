import { formatEstimate } from './formatEstimate.ts';
import { formatMoneyEstimate, formatTonnesEstimate } from './formatAmountEstimate.ts';
import { SHORTFALL_THRESHOLD_SHARE } from '../../sim-core/index.ts';
import { describePeakAgainstWithout } from './describePeakAgainstWithout.ts';
import { describePeakWindow } from './describePeakWindow.ts';
import { computeHeadlineResults, PRODUCT, type MaterialWithResult } from './computeHeadlineResults.ts';
import { countRuns } from './countRuns.ts';
import type { RunContext } from './deriveRunContext.ts';
import { weeksText } from './describeMaterialResult.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import type { ImpactReading } from './readImpactJson.ts';
import type { ReplicateValues } from './readReplicatesCsv.ts';
import type { SummaryMetrics } from './readSummaryJson.ts';
import { regionWithArticle } from './regionWithArticle.ts';

/**
 * The answer box at the top of a run report, above the contents: one plain line per material
 * that Key results leads with (up to three), saying whether the home region's end users go short,
 * how much less they receive because of the scenario's disruptions, and how high the price peaks,
 * each with its 95% CI or spread over runs. Every figure is one Key results shows (the same
 * computations); nothing new is estimated here. Empty without runs.
 *
 * @param context - Regions and materials of the run.
 * @param summary - `summary.json`.
 * @param replicates - `replicates.csv`, if present.
 * @param impact - `impact.json`, if present (what the disruptions cause, paired run by run).
 * @returns HTML, or ''.
 * @example
 * renderAnswerBox(context, summary, replicates, impact);
 * // '<div class="answer" …>… NdPr oxide: end users in the United States receive 8,090 t (8%) less over 2025–2034 …'
 */
export function renderAnswerBox(context: RunContext, summary: SummaryMetrics, replicates: ReplicateValues | undefined, impact: ImpactReading | undefined): string {
  const { chosen, runs } = computeHeadlineResults(context, summary, replicates);
  if (!(runs > 0) || chosen.length === 0) return '';
  const lines = chosen.map((r) => describe(r, context, summary, replicates !== undefined, impact)).filter((line) => line !== '');
  if (lines.length === 0) return '';
  const basis = `From ${countRuns(runs)} of a model under its stated assumptions, not forecasts. A week is short when more than ${formatPercent(SHORTFALL_THRESHOLD_SHARE)} of demand goes unmet. ` +
    'Every material, the costs and how to read the intervals: ';
  return `<div class="answer" id="answer" role="note" aria-label="Answer"><p class="answer-h"><strong>Answer</strong></p>` +
    `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` +
    `<p class="note">${escapeHtml(basis)}<a href="#results">Key results</a>.</p></div>\n`;
}

/**
 * One material's line: how short end users go when they do; then what the disruptions take away over
 * the run and the peak price; and, when they are never short, why (prices ration), last: leading
 * with "short in none of the runs" read as "no problem" (visual audit, session 16).
 */
function describe({ material, result }: MaterialWithResult, context: RunContext, summary: SummaryMetrics, exact: boolean, impact: ImpactReading | undefined): string {
  const home = regionWithArticle(context.homeName);
  const parts: string[] = [];
  const weeks = result.weeksShort;
  let neverShort = '';
  if (weeks.n > 0) {
    const lack = result.lackingTonnes;
    const without = lack.n > 0 && lack.max > 0 ? `, going without ${tonnesWithCi(lack.mean, lack.ciLow, lack.ciHigh)}` : '';
    const median = weeks.p50 > 0 ? ` (median ${weeksText(weeks.p50)})` : '';
    if (weeks.max <= 0) neverShort = `end users in ${home} are short (demand unmet at the going price) in none of the ${countRuns(weeks.n)}${without}`;
    else if (Number.isFinite(result.weeksShortIn90) && result.weeksShortIn90 > 0) parts.push(`end users in ${home} are short for at least ${weeksText(result.weeksShortIn90)} in 90% of runs${median}${without}`);
    else parts.push(`end users in ${home} are short in ${Number.isFinite(result.runsShort) ? `${result.runsShort.toLocaleString('en-US')} of ${countRuns(weeks.n)}` : 'some runs'}${median}${without}`);
  }
  const who = parts.length === 0 ? `end users in ${home}` : 'they';
  const over = context.period === undefined ? 'over the run' : `over ${context.period.firstYear}–${context.period.lastYear}`;
  const paired = impact === undefined ? '' : `; ${countRuns(impact.replicates, 'paired run')}`;
  const change = impact === undefined || impact.disruptiveEvents.length === 0 ? undefined : impact.byMaterial.get(material.id)?.homeConsumption;
  if (change !== undefined && !(change.mean === 0 && change.ciLow === 0 && change.ciHigh === 0)) {
    if (!(change.ciLow > 0 || change.ciHigh < 0)) parts.push(`the disruptions make no clear change to what ${who} receive (95% CI includes 0${paired})`);
    else {
      const less = change.mean < 0;
      const share = change.meanWithout > 0 ? formatPercent(Math.abs(change.mean) / change.meanWithout) : '';
      const [low, high] = less ? [-change.ciHigh, -change.ciLow] : [change.ciLow, change.ciHigh];
      const shown = formatTonnesEstimate(Math.abs(change.mean), low, high);
      parts.push(`${who} receive ${shown.mean}${share === '' ? '' : ` (${share === '<1%' ? 'under 1%' : share})`} ${less ? 'less' : 'more'} ${over} than without the disruptions (95% CI ${shown.low} to ${shown.high}${paired})`);
    }
  }
  const cost = impact === undefined || impact.disruptiveEvents.length === 0 ? undefined : impact.byMaterial.get(material.id)?.endUserCost;
  if (cost !== undefined && (cost.ciLow > 0 || cost.ciHigh < 0)) {
    // "At what cost": the money end users lose, not only the tonnes (stress's end-user loss, paired run by run).
    // Its parts are explained in Key results; here a few words (user audit, session 20: bullets ran to ~100 words).
    const gain = cost.ciLow < 0 && cost.ciHigh < 0;
    const shown = gain ? formatMoneyEstimate(-cost.mean, -cost.ciHigh, -cost.ciLow) : formatMoneyEstimate(cost.mean, cost.ciLow, cost.ciHigh);
    const range = `95% CI ${shown.low} to ${shown.high}`;
    parts.push(cost.mean > 0
      ? `it costs them ${shown.mean} (${range}) in higher prices and consumption priced out`
      : `they gain ${shown.mean} (${range}) at the prices and quantities the disruptions leave`);
  }
  const peak = result.peakOutside;
  const where = exact ? `outside ${regionWithArticle(context.foreignName)}` : `in the ${context.homeName} market`;
  const product = PRODUCT[material.priceStage] ?? material.priceStage;
  const caused = describeCausedPeak(material.id, impact, `the ${product} price ${where}`);
  if (caused !== '') parts.push(caused);
  else if (peak.n > 0 && Number.isFinite(peak.mean)) {
    // The run's highest price, whatever raised it (the baseline's own squeezes and price wars too): said as such, never
    // as the disruptions' (user audit, session 20: a scenario whose only event lay after the run "peaked at 2.14×").
    const shown = formatEstimate(peak.mean, peak.ciLow, peak.ciHigh);
    const ci = Number.isFinite(peak.ciLow) && Number.isFinite(peak.ciHigh) && shown.low !== shown.high ? ` (95% CI ${shown.low}× to ${shown.high}×)` : '';
    parts.push(`at its highest ${over}, the ${product} price ${where} reaches ${shown.mean}× its starting price on average${ci}, whatever the cause`);
  }
  if (neverShort !== '') parts.push(parts.length === 0 ? neverShort : `${neverShort}: higher prices ration what they buy instead`);
  const elsewhere = describeShortElsewhere(material.id, context, summary);
  if (elsewhere !== '') parts.push(elsewhere);
  return parts.length === 0 ? '' : `${material.name}: ${parts.join('; ')}.`;
}

/**
 * End users of the other regions (neither home nor foreign) who are short, from summary.json's
 * `shortfallWeeks.<material>.endUse.<region>`: `end users elsewhere are short: in the Allies for 28
 * weeks on average (95% CI 27 to 28 weeks), in the Rest of world for 59 weeks on average (…)`; ''
 * when none is. The home region's answer alone read as "nobody goes short" (user audit, session 20).
 */
function describeShortElsewhere(materialId: string, context: RunContext, summary: SummaryMetrics): string {
  const others = context.regions.filter((region) => region !== context.home && region !== context.foreign);
  const short = others.flatMap((region) => {
    const weeks = summary.get(`shortfallWeeks.${materialId}.endUse.${region}`);
    if (weeks === undefined || !(weeks.n > 0) || !(weeks.mean > 0)) return [];
    // Whole weeks from 10 up, else tenths: "58.51 weeks (95% CI 58.41 to 58.61)" was precision no reader needs.
    const decimals = weeks.mean >= 10 ? 0 : 1;
    const round = (value: number) => formatNumber(Number(Math.max(0, value).toFixed(decimals)));
    const shown = { mean: round(weeks.mean), low: round(weeks.ciLow), high: round(weeks.ciHigh) };
    const ci = Number.isFinite(weeks.ciLow) && Number.isFinite(weeks.ciHigh) && shown.low !== shown.high ? ` (95% CI ${shown.low} to ${shown.high} weeks)` : '';
    // A short name: "Allies (Australia, Japan, EU, Canada)" reads as "the Allies" in a sentence of figures.
    const name = (context.regionNames?.[region] ?? region).replace(/\s*\(.*\)\s*$/, '');
    return [`in ${regionWithArticle(name)} for ${shown.mean} ${shown.mean === '1' ? 'week' : 'weeks'} on average${ci}`];
  });
  return short.length === 0 ? '' : `end users elsewhere are short: ${short.join(', ')}`;
}

/**
 * The peak in the disruptions' window and what they change in it, paired run by run (impact.json's
 * `disruptionPeakPrice`): `the refined price outside China peaks at 2.21× its starting price from
 * Oct 2025 to Jul 2028 (the disruptions and the year after), against 1.28× in the same months without
 * them: +72%, a rise of 0.929× the starting price (95% CI …)`, or a fall for a disruption that
 * lowers it (a price war); when the CI includes 0, that the disruptions make no clear change to the
 * peak, with both levels; '' without the figure (the whole run's peak is said instead, as such).
 * Level and change are of the same months, so they cannot speak of different spikes.
 */
function describeCausedPeak(materialId: string, impact: ImpactReading | undefined, price: string): string {
  const entry = impact === undefined || impact.disruptiveEvents.length === 0 ? undefined : impact.byMaterial.get(materialId);
  const change = entry?.disruptionPeakPrice;
  if (entry?.peakWindow === undefined || change === undefined || !Number.isFinite(change.mean)) return '';
  if (!(change.ciLow > 0 || change.ciHigh < 0)) {
    const shown = formatEstimate(change.mean, change.ciLow, change.ciHigh);
    const signed = (text: string) => (text.startsWith('−') || text === '0' ? text : `+${text}`);
    return `the disruptions make no clear change to ${price} at its peak from ${describePeakWindow(entry.peakWindow)}: ` +
      `${formatNumber(change.meanWith)}× its starting price with them, ${formatNumber(change.meanWithout)}× without (95% CI of the change ${signed(shown.low)}× to ${signed(shown.high)}×)`;
  }
  const higher = change.mean > 0;
  const [low, high] = higher ? [change.ciLow, change.ciHigh] : [-change.ciHigh, -change.ciLow];
  const against = describePeakAgainstWithout(change);
  const shown = formatEstimate(Math.abs(change.mean), low, high);
  return `${price} peaks at ${formatNumber(change.meanWith)}× its starting price from ${describePeakWindow(entry.peakWindow)} (the disruptions and the year after), ` +
    `${against === '' ? '' : `${against}, `}a ${higher ? 'rise' : 'fall'} of ${shown.mean}× the starting price (95% CI ${shown.low}× to ${shown.high}×)`;
}

/** `13.1 t on average (95% CI 0 t to 39.4 t)`, in one unit, cut at zero. */
function tonnesWithCi(mean: number, ciLow: number, ciHigh: number): string {
  const [low, high] = [Math.max(0, ciLow), Math.max(0, ciHigh)];
  const shown = formatTonnesEstimate(mean, low, high);
  return `${shown.mean} on average (95% CI ${shown.low} to ${shown.high})`;
}
