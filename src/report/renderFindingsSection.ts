import { weeksText } from './describeMaterialResult.ts';
import { formatPercentChangeSize } from './formatPercentChange.ts';
import { formatMultiple } from './formatMultiple.ts';
import { formatEstimate } from './formatEstimate.ts';
import { formatTonnesEstimate } from './formatAmountEstimate.ts';
import { quantileInterval } from '../stats/quantileInterval.ts';
import type { MaterialResult } from './computeMaterialResults.ts';
import { computeHeadlineResults, PRODUCT } from './computeHeadlineResults.ts';
import type { ChartCollector } from './createChartCollector.ts';
import { countRuns } from './countRuns.ts';
import { createKeyResultsSpec, type PercentChange } from './createKeyResultsSpec.ts';
import type { RunContext } from './deriveRunContext.ts';
import { describeMaterialResult, inSentence, MIN_RUNS_FOR_RANGE } from './describeMaterialResult.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatPercent } from './formatPercent.ts';
import { describeDefenceShortage, measureDefenceShortage } from './describeDefenceShortage.ts';
import { formatRange } from './formatRange.ts';
import { formatWeeks } from './formatWeeks.ts';
import { describePeakAgainstWithout } from './describePeakAgainstWithout.ts';
import { describePeakWindow } from './describePeakWindow.ts';
import { formatPairedImpact } from './formatPairedImpact.ts';
import { formatSignedQuantity } from './formatQuantity.ts';
import type { ImpactReading, PairedImpact, PeakWindow } from './readImpactJson.ts';
import { SHORTFALL_THRESHOLD_SHARE } from '../../sim-core/index.ts';
import type { ReplicateValues } from './readReplicatesCsv.ts';
import type { SummaryMetrics } from './readSummaryJson.ts';
import type { ExceedanceReading } from './readExceedance.ts';
import { describeRisingAtEnd } from './describeRisingAtEnd.ts';
import { describeSevereShortage } from './describeSevereShortage.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { renderBaselineCaveat } from './renderBaselineCaveat.ts';
import { renderCosts } from './renderCosts.ts';
import { renderTable } from './renderTable.ts';
import { stageProductNoun } from './describeStageProduct.ts';


/**
 * "Key results": how to read the numbers, plain sentences with confidence intervals for the
 * materials the scenario's events touch (or, without events, the two with the longest home
 * shortages), costs, a dot-and-range chart and a table of every material.
 *
 * @param context - Regions and materials of the run.
 * @param summary - `summary.json`.
 * @param replicates - `replicates.csv`, if present (exact "in 90% of runs" statements).
 * @param charts - Collects the key-results chart.
 * @param impact - `impact.json`, if present: what the scenario's disruptions cause, per headline material.
 * @param exceedance - `summary.json`'s exceedance rows (the chance of a severe, lasting shortage per material).
 * @param stockpileNotes - Sentences on stockpiles: those that released little during a shortage (describeStockpileRelease), those that had sold most of their stock before it (describeStockpileSoldBeforeShortage), those that released a good part of it while short (describeStockpileReleasedWhileShort) and what the others did while the disruptions were in force (describeStockpileUse), shown after the costs.
 * @param horizonWeeks - The run's length in weeks (the note on prices still rising at the end; NaN: none).
 * @returns The section's HTML.
 * @example
 * html += await renderFindingsSection(context, summary, replicates, charts);
 */
