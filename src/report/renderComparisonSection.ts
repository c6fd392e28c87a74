import type { ChartCollector } from './createChartCollector.ts';
import { countRuns } from './countRuns.ts';
import { differenceSign, formatDifferenceWithCi, formatLevelValue, isRoundingNoise, massUnits, NEGLIGIBLE_SHARE, rankMetrics, isNegligible } from './comparisonFigures.ts';
import { ALTERNATIVE_LABEL_FONT, ALTERNATIVE_LABEL_WIDTH, createComparisonSpec } from './createComparisonSpec.ts';
import { describeCostEffectiveness } from './describeCostEffectiveness.ts';
import { describeStockHeldFromStart } from './describeStockHeldFromStart.ts';
import { describeMetricId } from './describeMetricId.ts';
import { describeStageProduct } from './describeStageProduct.ts';
import { describePairedShare, isSpendingMetric } from './describePairedShare.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatQuantity } from './formatQuantity.ts';
import { pickHeadlineMetrics } from './pickHeadlineMetrics.ts';
import type { Comparison, ComparisonEntry } from './readComparisonJson.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';
import { renderStrategiesAtGlance, type StrategyScenario } from './renderStrategiesAtGlance.ts';
import { renderReversalSplit } from './renderReversalSplit.ts';
import { renderTable } from './renderTable.ts';
import { wrapLabels } from './wrapLabels.ts';
import { countOf } from '../text/countOf.ts';
import { FEW_RUNS_SHARE, type Concentration } from '../stats/measureConcentration.ts';
import { describeConcentration } from './describeConcentration.ts';
import type { ConcentrationOf } from './readConcentrations.ts';

/** The share of runs `measureConcentration` calls few, as the reader sees it. */
const FEW_RUNS_PERCENT = Math.round(FEW_RUNS_SHARE * 100);

/** Metrics drawn when the folder names no headline metric, and other metrics listed. */
const MAX_CHART_METRICS = 8;
const MAX_TABLE_METRICS = 30;

/** The compared strategies with their resolved scenarios. */
export interface ComparedStrategies {
  reference: StrategyScenario;
  alternatives: StrategyScenario[];
}

/**
 * "Strategies compared": per alternative (with its description) the home region's headline
 * metrics for every targeted material (weeks short, unmet demand, peak price) and the policy
 * cost, as reference | alternative | difference (95% CI) | how the paired runs split; a forest
 * plot of those differences; under an alternative with reversible policies, its headline effects
 * split by whether an election reversed them (`renderReversalSplit`); what each strategy is (description, its own events, sources); and
 * the other metrics that differ most clearly. Differences are alternative − reference, signed.
 * With `concentrationOf`, a difference whose CI excludes 0 but half or more of which comes from a
 * few runs (`measureConcentration`) is not listed as clearly better or worse but apart, with its
 * figure and how many runs carry it, and the tables' paired-runs text says so (audit finding M2).
 *
 * @param original - From `readComparisonJson`.
 * @param strategies - Reference and alternatives with their scenarios.
 * @param materialName - Maps material ids to names.
 * @param charts - Collects the comparison chart.
 * @param concentrationOf - Per entry (stated alternative − reference), whether its mean rests on a few runs (`readConcentrations`); without it, or where it gives undefined, a CI that excludes 0 is clear.
 * @returns The section's HTML.
 * @example
 * html += await renderComparisonSection(comparison, strategies, (id) => id, charts, await readConcentrations(dir, strategies));
 */
