import type { MassUnit } from './chooseMassUnit.ts';
import { countRuns } from './countRuns.ts';
import { isSpendingMetric } from './describePairedShare.ts';
import { escapeHtml } from './escapeHtml.ts';
import { eventDescriber } from './eventDescriber.ts';
import { formatDifference } from './formatDifference.ts';
import { formatDifferenceEstimate, formatDifferenceEstimateParts } from './formatDifferenceEstimate.ts';
import { formatNumber } from './formatNumber.ts';
import { isRecord } from './isRecord.ts';
import type { ComparisonEntry } from './readComparisonJson.ts';
import type { AlternativeReversalSplit, SplitFigure, SplitMetrics } from './readReversalSplit.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';
import { renderTable } from './renderTable.ts';

/** Fewest runs on each side (kept, reversed) for the split's reading to name a gap. */
export const MIN_SPLIT_RUNS = 10;

/** What renderReversalSplit needs besides the split: the alternative's headline and how to name things. */
export interface ReversalSplitContext {
  /** The alternative's headline rows (their order, units and directions). */
  rows: readonly ComparisonEntry[];
  /** A headline metric id in words. */
  metricName: (metric: string) => string;
  /** Mass unit per tonnage metric, as the headline table uses. */
  massUnits: ReadonlyMap<string, MassUnit>;
  /** The alternative's scenario: names its policies (`eventDescriber`), their materials and its reversal probability. */
  overview?: ScenarioOverview;
}

/**
 * "If an election reverses it": under an alternative with reversible policies, its headline
 * metrics' mean paired effect over the runs that kept its policies and over the runs where an
 * election reversed one, each with its 95% CI, and kept − reversed (Welch 95% CI), with a
 * one-sentence reading of the clearest gap; with several policies, the same for each policy alone
 * (its material's rows and the spending). Says so where all runs or none had a reversal (no split
 * possible), and ends with the caveat that the split is descriptive (runs with a reversal also
 * drew a higher reversal probability, which investors discounted from the start).
 *
 * @param split - The alternative's entry of comparison.json's `reversalSplit`; undefined (no reversible policy) gives ''.
 * @param context - Rows, names and units.
 * @returns HTML, or '' without a split.
 * @example
 * html += renderReversalSplit(comparison.reversalSplit?.get(label), context);
 */
export function renderReversalSplit(split: AlternativeReversalSplit | undefined, context: ReversalSplitContext): string {
  if (split === undefined || split.policies.length === 0) return '';
  const eventName = eventDescriber(context.overview);
  const named = split.policies.map((id) => `${eventName(id)} (reversed in ${split.runsReversedByPolicy.get(id) ?? NaN} of ${countRuns(split.runs)})`);
  const several = split.policies.length > 1;
  const policies = several
    ? { none: `any of its ${split.policies.length} reversible policies`, some: `at least one of its ${split.policies.length} reversible policies`, kept: 'all its policies stayed in force', pronoun: 'one of them' }
    : { none: eventName(split.policies[0]), some: eventName(split.policies[0]), kept: 'the policy stayed in force', pronoun: 'it' };
  let html = `<h4>If an election reverses it</h4>\n<p>Reversible at home elections: ${escapeHtml(named.join('; '))}.</p>\n`;
  html += renderGroup(policies, split.runsReversed, split.runs, split.metrics, context.rows, context, several ? '; each policy alone below' : '');
  for (const policy of split.byPolicy) {
    const material = context.overview?.events.find((e) => e.id === policy.id)?.fields.material;
    const rows = context.rows.filter((e) => isSpendingMetric(e.metric) || typeof material !== 'string' || e.metric.split('.')[1] === material);
    const name = eventName(policy.id);
    html += renderGroup({ none: name, some: name, kept: 'the policy stayed in force', pronoun: 'it' }, policy.runsReversed, split.runs, policy.metrics, rows, context, '');
  }
  // Many rows, each with its own interval: say that one gap in twenty excludes zero by chance.
  const alone = `${several ? ' Split by one policy, the runs that kept it may have lost another.' : ''} The intervals are per row, not adjusted for comparing many: about 1 gap in 20 would exclude 0 by chance.`;
  return `${html}<p class="note">${escapeHtml(describeCaveat(context.overview?.document) + alone)}</p>\n`;
}