export async function renderFindingsSection(
  context: RunContext,
  summary: SummaryMetrics,
  replicates: ReplicateValues | undefined,
  charts: ChartCollector,
  impact?: ImpactReading,
  exceedance: readonly ExceedanceReading[] = [],
  stockpileNotes: readonly string[] = [],
  horizonWeeks = NaN,
): Promise<string> {
  const { results, headline, chosen, runs } = computeHeadlineResults(context, summary, replicates);
  const homeName = regionWithArticle(context.homeName);
  let html = renderHowToRead(runs, replicates !== undefined);
  for (const { material, result } of chosen) {
    const sentences = describeMaterialResult(result, {
      materialName: material.name, homeName, foreignName: regionWithArticle(context.foreignName), product: PRODUCT[material.priceStage] ?? material.priceStage,
      homeDemandTonnesPerYear: material.homeDemand, peakIsHomeSegment: replicates === undefined, materialId: material.id,
    });
    const severe = describeSevereShortage(exceedance, material.id, context.home, homeName, inSentence(material.name));
    if (severe !== undefined) sentences.splice(1, 0, severe);
    const defence = measureDefenceShortage(material.id, context.home, summary, replicates);
    if (defence !== undefined) sentences.push(`${describeDefenceShortage(defence, `Defence buyers (public end users) in ${homeName}`)}; a week counts as short when more than ${formatPercent(SHORTFALL_THRESHOLD_SHARE)} of their demand goes unmet.`);
    const caused = impact === undefined ? undefined : describeCausedChange(material.id, material.name, impact);
    if (caused !== undefined) sentences.push(caused);
    html += `<div class="callout"><h3>${escapeHtml(material.name)}</h3><ul>${sentences.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></div>\n`;
  }
  html += renderCosts(context, summary);
  if (stockpileNotes.length > 0) html += `<div class="callout"><h3>Stockpiles</h3><ul>${stockpileNotes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></div>\n`;
  html += renderBaselineCaveat(context, results, impact);
  html += await charts.add('key-results', createKeyResultsSpec(
    results.map(({ material, result }) => ({
      material: headline.length > 0 && !material.hasEvents ? `${material.name} (no event)` : material.name,
      weeksShort: result.weeksShort, peakMultiple: result.peakOutside, consumptionChange: consumptionPercent(impact, material.id),
      quotedProduct: stageProductNoun(material.id, material.priceStage),
      otherPeaks: result.otherStagePeaks.map(({ stage, peak }) => ({ product: stageProductNoun(material.id, stage), peak })),
    })),
    `Weeks short: end users in ${context.home}`, replicates === undefined ? `Peak price in the ${context.home} market` : `Peak price outside ${context.foreignName}`,
    runs >= MIN_RUNS_FOR_RANGE, `${context.home} consumption: change the disruptions cause`,
  ), {
    title: 'Key results by material',
    description: `For each material, the weeks end users in ${context.homeName} are short and the peak price multiple, as median and ranges over ${countRuns(runs)}` +
      (impact === undefined ? '.' : `, and the change in their consumption that the disruptions cause (${countRuns(impact.replicates, 'paired run')}).`),
    caption: `Each row is a material. Prices are those of refined material whenever the scenario's events touch refining, else of the product they touch, as a multiple of the starting price` +
      (results.some(({ result }) => result.otherStagePeaks.length > 0) ? '; where the events also strike another traded product (magnets under a magnet quota), its peak is drawn under the row as a hollow diamond with a lighter range, both labelled with their product.' : '.') +
      (impact === undefined ? '' : ` The consumption panel is a paired change (the first ${countRuns(impact.replicates)} against the same runs without the disruptive events), as a share of consumption without them: its dot is a mean and its line a 95% CI, not a spread of runs.`) +
      (headline.length > 0 ? ' Materials marked “(no event)” are touched by no scripted event: their stress is mostly the baseline’s (see the note above for what the disruptions add).' : ''),
  });
  html += renderResultsTable(context, results, runs, impact);
  const rising = describeRisingAtEnd(context.materials, context.home, replicates, horizonWeeks);
  if (rising !== '') html += `<p class="note">${escapeHtml(rising)}</p>\n`;
  return html;
}