export async function renderComparisonSection(original: Comparison, strategies: ComparedStrategies, materialName: (id: string) => string, charts: ChartCollector, concentrationOf?: ConcentrationOf): Promise<string> {
  const sign = differenceSign(original.entries);
  const comparison = sign === 1 ? original : {
    ...original,
    entries: original.entries.map((e) => ({ ...e, meanDifference: -e.meanDifference, ciLow: -e.ciHigh, ciHigh: -e.ciLow })),
  };
  const refName = comparison.reference === '' ? 'the reference' : comparison.reference;
  const runs = Math.max(0, ...comparison.entries.map((e) => (Number.isFinite(e.n) ? e.n : 0)));
  let html = `<p>${countOf(comparison.alternatives.length, 'alternative')} against the reference (${escapeHtml(refName)}), ` +
    `paired run by run (the same random draws in both, so the difference is the strategy's effect), ${countRuns(runs, 'pair')}. ` +
    `Differences are alternative − reference${sign === 1 ? '' : ' (comparison.json states them the other way round)'}; “paired runs” says in how many pairs the alternative did better, worse or the same. ` +
    'Policy cost is money spent, not an outcome: it is reported as costing more or less, not as better or worse. ' +
    '“Clearly” means the difference’s 95% CI excludes 0, for each metric on its own: a report of many metrics will call about 1 in 20 of those a strategy leaves unchanged clear by chance.' +
    (concentrationOf === undefined ? '' : ` A difference whose CI excludes 0 but half or more of which comes from ${FEW_RUNS_PERCENT}% of the paired runs or fewer (or 2) is not called clear: it is said to come from a few runs, with how many.`) + '</p>\n';
  const available = new Set(comparison.entries.map((e) => e.metric));
  const otherEvents = strategies.alternatives.flatMap((a) => a.overview?.events ?? []);
  const entryOf = (alternative: string, metric: string): ComparisonEntry | undefined => comparison.entries.find((e) => e.metric === metric && e.alternative === alternative);
  // The forest plot shows every alternative's headline. Each alternative's table has its own rows (its events beside
  // the reference's) and the other alternatives' too, so the tables line up with the chart (audit 24, M8: the oxide
  // stockpile's table lacked the magnet price its chart showed); another's row this alternative leaves the same in
  // every run (a tariff's duties under a stockpile) is left out, as the chart leaves out a metric no one changes.
  const headline = pickHeadlineMetrics(strategies.reference.overview, available, otherEvents, { policyStages: true }).map((m) => m.id);
  const headlineOf = (alternative: string): string[] => {
    const events = strategies.alternatives.find((a) => a.label === alternative)?.overview?.events;
    const own = new Set(events === undefined ? headline : pickHeadlineMetrics(strategies.reference.overview, available, events, { policyStages: true }).map((m) => m.id));
    const unchanged = (metric: string): boolean => {
      const e = entryOf(alternative, metric);
      return e === undefined || (e.meanDifference === 0 && e.ciLow === 0 && e.ciHigh === 0);
    };
    return [...headline.filter((m) => own.has(m) || !unchanged(m)), ...[...own].filter((m) => !headline.includes(m))];
  };
  const overview = strategies.reference.overview;
  const home = overview?.homeRegion ?? '';
  const homeName = overview?.regions.find((r) => r.id === home)?.name ?? home;
  const units = massUnits(comparison.entries);
  // Only where the CI excludes 0: there the reader would take the difference as clear.
  const fewRuns = (e: ComparisonEntry): Concentration | undefined => {
    const c = e.ciLow > 0 || e.ciHigh < 0 ? concentrationOf?.(e) : undefined;
    return c?.concentrated === true ? c : undefined;
  };
  for (const alternative of comparison.alternatives) {
    const rows = headlineOf(alternative).map((m) => entryOf(alternative, m)).filter((e): e is ComparisonEntry => e !== undefined);
    const alternativeOverview = strategies.alternatives.find((a) => a.label === alternative)?.overview;
    const description = alternativeOverview?.description ?? '';
    html += `<div class="callout"><h3>${escapeHtml(alternative)} against ${escapeHtml(refName)}</h3>\n` +
      `${description === '' ? '' : `<p><em>${escapeHtml(description)}</em> (details under “The strategies at a glance” below)</p>\n`}${verdict(rows, materialName, { entryOf: (metric) => entryOf(alternative, metric), home }, units, fewRuns)}` +
      describeCostEffectiveness(comparison.costEffectiveness.get(alternative), [...new Set(rows.map((e) => e.metric.split('.')[1]))], materialName, homeName, costScope(strategies, alternative, entryOf, home)) +
      freeStockNote(alternativeOverview, overview, materialName) +
      renderTable([{ header: 'Metric' }, { header: refName, numeric: true }, { header: alternative, numeric: true }, { header: 'Difference (95% CI)', numeric: true }, { header: 'Paired runs' }],
        rows.map((e) => [headlineName(e.metric, materialName), ...[e.meanA, e.meanB].map((v) => formatLevelValue(v, e.unit, units.get(e.metric))), formatDifferenceWithCi(e, units.get(e.metric)), describePairedRuns(e, fewRuns)]),
        { caption: `${homeName === '' ? 'The home region' : homeName}, for each material a compared scenario's events target: mean over the runs of each strategy, and the mean paired difference (alternative − reference).`, className: 'headline' }) +
      // The split is B − A as crm-sim writes it; a foreign file stated the other way round is not split.
      renderReversalSplit(sign === 1 ? comparison.reversalSplit?.get(alternative) : undefined, { rows, metricName: (m) => headlineName(m, materialName), massUnits: units, overview: alternativeOverview }) + '</div>\n';
  }
  const ranked = rankMetrics(comparison.entries);
  const shown = headline.length > 0 ? headline : ranked.slice(0, MAX_CHART_METRICS);
  html += await renderForestPlot(comparison, shown, materialName, charts, headline.length > 0);
  html += `<h3>The strategies at a glance</h3>\n${renderStrategiesAtGlance(strategies.reference, strategies.alternatives, materialName)}`;
  const others = ranked.filter((m) => !headline.includes(m)).slice(0, MAX_TABLE_METRICS);
  return html + (others.length === 0 ? '' : `<h3>Other metrics that differ most clearly</h3>\n${renderComparisonTable(comparison, others, materialName, fewRuns)}`);
}

