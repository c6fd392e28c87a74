import { formatPercentChangeSize } from './formatPercentChange.ts';
import { formatMultiple } from './formatMultiple.ts';
import { formatEstimate } from './formatEstimate.ts';
import { formatMoneyEstimate, formatTonnesEstimate } from './formatAmountEstimate.ts';
import { SHORTFALL_THRESHOLD_SHARE } from '../../sim-core/index.ts';
import { describePeakAgainstWithout } from './describePeakAgainstWithout.ts';
import { describePeakWindow } from './describePeakWindow.ts';
import { computeHeadlineResults, PRODUCT, type MaterialWithResult } from './computeHeadlineResults.ts';
import { countRuns } from './countRuns.ts';
import type { RunContext } from './deriveRunContext.ts';
import { percentileWeeksText, weeksText } from './describeMaterialResult.ts';
import { describeDefenceShortage, measureDefenceShortage } from './describeDefenceShortage.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import type { ImpactReading } from './readImpactJson.ts';
import type { ReplicateValues } from './readReplicatesCsv.ts';
import type { SummaryMetrics } from './readSummaryJson.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { chooseMassUnit } from './chooseMassUnit.ts';
import { describeLater } from './describeLaterPart.ts';
import { describeConsumptionTiming, describeMedianShortSpan, describeSpan, describeTimingClause } from './describeAnswerTiming.ts';
import { MIN_RUNS_FOR_RANGE } from './describeMaterialResult.ts';
import { describeStageProduct } from './describeStageProduct.ts';
import { formatDifference } from './formatDifference.ts';
import { formatScenarioDate } from './formatScenarioDate.ts';
import { formatWeeks } from './formatWeeks.ts';
import type { MonthlyConsumption, PeakWindow } from './readImpactJson.ts';
import type { OverTimeSeriesData } from './readOverTimeCsv.ts';
import { seriesKey, type SeriesFan } from './readSeriesCsv.ts';
import { type GainSplit, monthStart, splitGainByWindow } from './splitGainByWindow.ts';

/** One labelled line of a material's entry in the answer box. */
interface AnswerLine {
  label: 'How short' | 'When' | 'How sure' | 'What the disruptions take' | 'Prices';
  /** The runs every figure of the line rests on (`all 100 runs`), when they are the same for all. */
  basis?: string;
  text: string;
}

/**
 * The answer box at the top of a run report, above the contents: for each material that Key
 * results leads with (up to three), a few short labelled lines (audit 24, M9): how short the home
 * region's end users go (and the other regions'), when (the months their consumption falls and the
 * weeks at least half the runs are short), how sure (the spread over runs, and the assumption the
 * loss after the crisis rests on), what the disruptions take and cost (split into the crisis window
 * and later), and the prices (the quoted refined price and that of any other traded stage the
 * events strike, such as magnets). Each figure says its run set (all runs, or the paired runs of
 * impact.json). Every figure is one Key results or "What the disruptions take, month by month"
 * shows (the same computations); nothing new is estimated here. Empty without runs.
 *
 * @param context - Regions and materials of the run.
 * @param summary - `summary.json`.
 * @param replicates - `replicates.csv`, if present.
 * @param impact - `impact.json`, if present (what the disruptions cause, paired run by run).
 * @param fans - series.csv's bands as read for the report, if present (the home end users' shortfall gives the weeks short).
 * @param stockpileCompare - The command that compares stockpile mitigations with this scenario (`findStockpileCompare`), if any: the box's last line, "What helps".
 * @returns HTML, or ''.
 * @example
 * renderAnswerBox(context, summary, replicates, impact, fans);
 * // '<div class="answer" …>… <strong>NdPr oxide</strong> … How short:</em> End users in the United States are short for a median 32 weeks …'
 */
