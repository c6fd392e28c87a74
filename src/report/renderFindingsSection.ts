import { computeMaterialResults, type MaterialResult } from './computeMaterialResults.ts';
import type { ChartCollector } from './createChartCollector.ts';
import { createKeyResultsSpec } from './createKeyResultsSpec.ts';
import type { RunContext } from './deriveRunContext.ts';
import { describeMaterialResult } from './describeMaterialResult.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatMoney } from './formatMoney.ts';
import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import { formatRange } from './formatRange.ts';
import { formatWeeks } from './formatWeeks.ts';
import type { ReplicateValues } from './readReplicatesCsv.ts';
import type { SummaryMetrics } from './readSummaryJson.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { renderTable } from './renderTable.ts';

const PRODUCT: Record<string, string> = { mining: 'concentrate', processing: 'refined', manufacturing: 'component' };

/**
 * "Key results": how to read the numbers, plain sentences with confidence intervals for the
 * materials the scenario's events touch (or, without events, the two with the longest home
 * shortages), costs, a dot-and-range chart and a table of every material.
 *
 * @param context - Regions and materials of the run.
 * @param summary - `summary.json`.
 * @param replicates - `replicates.csv`, if present (exact "in 90% of runs" statements).
 * @param charts - Collects the key-results chart.
 * @returns The section's HTML.
 * @example
 * html += await renderFindingsSection(context, summary, replicates, charts);
 */
export async function renderFindingsSection(
  context: RunContext,
  summary: SummaryMetrics,
  replicates: ReplicateValues | undefined,
  charts: ChartCollector,
): Promise<string> {
  const resultContext = { home: context.home, foreign: context.foreign, regions: context.regions, priceStage: (id: string) => materialOf(context, id).priceStage };
  const results = context.materials.map((m) => ({ material: m, result: computeMaterialResults(m.id, resultContext, summary, replicates) }));
  const runs = Math.max(0, ...results.map((r) => r.result.runs));
  const headline = results.filter((r) => r.material.hasEvents);
  const chosen = headline.length > 0 ? headline.slice(0, 3) : [...results].sort((a, b) => b.result.weeksShort.p50 - a.result.weeksShort.p50).slice(0, 2);
  const homeName = regionWithArticle(context.homeName);
  let html = renderHowToRead(runs, replicates !== undefined);
  for (const { material, result } of chosen) {
    const sentences = describeMaterialResult(result, {
      materialName: material.name, homeName, foreignName: regionWithArticle(context.foreignName), product: PRODUCT[material.priceStage] ?? material.priceStage,
      homeDemandTonnesPerYear: material.homeDemand, peakIsHomeSegment: replicates === undefined,
    });
    html += `<div class="callout"><h3>${escapeHtml(material.name)}</h3><ul>${sentences.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></div>\n`;
  }
  html += renderCosts(context, summary);
  html += await charts.add('key-results', createKeyResultsSpec(
    results.map(({ material, result }) => ({ material: material.name, weeksShort: result.weeksShort, peakMultiple: result.peakOutside })),
    `Weeks short: end users in ${context.home}`, replicates === undefined ? `Peak price in the ${context.home} market` : `Peak price outside ${context.foreignName}`,
  ), {
    title: 'Key results by material',
    description: `For each material, the weeks end users in ${context.homeName} are short and the peak price multiple, as median and ranges over ${runs} runs.`,
    caption: `Each row is a material. Prices are those of the product the scenario's events touch (refined by default), as a multiple of the starting price.`,
  });
  html += renderResultsTable(context, results);
  return html;
}

function materialOf(context: RunContext, id: string): RunContext['materials'][number] {
  return context.materials.find((m) => m.id === id) ?? context.materials[0];
}

function renderHowToRead(runs: number, exact: boolean): string {
  return `<p class="note"><strong>How to read these numbers.</strong> The scenario was played out ${runs} times; each run draws ` +
    'the uncertain parameters afresh. “In 90% of runs” counts runs' + (exact ? '' : ' (approximately: replicates.csv was missing)') + '. ' +
    '“90% of runs between a and b” is the spread of outcomes. “95% CI” is the confidence interval of the mean: the range in which ' +
    'the average over many more runs would lie with 95% confidence; it narrows with more runs, the spread does not. ' +
    'Intervals of quantities that cannot be negative are cut at zero. These are outcomes of a model under its stated assumptions, not forecasts.' +
    (runs > 0 && runs < 20 ? ` <strong>With only ${runs} runs, the tails (5% and 95%) are rough.</strong>` : '') + '</p>\n';
}

function renderCosts(context: RunContext, summary: SummaryMetrics): string {
  const items: string[] = [];
  const cost = (id: string, who: string): void => {
    const s = summary.get(id);
    if (s === undefined || !(s.n > 0)) return;
    items.push(s.max === 0 ? `${who}: nothing in any run.` : `${who}: ${formatMoney(s.mean)} on average over the run (95% CI ${formatMoney(Math.max(0, s.ciLow))} – ${formatMoney(s.ciHigh)}).`);
  };
  cost(`policyCost.${context.home}`, `Spending of the government of ${regionWithArticle(context.homeName)} on the scenario's policies`);
  cost(`foreignActorCost.${context.foreign}`, `Spending of the foreign actor (${context.foreignName}) on price wars and acquisitions`);
  return items.length === 0 ? '' : `<div class="callout"><h3>Costs</h3><ul>${items.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></div>\n`;
}

function renderResultsTable(context: RunContext, results: Array<{ material: RunContext['materials'][number]; result: MaterialResult }>): string {
  const rows = results.map(({ material, result: r }) => [
    material.name,
    r.weeksShort.n > 0 ? `${formatWeeks(r.weeksShort.p50)} (${formatWeeks(r.weeksShort.p5)}–${formatWeeks(r.weeksShort.p95)})` : 'n/a',
    r.lackingTonnes.n > 0 ? `${formatNumber(r.lackingTonnes.mean)} (${formatRange(r.lackingTonnes.ciLow, r.lackingTonnes.ciHigh, 0)})` : 'n/a',
    r.peakOutside.n > 0 ? `${formatNumber(r.peakOutside.mean)}× (${formatRange(r.peakOutside.ciLow, r.peakOutside.ciHigh, 0)})` : 'n/a',
    formatPercent(r.secureShareProcessing.mean),
  ]);
  return renderTable([
    { header: 'Material' },
    { header: `Weeks short in ${context.home}: median (90% of runs)`, numeric: true },
    { header: `Unmet demand in ${context.home}, t: mean (95% CI)`, numeric: true },
    { header: `Peak price outside ${context.foreign}: mean (95% CI)`, numeric: true },
    { header: 'Home and allied processing capacity at the end, % of home demand: mean', numeric: true },
  ], rows, { caption: 'All materials. Weeks short and unmet demand are those of end users; the peak price is the largest over market segments outside the foreign actor’s region, as a multiple of the starting price.' });
}