/** A note when the alternative's stockpiles hold more from the start than the reference's, which no cost counts; '' otherwise. */
function freeStockNote(alternative: ScenarioOverview | undefined, reference: ScenarioOverview | undefined, materialName: (id: string) => string): string {
  const sentence = alternative === undefined ? '' : describeStockHeldFromStart(alternative, reference, materialName);
  return sentence === '' ? '' : `<p class="note">${escapeHtml(sentence)}</p>\n`;
}

async function renderForestPlot(comparison: Comparison, candidates: readonly string[], materialName: (id: string) => string, charts: ChartCollector, isHeadline: boolean): Promise<string> {
  // A metric every strategy leaves unchanged in every run is a panel with a dot at 0: named in the caption instead.
  const unchanged = (metric: string): boolean => comparison.entries.filter((e) => e.metric === metric).every((e) => e.meanDifference === 0 && e.ciLow === 0 && e.ciHigh === 0);
  const shown = candidates.filter((metric) => !unchanged(metric));
  const left = candidates.filter(unchanged);
  const leftOut = left.length === 0 ? '' : ` Left out, the same in every run for every strategy: ${escapeHtml(left.map((m) => describeMetricId(m, materialName)).join('; '))}.`;
  if (shown.length === 0) return left.length === 0 ? '' : `<p class="note">No chart of paired differences: every headline metric is the same in every run for every strategy (${escapeHtml(left.map((m) => describeMetricId(m, materialName)).join('; '))}).</p>\n`;
  const short = wrapLabels(comparison.alternatives, ALTERNATIVE_LABEL_WIDTH, ALTERNATIVE_LABEL_FONT);
  const shortOf = new Map(comparison.alternatives.map((a, i) => [a, short[i]]));
  return charts.add('comparison', createComparisonSpec(shown.map((metric) => {
    const entries = comparison.entries.filter((e) => e.metric === metric);
    const unit = entries.find((e) => e.unit !== '')?.unit ?? '';
    const better = entries.find((e) => e.direction !== '')?.direction;
    const judged = better !== undefined && !isSpendingMetric(metric);
    return {
      title: isHeadline ? headlineName(metric, materialName) : describeMetricId(metric, materialName),
      axisTitle: `difference${unit ? `, ${unit}` : ''}${judged ? ` (${better} is better)` : ''}`,
      rows: entries.map((e) => ({ alternative: shortOf.get(e.alternative) ?? e.alternative, difference: e.meanDifference, ciLow: e.ciLow, ciHigh: e.ciHigh, label: describePairedShare(e, true) })),
    };
  }), short, 'dot: mean paired difference (alternative − reference) · line: 95% CI · dashed: no difference'), {
    title: 'Paired differences of the alternatives',
    description: `Mean paired differences with 95% confidence intervals for ${countRuns(shown.length, 'metric')} and ${countRuns(comparison.alternatives.length, 'alternative')}.`,
    caption: (isHeadline ? 'The home region’s headline metrics. All metrics are in comparison.json.' : `The ${shown.length} metrics with the clearest differences. All metrics are in comparison.json.`) +
      leftOut + describeShortenedLabels(comparison.alternatives, short),
  });
}