export function renderAnswerBox(context: RunContext, summary: SummaryMetrics, replicates: ReplicateValues | undefined, impact: ImpactReading | undefined, fans?: ReadonlyMap<string, SeriesFan>, stockpileCompare?: string): string {
  const { chosen, runs } = computeHeadlineResults(context, summary, replicates);
  if (!(runs > 0) || chosen.length === 0) return '';
  const entries = chosen.map((r) => ({ name: r.material.name, lines: describe(r, context, summary, replicates !== undefined, impact, fans, replicates) })).filter((e) => e.lines.length > 0);
  if (entries.length === 0) return '';
  const paired = impact !== undefined && impact.disruptiveEvents.length > 0 && entries.some((e) => e.lines.some((l) => `${l.basis ?? ''} ${l.text}`.includes('paired run')));
  const basis = `From ${countRuns(runs)} of a model under its stated assumptions, not forecasts; ` +
    // What a CI is and is not, once (audit 24, H4): it reads as near-certainty to a policy reader otherwise.
    'the 95% CIs measure simulation noise, not uncertainty about the assumptions. ' +
    (paired ? `“Paired runs”: ${impact!.replicates < runs ? `the first ${countRuns(impact!.replicates)}` : 'the runs'} set against the same runs without the disruptions; other figures are over all ${countRuns(runs)}. ` : '') +
    `A week is short when more than ${formatPercent(SHORTFALL_THRESHOLD_SHARE)} of demand goes unmet. Every material, the costs and how to read the intervals: `;
  const item = (e: { name: string; lines: AnswerLine[] }): string => `<li><strong>${escapeHtml(e.name)}</strong><ul class="answer-lines">` +
    e.lines.map((l) => `<li><em>${l.label}${l.basis === undefined ? '' : ` (${escapeHtml(l.basis)})`}:</em> ${escapeHtml(l.text)}</li>`).join('') + '</ul></li>';
  // Two or more materials sit side by side on a wide screen (reportStyles.ts, .answer-materials): each
  // column keeps a readable measure, the reader sets NdPr's line beside Dy's, and the box fits the first
  // screen with room to spare (the reference's ran to 890 of 900 px one under the other).
  const side = entries.length > 1 ? ' side-by-side' : '';
  return `<div class="answer${side}" id="answer" role="note" aria-label="Answer"><p class="answer-h"><strong>Answer</strong></p>` +
    `<ul class="answer-materials">${entries.map(item).join('')}</ul>` +
    `<p class="note">${escapeHtml(basis)}<a href="#results">Key results</a>.</p>` +
    // What can be done about it, one line (user audit, session 35, item 17): README's worked example, paired run by run.
    // The command breaks only between words (a file name split at its hyphen reads as two names).
    (stockpileCompare === undefined ? '' : `<p class="note helps"><strong>What helps?</strong> What stockpiles buy, paired run by run (see README’s worked example): <code>${stockpileCompare.split(' ').map((word) => `<span>${escapeHtml(word)}</span>`).join(' ')}</code></p>`) +
    '</div>\n';
}

/**
 * One material's lines. When end users are never short, "How short" says so with its reason (prices
 * ration), so that it does not read as "no problem" (visual audit, session 16): the loss is in what
 * they receive ("What it takes").
 */