function renderHowToRead(runs: number, exact: boolean): string {
  return `<p class="note"><strong>How to read these numbers.</strong> The scenario was played out ${runs === 1 ? 'once' : `${runs} times`}; each run draws ` +
    'the uncertain parameters afresh. “In 90% of runs” counts runs' + (exact ? '' : ' (approximately: replicates.csv was missing)') + '. ' +
    '“90% of runs between a and b” is the spread of outcomes. “95% CI” is the confidence interval of the mean: the range in which ' +
    'the average over many more runs would lie with 95% confidence; it narrows with more runs, the spread does not. ' +
    `A week counts as short when end users go without more than ${formatPercent(SHORTFALL_THRESHOLD_SHARE)} of their demand that week; smaller gaps still add to the unmet demand (t) and show in the shortfall charts. ` +
    'Demand is what end users still want at the going price: when prices rise they buy less and thrift (make the same goods with less material), ' +
    'so a disruption can cut what they receive (their consumption) without leaving demand unmet; the consumption figures measure that drop, thrift included. ' +
    // G35's two phases (stock held back after a spike, production stopped during it) are fixed (sessions 34, 35); G32 is the way prices still fail to ration.
    'Prices do not always ration first: a region that imports pays its trading pool’s price, so when exports to it alone are cut its end users can go short while that price barely moves (docs/model.md, known gap G32). ' +
    'Intervals of quantities that cannot be negative are cut at zero. These are outcomes of a model under its stated assumptions, not forecasts.' +
    describeTailPrecision(runs) +
    (runs > 0 && runs < 20 ? ` <strong>With only ${countRuns(runs)}, the tails (5% and 95%) are rough.</strong>` : '') + '</p>\n';
}

/**
 * How precisely the runs fix the ends of a "90% of runs" range: the ranks between which the 5th
 * percentile of the model's outcomes lies with 95% confidence (quantileInterval on ranks 1…n;
 * summary.json gives the values as p5CiLow/p5CiHigh), and how a mean's CI narrows with more runs.
 */
function describeTailPrecision(runs: number): string {
  if (runs < 2) return '';
  const { low, high } = quantileInterval(Float64Array.from({ length: runs }, (_, i) => i + 1), 0.05);
  const ordinal = (k: number): string => `${k}${k % 100 >= 11 && k % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][k % 10] ?? 'th'}`;
  const where = Number.isNaN(high) ? 'cannot be bounded with so few runs'
    : Number.isNaN(low) ? `lies, with 95% confidence, below the ${ordinal(high)} lowest of these runs, and nothing bounds it from below until 72 runs`
      : `lies, with 95% confidence, between the ${ordinal(low)} and the ${ordinal(high)} lowest of these runs`;
  return ` The ends of a “90% of runs” range are estimates too: the model’s 5th percentile ${where} (the 95th likewise from the top; summary.json has these bounds as p5CiLow, p5CiHigh, p95CiLow, p95CiHigh). A mean’s 95% CI halves with four times the runs.`;
}


function renderResultsTable(context: RunContext, results: Array<{ material: RunContext['materials'][number]; result: MaterialResult }>, runs: number, impact: ImpactReading | undefined): string {
  const ranges = runs >= MIN_RUNS_FOR_RANGE;
  const consumption = impact !== undefined && impact.disruptiveEvents.length > 0 && results.some(({ material }) => impact.byMaterial.get(material.id)?.homeConsumption !== undefined);
  const consumptionChange = (id: string): string => {
    const change = impact?.byMaterial.get(id)?.homeConsumption;
    if (change === undefined) return 'n/a';
    if (change.mean === 0 && change.ciLow === 0 && change.ciHigh === 0) return 'no change in any run';
    if (!(change.ciLow > 0 || change.ciHigh < 0)) return 'no clear change';
    const share = shareOfWithout(change);
    return `${formatSignedQuantity(change.mean, 't')}${share === '' ? '' : ` (${share} ${change.mean < 0 ? 'less' : 'more'})`}`;
  };
  const rows = results.map(({ material, result: r }) => [
    material.name,
    describeWeeksCell(r, ranges),
    r.lackingTonnes.n > 0 && r.lackingTonnes.max === 0 ? '0 in every run' : r.lackingTonnes.n > 0 ? formatMeanAndCi(r.lackingTonnes) : 'n/a',
    describePeakCell(material.id, material.priceStage, r),
    formatPercent(r.secureShareProcessing.mean),
    ...(consumption ? [consumptionChange(material.id)] : []),
  ]);
  return renderTable([
    { header: 'Material' },
    { header: `Weeks short in ${context.home}: median ${ranges ? '(90% of runs)' : `(from ${countRuns(runs)})`}`, numeric: true },
    { header: `Unmet demand in ${context.home}: mean (95% CI)`, numeric: true },
    { header: `Peak price outside ${context.foreign}: mean (95% CI)`, numeric: true },
    { header: `Home and allied processing capacity at the end, % of ${context.home} demand alone (the allies' own demand not counted): mean`, numeric: true },
    ...(consumption ? [{ header: `Consumption in ${context.home} over the run, change caused by the disruptions (first ${countRuns(impact?.replicates ?? 0)}, paired): mean`, numeric: true }] : []),
  ], rows, { caption: `All materials. Weeks short and unmet demand are those of end users; a week counts as short when more than ${formatPercent(SHORTFALL_THRESHOLD_SHARE)} of demand goes unmet. The peak price is the largest over market segments outside the foreign actor’s region, as a multiple of the starting price, of the quoted product; where a material’s events strike another traded stage too, that stage’s peak follows, named (magnets for NdPr oxide).` +
    (consumption ? ` The change in consumption (what end users received) is paired run by run against the same runs without the scenario's disruptive events, with its share of consumption without them; “no clear change” when its 95% CI includes 0 (every CI is in impact.json).` : '') });
}