/** ` Shortened labels: “a1-…-components” is a1-mitig-drc-cobalt-stockpile90-components; …` for the labels the chart shortens, else ''. */
function describeShortenedLabels(full: readonly string[], short: readonly string[]): string {
  // A label only broken onto two lines is whole: named here only when words were cut.
  const pairs = full.map((f, i) => [short[i].replace('\n', ' '), f]).filter(([s, f]) => s !== f);
  if (pairs.length === 0) return '';
  return ` Shortened labels: ${pairs.map(([s, f]) => `“${escapeHtml(s)}” is ${escapeHtml(f)}`).join('; ')}.`;
}

/**
 * What decides which materials an alternative is priced by: the materials its own events (ids the
 * reference lacks) name, as `crm-sim compare` finds them, and the reference's consumption of each;
 * undefined when a resolved scenario is missing (every headline material is then priced).
 */
function costScope(strategies: ComparedStrategies, alternative: string, entryOf: (alternative: string, metric: string) => ComparisonEntry | undefined, home: string): { named: string[]; consumption: (material: string) => number } | undefined {
  const overview = strategies.alternatives.find((a) => a.label === alternative)?.overview;
  if (overview === undefined || strategies.reference.overview === undefined) return undefined;
  const referenceIds = new Set(strategies.reference.overview.events.map((e) => e.id));
  return {
    named: [...new Set(overview.events.filter((e) => !referenceIds.has(e.id)).flatMap((e) => (typeof e.fields.material === 'string' ? [e.fields.material] : [])))],
    consumption: (material) => entryOf(alternative, `cumulativeConsumption.${material}.endUse.${home}`)?.meanA ?? NaN,
  };
}

/** The paired-runs text (`describePairedShare`), with how few runs carry the difference where a few do. */
function describePairedRuns(e: ComparisonEntry, fewRuns: (e: ComparisonEntry) => Concentration | undefined): string {
  const share = describePairedShare(e);
  const c = fewRuns(e);
  return c === undefined ? share : `${share}${share === '' ? '' : '; '}${describeConcentration(c, 'the difference')}`;
}

/**
 * One line per direction: what is clearly better, clearly worse, better or worse from a few runs
 * (`fewRuns`: the CI excludes 0, the mean rests on a few runs), what it costs, what is not clearly different.
 */