function describe({ material, result }: MaterialWithResult, context: RunContext, summary: SummaryMetrics, exact: boolean, impact: ImpactReading | undefined, fans: ReadonlyMap<string, SeriesFan> | undefined, replicates: ReplicateValues | undefined): AnswerLine[] {
  const home = regionWithArticle(context.homeName);
  const lines: AnswerLine[] = [];
  const allRuns = (n: number): string => `all ${countRuns(n)}`;
  const pairedRuns = impact === undefined ? '' : countRuns(impact.replicates, 'paired run');
  const entry = impact === undefined || impact.disruptiveEvents.length === 0 ? undefined : impact.byMaterial.get(material.id);

  // How short: the home region's weeks and tonnes, then the other regions'.
  const weeks = result.weeksShort;
  const lack = result.lackingTonnes;
  const defenceShortage = measureDefenceShortage(material.id, context.home, summary, replicates);
  // When neither the end users nor their defence buyers were ever short, one clause says both (the answer box must fit a screen).
  const noneShort = weeks.n > 0 && weeks.max <= 0 && defenceShortage?.runsShort === 0;
  const defence = defenceShortage === undefined || noneShort ? ''
    // "In no run": the box's note gives the number of runs once (the answer box must fit a screen).
    : defenceShortage.runsShort === 0 ? 'their defence buyers are short in no run' : describeDefenceShortage(defenceShortage, 'their defence buyers', true);
  const others = describeShortElsewhere(material.id, context, summary);
  if (weeks.n > 0) {
    // The tonnes set against a year's demand, as Key results does: 1,110 t alone gave no scale (user audit, session 35, item 17).
    const share = lack.n > 0 && lack.max > 0 && material.homeDemand > 0 ? `, ${shareInWords(lack.mean / material.homeDemand)} of a year’s demand` : '';
    const without = lack.n > 0 && lack.max > 0 ? `, going without ${tonnesWithCi(lack.mean, lack.ciLow, lack.ciHigh)}${share}` : '';
    const short = weeks.max <= 0
      ? `end users in ${home}${noneShort ? ', defence buyers among them,' : ''} are short (demand unmet at the going price) in none of the ${countRuns(weeks.n)}${without}: higher prices ration what they buy instead`
      // The mean beside the median: the other regions' weeks that follow are means (user audit, session 35: 32 against their 27 and 46 read a median against means).
      : weeks.p50 > 0 ? `end users in ${home} are short for a median ${percentileWeeksText(weeks.p50)} (mean ${formatNumber(Math.round(weeks.mean))})${without}`
        : `end users in ${home} are short in ${Number.isFinite(result.runsShort) ? `${result.runsShort.toLocaleString('en-US')} of ${countRuns(weeks.n)}` : 'some runs'}${without}`;
    // One sentence per group of end users: joined by semicolons the line ran to 59 words (user audit, session 35).
    lines.push({ label: 'How short', text: sentences([short, defence, others]) });
  } else if (defence !== '' || others !== '') lines.push({ label: 'How short', text: sentences([defence, others]) });

  // When: the months their consumption moves (paired runs) and the weeks at least half the runs are short (all runs).
  const change = entry?.homeConsumption;
  const clearChange = change !== undefined && (change.ciLow > 0 || change.ciHigh < 0);
  const when: string[] = [];
  if (clearChange && entry?.monthlyConsumption !== undefined) {
    const timing = describeConsumptionTiming(entry.monthlyConsumption, change.mean < 0);
    if (timing !== undefined) when.push(describeTimingClause(timing, change.mean < 0).replace(/\)$/, `; ${pairedRuns})`));
  }
  const shortfall = fans?.get(seriesKey({ metric: 'shortfall', material: material.id, stage: 'endUse', region: context.home }));
  // Short above the threshold share of the demand at the start: the fans hold no demand series, and the span is read in the crisis months.
  const span = shortfall === undefined || !(weeks.max > 0) ? undefined : describeMedianShortSpan(shortfall, (SHORTFALL_THRESHOLD_SHARE * material.homeDemand) / 52);
  if (span !== undefined) when.push(`half the runs or more short ${describeSpan(span.from, span.to, span.everyWeekBetween)}`);
  if (when.length > 0) lines.push({ label: 'When', text: `${capitalise(when.join('; '))}.` });

  // What it takes: the change over the run, split at the end of the crisis window, and what it costs.
  const split = clearChange && entry?.monthlyConsumption !== undefined && entry.peakWindow !== undefined
    ? splitAtWindowEnd(entry.monthlyConsumption, entry.peakWindow) : undefined;
  const who = weeks.n > 0 && weeks.max > 0 ? 'they' : `end users in ${home}`;
  const over = context.period === undefined ? 'over the run' : `over ${context.period.firstYear}–${context.period.lastYear}`;
  const takes: string[] = [];
  if (change !== undefined && !(change.mean === 0 && change.ciLow === 0 && change.ciHigh === 0)) {
    if (!clearChange) takes.push(`the disruptions make no clear change to what ${who} receive (95% CI includes 0)`);
    else {
      const less = change.mean < 0;
      const share = change.meanWithout > 0 ? formatPercentChangeSize(change.mean / change.meanWithout) : '';
      const [low, high] = less ? [-change.ciHigh, -change.ciLow] : [change.ciLow, change.ciHigh];
      const shown = formatTonnesEstimate(Math.abs(change.mean), low, high);
      takes.push(`${who} receive ${shown.mean}${share === '' ? '' : ` (${share})`} ${less ? 'less' : 'more'} ${over} (95% CI ${tonnesRange(shown.low, shown.high)})` +
        (split === undefined ? '' : `: ${describeSplit(split, change.mean)}`));
    }
  }
  const cost = entry?.endUserCost;
  if (cost !== undefined && (cost.ciLow > 0 || cost.ciHigh < 0)) {
    // "At what cost": the money end users lose, not only the tonnes (stress's end-user loss, paired run by run).
    const gain = cost.ciLow < 0 && cost.ciHigh < 0;
    const shown = gain ? formatMoneyEstimate(-cost.mean, -cost.ciHigh, -cost.ciLow) : formatMoneyEstimate(cost.mean, cost.ciLow, cost.ciHigh);
    const range = `95% CI ${moneyRange(shown.low, shown.high)}`;
    // Its own sentence, after the tonnes' (user audit, session 35: the line ran to 55 words); "them" are the end users just named.
    const whose = takes.length > 0 ? 'them' : `end users in ${home}`;
    takes.push(cost.mean > 0
      ? `the cost to ${whose}: ${shown.mean} (${range}) in higher prices and consumption priced out`
      : `${takes.length > 0 ? 'they' : `end users in ${home}`} gain ${shown.mean} (${range}) at the prices and quantities the disruptions leave`);
  }
  if (takes.length > 0) lines.push({ label: 'What the disruptions take', basis: pairedRuns, text: sentences(takes) });

  // How sure: the spread over runs, and the assumption the later part of the loss rests on (audit 24, H4).
  const sure: string[] = [];
  // The spread over runs (Key results gives the 90% range too; two near-equal figures for one thing confused).
  if (Number.isFinite(result.weeksShortIn90) && result.weeksShortIn90 > 0) sure.push(`short for at least ${weeksText(result.weeksShortIn90)} in 90% of runs`);
  else if (weeks.n >= MIN_RUNS_FOR_RANGE && Math.round(weeks.p95) > 0) sure.push(`90% of runs are short for between ${formatWeeks(Math.max(0, Math.round(weeks.p5)))} and ${weeksText(Math.round(weeks.p95))}`);
  if (split !== undefined && change !== undefined && change.mean < 0 && split.after < 0 && split.hasAfter) {
    const later = formatTonnesEstimate(-split.after, NaN, NaN).mean;
    // A paired-run figure, marked as such: the box's note says unmarked figures are over all runs (review 24).
    sure.push(`the ${later} after ${describeWindowEnd(split)} (${pairedRuns}) rest on an uncalibrated assumption, end users’ slow undoing of thrift (docs/model.md, G26)`);
  }
  if (sure.length > 0) lines.push({ label: 'How sure', text: `${capitalise(sure.join('; '))}.` });

  // Prices: the quoted (refined) peak in the disruptions' window, then any other traded stage the events strike.
  const where = exact ? `outside ${regionWithArticle(context.foreignName)}` : `in the ${context.homeName} market`;
  const product = PRODUCT[material.priceStage] ?? material.priceStage;
  const prices: string[] = [];
  const caused = describeCausedPeak(material.id, impact, `the ${product} price ${where}`);
  const peak = result.peakOutside;
  if (caused !== '') prices.push(caused);
  else if (peak.n > 0 && Number.isFinite(peak.mean)) {
    // The run's highest price, whatever raised it (the baseline's own squeezes and price wars too): said as such, never
    // as the disruptions' (user audit, session 20: a scenario whose only event lay after the run "peaked at 2.14×").
    const shown = formatEstimate(peak.mean, peak.ciLow, peak.ciHigh);
    const ci = Number.isFinite(peak.ciLow) && Number.isFinite(peak.ciHigh) && shown.low !== shown.high ? ` (95% CI ${shown.low}× to ${shown.high}×)` : '';
    prices.push(`at its highest ${over}, the ${product} price ${where} reaches ${shown.mean}× its start on average${ci}, whatever the cause (${allRuns(peak.n)})`);
  }
  for (const other of result.otherStagePeaks) {
    // The stage's own product (magnets containing NdPr oxide), whose price end users of it face: the refined price hides it (audit 24, H1).
    const shown = formatEstimate(other.peak.mean, other.peak.ciLow, other.peak.ciHigh);
    const ci = Number.isFinite(other.peak.ciLow) && Number.isFinite(other.peak.ciHigh) && shown.low !== shown.high ? `, 95% CI ${shown.low}× to ${shown.high}×` : '';
    const goods = describeStageProduct(material.id, material.name, other.stage).replace(/ \(([^()]*)\)$/, '');
    prices.push(`${goods}, also struck: up to ${shown.mean}× ${where} (the run’s highest, whatever the cause${ci}; ${allRuns(other.peak.n)})`);
  }
  // The other stage's price in a sentence of its own (user audit, session 35: the line ran to 63 words).
  if (prices.length > 0) lines.push({ label: 'Prices', text: sentences(prices) });
  return lines;
}