/**
 * The weeks-short cell: median and 90% range of a count, its ends rounded to whole weeks (an
 * interpolated 95th percentile of 0.15 weeks means one or two runs short, not a fraction of a week);
 * when that range rounds to 0 although some runs were short, how many and the worst.
 */
function describeWeeksCell(r: MaterialResult, ranges: boolean): string {
  const weeks = r.weeksShort;
  if (weeks.n === 0) return 'n/a';
  if (weeks.max <= 0) return `0 in every run`;
  const median = formatWeeks(Math.round(weeks.p50)); // whole weeks, as its ends: runs count whole weeks, the median of an even count interpolates
  const [low, high] = [Math.round(weeks.p5), Math.round(weeks.p95)];
  const few = high === 0 && Number.isFinite(r.runsShort) && r.runsShort > 0 ? `short in ${r.runsShort} of ${countRuns(weeks.n)}, at most ${weeksText(weeks.max)}` : '';
  if (few !== '') return `${median} (${few})`;
  return ranges ? `${median} (${formatRange(low, high, 0)})` : median;
}

/**
 * The peak-price cell: the quoted product's peak, and, where the material's events strike another
 * traded stage, each such stage's peak named by its product (`refined 2.29× (2.28–2.30); magnets
 * 4.69× (4.61–4.77)`: the damage of a magnet quota shows in the magnet price, audit 24, H1).
 */
function describePeakCell(materialId: string, priceStage: string, r: MaterialResult): string {
  const quoted = r.peakOutside.n > 0 ? formatPeakCell(r.peakOutside) : 'n/a';
  if (r.otherStagePeaks.length === 0) return quoted;
  const others = r.otherStagePeaks.map(({ stage, peak }) => `${stageProductNoun(materialId, stage)} ${formatPeakCell(peak)}`);
  return [`${stageProductNoun(materialId, priceStage)} ${quoted}`, ...others].join('; ');
}

/** `2.21× (2.18–2.23)`: the mean and its CI rounded alike (formatEstimate); `n/a` for the CI of one run. */
function formatPeakCell(peak: { mean: number; ciLow: number; ciHigh: number }): string {
  if (!Number.isFinite(peak.ciLow) || !Number.isFinite(peak.ciHigh)) return `${formatMultiple(peak.mean)} (n/a)`;
  const shown = formatEstimate(peak.mean, Math.max(0, peak.ciLow), Math.max(0, peak.ciHigh));
  return `${shown.mean}× (${shown.low}–${shown.high})`;
}

/** A mean of tonnes and its CI (cut at 0) in one unit, rounded alike: `0.750 t (0.480 t to 1.020 t)`, never `750 kg (480 kg to 1.02 t)`. */
function formatMeanAndCi(tonnes: { mean: number; ciLow: number; ciHigh: number }): string {
  const shown = formatTonnesEstimate(tonnes.mean, Math.max(0, tonnes.ciLow), Math.max(0, tonnes.ciHigh));
  return `${shown.mean} (${shown.low} to ${shown.high})`;
}