function verdict(rows: readonly ComparisonEntry[], materialName: (id: string) => string, parts: SharePartsLookup, units: ReturnType<typeof massUnits>, fewRuns: (e: ComparisonEntry) => Concentration | undefined): string {
  const clear = (e: ComparisonEntry): boolean => (e.ciLow > 0 || e.ciHigh < 0) && !isRoundingNoise(e);
  // Clear, but under 0.1% of the reference's level: said apart, not as better or worse.
  const negligible = (e: ComparisonEntry): boolean => clear(e) && isNegligible(e.meanDifference, e.ciLow, e.ciHigh, e.meanA);
  const name = (e: ComparisonEntry): string => headlineName(e.metric, materialName);
  const judged = rows.filter((e) => !isSpendingMetric(e.metric) && e.direction !== '');
  const small = judged.filter(negligible);
  const better = judged.filter((e) => clear(e) && !negligible(e) && (e.direction === 'lower') === (e.meanDifference < 0));
  const clearlyWorse = judged.filter((e) => clear(e) && !negligible(e) && !better.includes(e));
  // A capacity-per-demand share that falls only because end users' demand rose is not "worse": it gets its own
  // line (user audit, session 20), but only where capacity itself is not clearly lower (audit 24, H3).
  const demandLed = demandLedShareFalls(better, clearlyWorse, parts);
  const worse = clearlyWorse.filter((e) => !demandLed.includes(e));
  const unclear = judged.filter((e) => !clear(e));
  const costs = rows.filter((e) => isSpendingMetric(e.metric) && e.meanDifference !== 0)
    .map((e) => `${name(e)}: ${e.meanDifference > 0 ? 'costs' : 'saves'} ${formatQuantity(Math.abs(e.meanDifference), e.unit)} ${e.meanDifference > 0 ? 'more' : ''}`.trim());
  // A mean a few runs carry is said with its figure and those runs, not as clearly better or worse (audit finding M2).
  const clearlyBetter = better.filter((e) => fewRuns(e) === undefined);
  const clearlyWorseShown = worse.filter((e) => fewRuns(e) === undefined);
  const fromFew = (list: readonly ComparisonEntry[]): string => list.filter((e) => fewRuns(e) !== undefined)
    .map((e) => `${name(e)} (${formatDifferenceWithCi(e, units.get(e.metric))}, ${describeConcentration(fewRuns(e) as Concentration)})`).join('; ');
  const fewBetter = fromFew(better);
  const fewWorse = fromFew(worse);
  const fewMeaning = `(the 95% CI excludes 0, but half or more of the difference comes from ${FEW_RUNS_PERCENT}% of the runs or fewer)`;
  const items = [
    clearlyBetter.length > 0 ? `<strong>Clearly better</strong> (the 95% CI of the difference excludes 0): ${escapeHtml(clearlyBetter.map(name).join('; '))}.` : '',
    clearlyWorseShown.length > 0 ? `<strong>Clearly worse</strong>: ${escapeHtml(clearlyWorseShown.map(name).join('; '))}.` : '',
    fewBetter === '' ? '' : `<strong>Better, from a few runs</strong> ${escapeHtml(fewMeaning)}: ${escapeHtml(fewBetter)}.`,
    fewWorse === '' ? '' : `<strong>Worse, from a few runs</strong>${fewBetter === '' ? ` ${escapeHtml(fewMeaning)}` : ''}: ${escapeHtml(fewWorse)}.`,
    small.length > 0 ? `Clear but negligible (under ${NEGLIGIBLE_SHARE * 100}% of the reference’s level): ${escapeHtml(small.map(name).join('; '))}.` : '',
    unclear.length > 0 ? `Not clearly different: ${escapeHtml(unclear.map(name).join('; '))}.` : '',
    costs.length > 0 ? `Spending: ${escapeHtml(costs.join('; '))}.` : '',
    describeDemandLedShareFall(demandLed, materialName, parts, units),
    describeCapacityLost(worse, materialName, parts, units),
  ].filter((s) => s !== '');
  return items.length === 0 ? '' : `<ul>${items.map((s) => `<li>${s}</li>`).join('')}</ul>\n`;
}

/**
 * The compared metrics behind a secure-supply share at the end: home and allied capacity at the end
 * (`finalSecureCapacity.<material>.<stage>`) and home end-use demand at the end
 * (`finalHomeDemand.<material>.endUse.<home>`), which crm-sim compare writes since audit 24; each
 * undefined in an older folder.
 */
function shareParts(share: ComparisonEntry, parts: SharePartsLookup): { capacity?: ComparisonEntry; demand?: ComparisonEntry } {
  const [, material, stage] = share.metric.split('.');
  return { capacity: parts.entryOf(`finalSecureCapacity.${material}.${stage}`), demand: parts.entryOf(`finalHomeDemand.${material}.endUse.${parts.home}`) };
}

/** One alternative's entries by metric id, and the home region's id (which ends the demand metric's id). */
interface SharePartsLookup {
  entryOf: (metric: string) => ComparisonEntry | undefined;
  home: string;
}

/**
 * The secure-supply shares among `worse` that fell because home demand rose, not because capacity fell.
 * The share is home and allied capacity over home end-use demand at the run's end, so a strategy that
 * makes a material cheaper raises demand and the share falls with no capacity lost. Where the folder
 * holds the two parts as compared metrics (finalSecureCapacity, finalHomeDemand), the share qualifies
 * when the capacity's paired difference is not clearly below 0 and demand's is clearly above 0. An
 * older folder without them falls back on end users clearly receiving more of the material (`better`'s
 * consumption), the label then saying that capacity was not checked. Only end-of-run shares are
 * tested on their parts; the run-average share (meanSecureSupplyShare) keeps the fallback.
 */
function demandLedShareFalls(better: readonly ComparisonEntry[], worse: readonly ComparisonEntry[], parts: SharePartsLookup): ComparisonEntry[] {
  const consumed = new Set(better.filter((e) => e.metric.startsWith('cumulativeConsumption.')).map((e) => e.metric.split('.')[1]));
  return worse.filter((e) => {
    if (!(e.metric.startsWith('finalSecureSupplyShare.') || e.metric.startsWith('meanSecureSupplyShare.'))) return false;
    const { capacity, demand } = e.metric.startsWith('finalSecureSupplyShare.') ? shareParts(e, parts) : {};
    if (capacity !== undefined && demand !== undefined) return !(capacity.ciHigh < 0) && demand.ciLow > 0;
    return capacity === undefined && consumed.has(e.metric.split('.')[1]);
  });
}

