import type { ChartCollector } from './createChartCollector.ts';
import { createComparisonSpec } from './createComparisonSpec.ts';
import { describeMetricId } from './describeMetricId.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatQuantity } from './formatQuantity.ts';
import type { Comparison, ComparisonEntry } from './readComparisonJson.ts';
import { renderTable } from './renderTable.ts';

/** Metrics drawn and listed: the most clearly changed first. */
const MAX_CHART_METRICS = 8;
const MAX_TABLE_METRICS = 40;

/**
 * "Strategies compared": which way differences go (checked against meanA and meanB), headline
 * sentences per alternative, forest plots of the paired differences with their CIs and win
 * probabilities for the clearest metrics, and a table of the rest.
 *
 * @param comparison - From `readComparisonJson`.
 * @param materialName - Maps material ids to names.
 * @param charts - Collects the comparison chart.
 * @returns The section's HTML.
 * @example
 * html += await renderComparisonSection(comparison, (id) => id, charts);
 */
export async function renderComparisonSection(original: Comparison, materialName: (id: string) => string, charts: ChartCollector): Promise<string> {
  const sign = differenceSign(original.entries);
  const comparison = sign === 1 ? original : {
    ...original,
    entries: original.entries.map((e) => ({ ...e, meanDifference: -e.meanDifference, ciLow: -e.ciHigh, ciHigh: -e.ciLow })),
  };
  const way = 'alternative − reference';
  const reference = comparison.reference === '' ? 'the reference' : `the reference (${comparison.reference})`;
  const runs = Math.max(0, ...comparison.entries.map((e) => (Number.isFinite(e.n) ? e.n : 0)));
  let html = `<p>${comparison.alternatives.length} alternative${comparison.alternatives.length === 1 ? '' : 's'} against ${escapeHtml(reference)}, ` +
    `paired run by run (the same random draws in both, so the difference is the strategy's effect), ${runs} pairs. ` +
    `Differences are ${way}${sign === 1 ? '' : ' (comparison.json states them the other way round)'}. “Better in P%” is the share of paired runs in which the alternative did better.</p>\n`;
  const ranked = rankMetrics(comparison.entries);
  for (const alternative of comparison.alternatives) {
    const best = ranked.map((m) => comparison.entries.find((e) => e.metric === m && e.alternative === alternative))
      .filter((e): e is ComparisonEntry => e !== undefined).slice(0, 3);
    html += `<div class="callout"><h3>${escapeHtml(alternative)}</h3><ul>${best.map((e) => `<li>${escapeHtml(sentence(e, materialName))}</li>`).join('')}</ul></div>\n`;
  }
  const shown = ranked.slice(0, MAX_CHART_METRICS);
  html += await charts.add('comparison', createComparisonSpec(shown.map((metric) => {
    const entries = comparison.entries.filter((e) => e.metric === metric);
    const unit = entries.find((e) => e.unit !== '')?.unit ?? '';
    const better = entries.find((e) => e.direction !== '')?.direction;
    return {
      title: describeMetricId(metric, materialName),
      axisTitle: `difference${unit ? `, ${unit}` : ''}${better ? ` (${better} is better)` : ''}`,
      rows: entries.map((e) => ({ alternative: e.alternative, difference: e.meanDifference, ciLow: e.ciLow, ciHigh: e.ciHigh, pBetter: e.pBetter })),
    };
  }), comparison.alternatives, `dot: mean paired difference (${way}) · line: 95% CI · dashed: no difference`), {
    title: 'Paired differences of the alternatives',
    description: `Mean paired differences with 95% confidence intervals for ${shown.length} metrics and ${comparison.alternatives.length} alternatives.`,
    caption: `The ${shown.length} metrics with the clearest differences. All metrics are in comparison.json.`,
  });
  return html + renderComparisonTable(comparison, ranked.slice(0, MAX_TABLE_METRICS), materialName);
}

/** +1 when meanDifference = meanB − meanA (alternative − reference), −1 when it is meanA − meanB. */
function differenceSign(entries: readonly ComparisonEntry[]): 1 | -1 {
  let votes = 0;
  for (const e of entries) {
    if (![e.meanA, e.meanB, e.meanDifference].every(Number.isFinite) || e.meanA === e.meanB) continue;
    votes += Math.abs(e.meanDifference - (e.meanB - e.meanA)) <= Math.abs(e.meanDifference - (e.meanA - e.meanB)) ? 1 : -1;
  }
  return votes >= 0 ? 1 : -1;
}

/** Metrics by the clearest difference of any alternative: |mean| / CI half-width, CI excluding zero first. */
function rankMetrics(entries: readonly ComparisonEntry[]): string[] {
  const score = new Map<string, number>();
  for (const e of entries) {
    const half = (e.ciHigh - e.ciLow) / 2;
    const clear = e.ciLow > 0 || e.ciHigh < 0 ? 1000 : 0;
    const s = clear + (half > 0 ? Math.abs(e.meanDifference) / half : Math.abs(e.meanDifference) > 0 ? 999 : 0);
    score.set(e.metric, Math.max(score.get(e.metric) ?? -1, Number.isFinite(s) ? s : 0));
  }
  return [...score.keys()].map((m, i) => ({ m, i })).sort((a, b) => (score.get(b.m) ?? 0) - (score.get(a.m) ?? 0) || a.i - b.i).map(({ m }) => m);
}

function sentence(e: ComparisonEntry, materialName: (id: string) => string): string {
  const change = e.meanDifference;
  const clear = e.ciLow > 0 || e.ciHigh < 0;
  const verdict = !clear ? 'not clearly different' : e.direction === '' ? 'a clear difference'
    : (e.direction === 'lower') === (change < 0) ? 'an improvement' : 'a deterioration';
  const better = Number.isFinite(e.pBetter) ? ` It does better in ${Math.round(e.pBetter * 100)}% of paired runs.` : '';
  const size = change === 0 ? 'the same on average as' : `${formatQuantity(Math.abs(change), e.unit)} ${change < 0 ? 'lower' : 'higher'} on average than`;
  return `${describeMetricId(e.metric, materialName)}: ${size} with the reference (95% CI of the difference ` +
    `${formatQuantity(e.ciLow, e.unit)} to ${formatQuantity(e.ciHigh, e.unit)}): ${verdict}.${better}`;
}

function renderComparisonTable(comparison: Comparison, metrics: readonly string[], materialName: (id: string) => string): string {
  const rows = metrics.map((metric) => [describeMetricId(metric, materialName), ...comparison.alternatives.map((alternative) => {
    const e = comparison.entries.find((x) => x.metric === metric && x.alternative === alternative);
    if (e === undefined) return '—';
    const p = Number.isFinite(e.pBetter) ? ` · better ${Math.round(e.pBetter * 100)}%` : '';
    return `${formatQuantity(e.meanDifference, e.unit)} (${formatQuantity(e.ciLow, e.unit)} to ${formatQuantity(e.ciHigh, e.unit)})${p}`;
  })]);
  const total = new Set(comparison.entries.map((e) => e.metric)).size;
  return renderTable([{ header: 'Metric' }, ...comparison.alternatives.map((a) => ({ header: `${a}: difference (95% CI)`, numeric: true }))], rows,
    { caption: total > metrics.length ? `The ${metrics.length} clearest of ${total} metrics; all are in comparison.json.` : undefined });
}