/**
 * A paired change of end users' consumption, with its share of what they receive without the
 * disruptions: under price rationing this, not unmet demand, is how much a disruption takes away.
 */
function describeConsumptionChange(change: PairedImpact): string {
  const text = formatPairedImpact(change, 't');
  const share = shareOfWithout(change);
  return share === '' ? text : `${text}, ${share} ${change.mean < 0 ? 'less' : 'more'} than without them`;
}

/** The paired change in home end users' consumption caused by the disruptions, % of consumption without them (impact.json). */
function consumptionPercent(impact: ImpactReading | undefined, materialId: string): PercentChange | undefined {
  const change = impact?.byMaterial.get(materialId)?.homeConsumption;
  if (change === undefined || !(change.meanWithout > 0) || impact === undefined || impact.disruptiveEvents.length === 0) return undefined;
  const percent = (x: number): number => (100 * x) / change.meanWithout;
  return { mean: percent(change.mean), low: percent(change.ciLow), high: percent(change.ciHigh) };
}

/** A paired change as a share of the value without the disruptions, as the key results chart labels it: `9.6%`, `14%`, `under 0.1%`; '' without a change or a base. */
function shareOfWithout(change: PairedImpact): string {
  if (change.mean === 0 || !(change.meanWithout > 0)) return '';
  return formatPercentChangeSize(change.mean / change.meanWithout);
}

/**
 * The peak price's change: in the disruption window (the disruptions and the year after) when
 * impact.json has it, else over the whole run (older files), where a later spike of the run's own
 * can mask the disruption's.
 */
function describeCausedPeak(windowed: PairedImpact | undefined, window: PeakWindow | undefined, wholeRun: PairedImpact | undefined): string {
  // The levels first: a difference in units of the starting price alone reads as a percentage.
  const levels = (peak: PairedImpact): string => {
    const against = describePeakAgainstWithout(peak);
    return against === '' ? '' : `${formatMultiple(peak.meanWith)} the starting price ${against}; difference `;
  };
  if (windowed !== undefined && window !== undefined) return `peak price from ${describePeakWindow(window)} (the disruptions and the year after): ${levels(windowed)}${formatPairedImpact(windowed, 'x base')}`;
  return wholeRun === undefined ? '' : `peak price: ${levels(wholeRun)}${formatPairedImpact(wholeRun, 'x base')}`;
}

/** What every disruptive event together causes for one material, from impact.json; undefined without figures. */
function describeCausedChange(materialId: string, name: string, impact: ImpactReading): string | undefined {
  const m = impact.byMaterial.get(materialId);
  if (m === undefined || impact.disruptiveEvents.length === 0) return undefined;
  const parts = [
    describeCausedPeak(m.disruptionPeakPrice, m.peakWindow, m.peakPriceMultiple),
    m.homeShortfall === undefined ? '' : `unmet demand: ${formatPairedImpact(m.homeShortfall, 't')}`,
    m.homeConsumption === undefined ? '' : `end users' consumption over the run: ${describeConsumptionChange(m.homeConsumption)}`,
    m.weeksShort === undefined ? '' : `weeks short: ${formatPairedImpact(m.weeksShort, 'weeks')}`,
    m.endUserCost === undefined ? '' : `cost to end users (more paid for what they still buy, and the consumption priced out at prices without the disruptions): ${formatPairedImpact(m.endUserCost, 'USD')}`,
  ].filter((p) => p !== '');
  const runs = impact.replicates < impact.runReplicates ? `the first ${countRuns(impact.replicates)}` : `the same ${countRuns(impact.replicates)}`;
  return `What the scenario's disruptions cause for ${inSentence(name)} (${runs} replayed without its ${impact.disruptiveEvents.length === 1 ? 'disruptive event' : `${impact.disruptiveEvents.length} disruptive events`}, paired run by run): ${parts.join('; ')}.`;
}