/** `32,800 t/yr against 33,100 t/yr, −330 t/yr (−631 to −29 t/yr)`: the alternative's level, the reference's, and the paired difference. */
function describePart(e: ComparisonEntry, units: ReturnType<typeof massUnits>): string {
  return `${formatLevelValue(e.meanB, e.unit, units.get(e.metric))} against ${formatLevelValue(e.meanA, e.unit, units.get(e.metric))}, ${formatDifferenceWithCi(e, units.get(e.metric))}`;
}

/**
 * The line for {@link demandLedShareFalls}: lower where demand rose and capacity is not clearly lower, with the capacity and
 * demand figures that show it (a user audit read the graphite subsidy's lower share as lost
 * capacity; another stopped at "Clearly worse"); '' without any.
 */
function describeDemandLedShareFall(falls: readonly ComparisonEntry[], materialName: (id: string) => string, parts: SharePartsLookup, units: ReturnType<typeof massUnits>): string {
  if (falls.length === 0) return '';
  const checked = falls.map((e) => ({ e, ...shareParts(e, parts) }));
  const shown = checked.filter((c) => c.capacity !== undefined && c.demand !== undefined);
  const unchecked = checked.filter((c) => c.capacity === undefined || c.demand === undefined).map((c) => c.e);
  const lines = shown.map(({ e, capacity, demand }) => `${headlineName(e.metric, materialName)}: capacity not clearly lower, ${describePart(capacity as ComparisonEntry, units)}; home demand higher, ${describePart(demand as ComparisonEntry, units)}`);
  const materials = [...new Set(unchecked.map((e) => e.metric.split('.')[1]))];
  const fallback = unchecked.length === 0 ? '' : `${lines.length > 0 ? ' ' : ''}${unchecked.map((e) => headlineName(e.metric, materialName)).join('; ')}: end users receive clearly more ${materials.map(materialName).join(' and ')} here, ` +
    'so demand probably rose; this folder does not hold capacity per strategy, so whether capacity fell too is not checked (a compare run with this version writes it).';
  // Not "only because": capacity not clearly lower is not capacity unchanged (with the magnet stockpile, NdPr processing
  // capacity −1.4% on average, its CI reaching +0.6%, beside demand +1.4%): the label says what the test shows.
  const label = lines.length > 0 ? 'Lower where home demand rose, capacity not clearly lower' : 'Probably lower because demand rose';
  return `<em>${label}</em> (the ratio is home and allied capacity divided by home demand at the end): ${escapeHtml(lines.join('. '))}${lines.length > 0 ? '.' : ''}${escapeHtml(fallback)}`;
}

/**
 * Among the clearly worse metrics, the secure-supply shares whose capacity is itself clearly lower:
 * a finding, stated with its figures (audit 24, H3); '' without any or without the capacity metrics.
 */
function describeCapacityLost(worse: readonly ComparisonEntry[], materialName: (id: string) => string, parts: SharePartsLookup, units: ReturnType<typeof massUnits>): string {
  const lost = worse.filter((e) => e.metric.startsWith('finalSecureSupplyShare.')).map((e) => ({ e, ...shareParts(e, parts) }))
    .filter((c) => c.capacity !== undefined && c.capacity.ciHigh < 0);
  if (lost.length === 0) return '';
  const lines = lost.map(({ e, capacity, demand }) => {
    const [, material, stage] = e.metric.split('.');
    const demandText = demand === undefined ? '' : `; home demand ${demand.ciLow > 0 ? 'higher' : demand.ciHigh < 0 ? 'lower' : 'not clearly different'}, ${describePart(demand, units)}`;
    return `${materialName(material)}: home and allied ${stage} capacity at the end ${describePart(capacity as ComparisonEntry, units)}${demandText}`;
  });
  return `<strong>Capacity clearly lower</strong> (not only a rise in demand): ${escapeHtml(lines.join('. '))}.`;
}