/** The reading and the table of one split (all policies together or one alone), or the sentence that none is possible. */
function renderGroup(policies: { none: string; some: string; kept: string; pronoun: string }, runsReversed: number, runs: number, metrics: SplitMetrics, candidates: readonly ComparisonEntry[], context: ReversalSplitContext, more: string): string {
  if (runsReversed === 0 || runsReversed === runs) {
    const how = runsReversed === 0 ? `No election reversed ${policies.none} in any of the ${countRuns(runs)}` : `An election reversed ${policies.some} in every one of the ${countRuns(runs)}`;
    return `<p>${escapeHtml(`${how}: no split possible (no runs to set against them)${more}.`)}</p>\n`;
  }
  const rows = candidates.filter((e) => metrics.has(e.metric));
  const effect = (e: ComparisonEntry, f: SplitFigure): string => {
    const unit = context.massUnits.get(e.metric);
    // Each effect rounded alike with its interval: "−2 t (−15 to +11 t)", not "−2 t (−14.7 to +10.7 t)".
    const bounded = Number.isFinite(f.ciLow) && Number.isFinite(f.ciHigh);
    // A group of one run has no interval: said so, as the column's other cells give one.
    return `${formatDifferenceEstimate(f.mean, f.ciLow, f.ciHigh, e.unit, unit)}${bounded || !Number.isFinite(f.mean) ? '' : ' (n/a)'}`;
  };
  const where = `Where an election reversed ${policies.some} (${runsReversed} of ${countRuns(runs)})`;
  // A Welch interval from a handful of runs on one side, among many rows, reads as a finding it is not.
  const fewer = Math.min(runsReversed, runs - runsReversed);
  const reading = fewer < MIN_SPLIT_RUNS
    ? `${where}: ${countRuns(fewer)} on one side are too few to read a gap (at least ${MIN_SPLIT_RUNS} on each side; run more replicates). The table gives the figures.`
    : readClearestGap(where, metrics, rows, context);
  return `<p>${escapeHtml(reading)}</p>\n` + (rows.length === 0 ? '' : renderTable(
    [{ header: 'Metric' }, { header: `Kept (${countRuns(runs - runsReversed)})`, numeric: true }, { header: `Reversed (${countRuns(runsReversed)})`, numeric: true }, { header: 'Kept − reversed (95% CI)', numeric: true }],
    rows.map((e) => {
      const m = metrics.get(e.metric);
      return m === undefined ? [] : [context.metricName(e.metric), effect(e, m.kept), effect(e, m.reversed), effect(e, m.difference)];
    }),
    { caption: `Mean paired effect (alternative − reference, 95% CI) over the runs where ${policies.kept} and over those where an election reversed ${policies.pronoun}; the last column compares the two groups (Welch interval). Headline metrics the alternative changes in no run are left out.` }));
}

/** The reading sentence, about the metric whose kept − reversed gap is clearest: a gap whose CI excludes zero first, then outcomes before spending. */
function readClearestGap(where: string, metrics: SplitMetrics, rows: readonly ComparisonEntry[], context: ReversalSplitContext): string {
  const clarity = (e: ComparisonEntry): number => {
    const d = metrics.get(e.metric)?.difference;
    if (d === undefined || !Number.isFinite(d.mean)) return -1;
    const half = (d.ciHigh - d.ciLow) / 2;
    return (d.ciLow > 0 || d.ciHigh < 0 ? 2e6 : 0) + (isSpendingMetric(e.metric) ? 0 : 1e6) + (half > 0 ? Math.min(Math.abs(d.mean) / half, 1e5) : d.mean === 0 ? 0 : 1e5);
  };
  const best = [...rows].sort((a, b) => clarity(b) - clarity(a))[0];
  const m = best === undefined ? undefined : metrics.get(best.metric);
  if (best === undefined || m === undefined) return `${where}, no headline metric differed from the reference in any run.`;
  const unit = context.massUnits.get(best.metric);
  const gap = m.difference.ciLow > 0 || m.difference.ciHigh < 0 ? 'a clear gap' : 'a gap its 95% CI does not tell from zero';
  const shown = formatDifferenceEstimateParts(m.difference.mean, m.difference.ciLow, m.difference.ciHigh, best.unit, unit);
  return `${where}, the effect on ${context.metricName(best.metric)} was ${formatDifference(m.reversed.mean, best.unit, unit)} instead of ${formatDifference(m.kept.mean, best.unit, unit)} where it was kept (${gap}: kept − reversed ${shown.mean}, 95% CI ${shown.range ?? 'n/a'}).`;
}

/** The caveat, stating how the scenario draws its reversal probability (`government.reversalProbability`). */
function describeCaveat(document: Record<string, unknown> | undefined): string {
  const government = isRecord(document?.government) ? document.government : {};
  const p = government.reversalProbability;
  const descriptive = 'The split describes the runs; it is not the causal effect of the reversal alone.';
  if (typeof p === 'number') {
    return `The reversal probability was ${formatNumber(p)} at every election in every run, so which runs had a reversal is chance (and when, which matters too). ${descriptive}`;
  }
  const drawn = isRecord(p) && p.dist === 'uniform' && typeof p.min === 'number' && typeof p.max === 'number'
    ? `uniform ${formatNumber(p.min)}–${formatNumber(p.max)}` : isRecord(p) && typeof p.dist === 'string' ? p.dist : undefined;
  const uncertain = drawn === undefined ? 'Where the reversal probability is itself uncertain (drawn per run),' : `The reversal probability is itself uncertain (drawn per run: ${drawn}), so`;
  return `${uncertain} the runs with a reversal also had, on average, a higher reversal probability, which investors discounted from the start (they commit less where it is high). ${descriptive}`;
}