/** A line's text starts with a capital; names stay as they are. */
function capitalise(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/** Clauses as sentences, each capitalised, empty ones left out: `A. B.`. */
function sentences(clauses: readonly string[]): string {
  const kept = clauses.filter((clause) => clause !== '');
  return kept.length === 0 ? '' : `${kept.map(capitalise).join('. ')}.`;
}

/** A share of demand, rounded as Key results rounds it (where it reads "about 14%"): `14%`, `less than 1%`. */
function shareInWords(share: number): string {
  const percent = formatPercent(share);
  return percent === '<1%' ? 'less than 1%' : percent;
}

/**
 * The run's paired change in what home end users receive, split at the end of the disruptions'
 * window (impact.json's: from the first announcement to a year after the last event's end): up to
 * it and after, with the later part's 95% CI (impact.json's `differenceToEnd`). splitGainByWindow
 * adds the year after the window's end itself, so it is given the window's end less one year.
 */
function splitAtWindowEnd(monthly: MonthlyConsumption, window: PeakWindow): GainSplit | undefined {
  const series: OverTimeSeriesData = {
    strategy: '', material: '', measure: 'consumption', stage: 'endUse', region: '', unit: 't/week', period: monthly.period, year: [], weeks: monthly.weeks,
    runs: [], median: [], p5: [], p95: [], meanDifference: monthly.mean, ciLow: monthly.ciLow, ciHigh: monthly.ciHigh, simultaneousCiLow: [], simultaneousCiHigh: [],
    differenceToEnd: monthly.differenceToEnd, differenceToEndCiLow: monthly.differenceToEndCiLow, differenceToEndCiHigh: monthly.differenceToEndCiHigh,
  };
  return splitGainByWindow(series, [{ start: window.fromYear, end: window.toYear - 1 }]);
}

/** The last month of the window's part: `Jun 2028` for a window that ends at the start of Jul 2028. */
function describeWindowEnd(split: GainSplit): string {
  return split.lastDuring === undefined ? formatScenarioDate(0, split.to) : formatScenarioDate(0, monthStart(split.lastDuring));
}

/**
 * Where the first part of the split ends, in words. The part runs from the start of the run, so it
 * includes any change in the months before the events start (their announcement): labelled "up to Jun
 * 2028 (the crisis and the year after)", its 6,310 t read as a different figure from the
 * month-by-month section's 6,290 t "from their start to a year after their end" (user audit, session
 * 35); "up to Jun 2028, a year after the events end" claims no start.
 */
const UNTIL_YEAR_AFTER = 'a year after the events end';

/**
 * The split in words: `6,310 t up to Jun 2028, a year after the events end, 9,160 t after
 * (95% CI 8,700 t to 9,610 t)` when both parts go the way of the total, as sizes; signed otherwise
 * (`−2,260 t up to …, +4,750 t after`), so that a part larger than the whole never reads as "of it".
 */
function describeSplit(split: GainSplit, total: number): string {
  const upTo = split.before + split.during;
  const end = describeWindowEnd(split);
  if (!split.hasAfter) return `all of it up to ${end}`;
  const sameWay = Math.sign(upTo) === Math.sign(total) && Math.sign(split.after) === Math.sign(total);
  const unit = chooseMassUnit([upTo, split.after]);
  if (sameWay) {
    const sign = Math.sign(total);
    const later = split.afterCi === undefined ? formatTonnesEstimate(sign * split.after, NaN, NaN, unit)
      : formatTonnesEstimate(sign * split.after, Math.min(sign * split.afterCi.low, sign * split.afterCi.high), Math.max(sign * split.afterCi.low, sign * split.afterCi.high), unit);
    const ci = split.afterCi === undefined ? '' : ` (95% CI ${tonnesRange(later.low, later.high)})`;
    return `${formatTonnesEstimate(sign * upTo, NaN, NaN, unit).mean} up to ${end}, ${UNTIL_YEAR_AFTER}, ${later.mean} after${ci}`;
  }
  const later = describeLater(split.after, split.afterCi, unit).replace(/ later/, ' after');
  return `a net change of ${formatDifference(upTo, 't', unit)} up to ${end}, ${UNTIL_YEAR_AFTER}, ${later}`;
}

/**
 * End users of the other regions (neither home nor foreign) who are short, from summary.json's
 * `shortfallWeeks.<material>.endUse.<region>`: `elsewhere, mean weeks short (95% CI): the allies 28
 * (27 to 28), the rest of the world 59 (58 to 59)`; ''
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
    const ci = Number.isFinite(weeks.ciLow) && Number.isFinite(weeks.ciHigh) && shown.low !== shown.high ? ` (${shown.low} to ${shown.high})` : '';
    // A short name: "Allies (Australia, Japan, EU, Canada)" reads as "the allies" in a sentence of figures.
    const name = (context.regionNames?.[region] ?? region).replace(/\s*\(.*\)\s*$/, '');
    return [`${regionWithArticle(name)} ${shown.mean}${ci}`];
  });
  return short.length === 0 ? '' : `elsewhere, mean weeks short (95% CI): ${short.join(', ')}`;
}

/**
 * The peak in the disruptions' window and what they change in it, paired run by run (impact.json's
 * `disruptionPeakPrice`): `the refined price outside China peaks at 2.21× its starting price from
 * Oct 2025 to Jun 2028 (the disruptions and the year after), against 1.28× without the disruptions: 1.72
 * times as high (higher by 0.929× its start, 95% CI …)`: the multiple of the level without them, and the paired
 * difference in units of the starting price as the levels are (not "+72%, a rise of 0.929×",
 * which read as a second multiple; user audit, session 32), or down for a disruption that
 * lowers it (a price war); when the CI includes 0, that the disruptions make no clear change to the
 * peak, with both levels; '' without the figure (the whole run's peak is said instead, as such).
 * Level and change are of the same months, so they cannot speak of different spikes.
 */
function describeCausedPeak(materialId: string, impact: ImpactReading | undefined, price: string): string {
  const entry = impact === undefined || impact.disruptiveEvents.length === 0 ? undefined : impact.byMaterial.get(materialId);
  const runs = impact === undefined ? '' : countRuns(impact.replicates, 'paired run');
  const change = entry?.disruptionPeakPrice;
  if (entry?.peakWindow === undefined || change === undefined || !Number.isFinite(change.mean)) return '';
  if (!(change.ciLow > 0 || change.ciHigh < 0)) {
    const shown = formatEstimate(change.mean, change.ciLow, change.ciHigh);
    const signed = (text: string) => (text.startsWith('−') || text === '0' ? text : `+${text}`);
    return `the disruptions make no clear change to ${price} at its peak from ${describePeakWindow(entry.peakWindow)}: ` +
      `${formatMultiple(change.meanWith)} its start with them, ${formatMultiple(change.meanWithout)} without (95% CI of the change ${signed(shown.low)}× to ${signed(shown.high)}×; ${runs})`;
  }
  const higher = change.mean > 0;
  const [low, high] = higher ? [change.ciLow, change.ciHigh] : [-change.ciHigh, -change.ciLow];
  const against = describePeakAgainstWithout(change);
  const shown = formatEstimate(Math.abs(change.mean), low, high);
  // "Higher by": a difference in units of the start price; "up 1.249× its start" read as a factor (user audit, session 35).
  const difference = `${higher ? 'higher' : 'lower'} by ${shown.mean}× its start`;
  const ci = `95% CI ${shown.low}× to ${shown.high}×; ${runs}`;
  return `${price} peaks at ${formatMultiple(change.meanWith)} its start from ${describePeakWindow(entry.peakWindow)}, ` +
    (against === '' ? `${difference} (${ci})` : `${against.replace(' in the same months without them', ' without the disruptions')} (${difference}, ${ci})`);
}

/**
 * Two money amounts as a range, the currency and scale said once when they share them:
 * `USD 5.32 to 6.02 billion`, not `USD 5.32 billion to USD 6.02 billion` (the answer box must fit a screen).
 */
function moneyRange(low: string, high: string): string {
  const parts = (text: string) => /^(USD )(\S+)( \w+illion)?$/.exec(text);
  const [a, b] = [parts(low), parts(high)];
  return a !== null && b !== null && a[3] === b[3] ? `${a[1]}${a[2]} to ${b[2]}${a[3] ?? ''}` : `${low} to ${high}`;
}

/** `13.1 t on average (95% CI 0 t to 39.4 t)`, in one unit, cut at zero. */
function tonnesWithCi(mean: number, ciLow: number, ciHigh: number): string {
  const [low, high] = [Math.max(0, ciLow), Math.max(0, ciHigh)];
  const shown = formatTonnesEstimate(mean, low, high);
  return `a mean ${shown.mean} (95% CI ${tonnesRange(shown.low, shown.high)})`;
}

/**
 * Two masses as a range, the unit said once when they share it: `1,020 to 1,200 t`, not
 * `1,020 t to 1,200 t` (the answer box must fit a screen, as moneyRange).
 */
function tonnesRange(low: string, high: string): string {
  const unit = (text: string) => / (t|kg|g)$/.exec(text)?.[0];
  const shared = unit(low);
  return shared !== undefined && shared === unit(high) ? `${low.slice(0, -shared.length)} to ${high}` : `${low} to ${high}`;
}