const HEADLINE_WORDS: Record<string, string> = { shortfallWeeks: 'weeks short', cumulativeShortfall: 'unmet demand', cumulativeConsumption: 'consumption (received)', policyCost: 'Policy cost (spending)', netPolicyCost: 'Net policy cost (stock held counted at base prices)', tariffRevenue: 'Tariff duties collected (revenue paid by importers)' };

/** A headline metric in a few words, its region left out (the table is about the home region): `NdPr oxide: unmet demand`. */
function headlineName(metric: string, materialName: (id: string) => string): string {
  const [name, material, stage] = metric.split('.');
  if (name === 'policyCost' || name === 'netPolicyCost' || name === 'tariffRevenue') return HEADLINE_WORDS[name];
  const words = name === 'peakPriceMultiple' ? `${describePeakPriceWords(material, stage)} (× start)`
    : name === 'finalSecureSupplyShare' ? `home and allied ${stage} capacity at the end (× home demand)` : HEADLINE_WORDS[name];
  return words === undefined || material === undefined ? describeMetricId(metric, materialName) : `${materialName(material)}: ${words}`;
}

/**
 * A stage's price in the words every compare section uses (audit 24, M8: "peak manufacturing price",
 * "peak component price" and "magnets containing …" named one quantity): `peak refined price`,
 * `peak magnet price` (the manufacturing stage's product, describeStageProduct.ts), `peak price of
 * wafers and devices`, `peak concentrate price`, `peak recycled price`.
 *
 * @param material - The material's id.
 * @param stage - The traded stage.
 * @returns The words, without the unit.
 * @example
 * describePeakPriceWords('ndpr', 'manufacturing'); // 'peak magnet price'
 */
export function describePeakPriceWords(material: string, stage: string): string {
  if (stage === 'processing') return 'peak refined price';
  if (stage === 'mining') return 'peak concentrate price';
  if (stage === 'recycling') return 'peak recycled price';
  if (stage !== 'manufacturing') return `peak ${stage} price`;
  const product = describeStageProduct(material, '', stage).split(' containing ')[0];
  return product === 'magnets' ? 'peak magnet price' : `peak price of ${product}`;
}

function renderComparisonTable(comparison: Comparison, metrics: readonly string[], materialName: (id: string) => string, fewRuns: (e: ComparisonEntry) => Concentration | undefined): string {
  const units = massUnits(comparison.entries);
  const rows = metrics.map((metric) => [describeMetricId(metric, materialName), ...comparison.alternatives.map((alternative) => {
    const e = comparison.entries.find((x) => x.metric === metric && x.alternative === alternative);
    if (e === undefined) return '—';
    const share = describePairedRuns(e, fewRuns);
    return `${formatDifferenceWithCi(e, units.get(metric))}${share === '' ? '' : ` · ${share}`}`;
  })]);
  const total = new Set(comparison.entries.map((e) => e.metric)).size;
  return renderTable([{ header: 'Metric' }, ...comparison.alternatives.map((a) => ({ header: `${a}: difference (95% CI)`, numeric: true }))], rows,
    { caption: `The ${metrics.length} clearest of the ${total} metrics besides the headline ones; all are in comparison.json and comparison.csv.` }) +
    describeChanceClears(comparison);
}

/**
 * The multiplicity note under a table picked for clarity: how many metrics an alternative changes in
 * some run, and how many of those would exclude 0 at 95% by chance alone, so the table's weaker
 * rows are read as possibly chance (a statistics audit found a placebo's table led by noise).
 */
function describeChanceClears(comparison: Comparison): string {
  const changed = Math.max(0, ...comparison.alternatives.map((alternative) =>
    comparison.entries.filter((e) => e.alternative === alternative && !(e.meanDifference === 0 && e.ciLow === 0 && e.ciHigh === 0)).length));
  if (changed === 0) return '';
  return `<p class="note">Picked for how clearly they differ, from up to ${changed} metrics an alternative changes in some run: with no effect at all, about 1 in 20 of them ` +
    `(${Math.max(1, Math.round(changed / 20))} here) would still have a 95% CI that excludes 0, so rows whose interval only just excludes 0 may be chance. ` +
    'comparison.csv has each p-value, for a Holm or Benjamini–Hochberg adjustment (docs/statistics.md, “Many metrics”).</p>\n';
}
