import type { ChartCollector } from './createChartCollector.ts';
import { createImpactSpec } from './createImpactSpec.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatDifference } from './formatDifference.ts';
import { formatDifferenceEstimateParts } from './formatDifferenceEstimate.ts';
import { formatNumber } from './formatNumber.ts';
import type { MeasuredImpact, StageStress } from './readStressJson.ts';
import { renderTable } from './renderTable.ts';

const CHAIN = ['discovery', 'mining', 'processing', 'manufacturing', 'endUse', 'recycling'];
const STAGE_NAMES: Record<string, string> = { endUse: 'end use' };
type Ranked = 'shortfallShare' | 'economicCost';

/** How the file's expected impacts were estimated: p × the impact if struck, or, in a file from before session 18, the mean over randomly struck runs. */
function describeEstimator(stress: ReadonlyMap<string, StageStress>): string {
  const hitWeighted = [...stress.values()].some((s) => Object.values(s).some((m) => m?.hitWeighted === true));
  return hitWeighted
    ? 'This stress.json is from before session 18: a stage’s expected impact averages the runs a random draw (with the study’s threat score, capability × intent ÷ 9, as its chance) said were struck, 0 in the others, which is noisier and can give a zero-width interval; run <code>crm-sim stress</code> again for the chance × the impact if struck.'
    : 'A stage’s expected impact is its impact if struck (the mean over the paired runs) times the chance that it strikes, ' +
      'the study’s threat score (capability × intent ÷ 9); its 95% CI is the impact-if-struck CI scaled the same way.';
}

/**
 * The stress test as `crm-sim stress` ranks it: stages by the expected increase in the
 * value-weighted share of home end-use demand left unmet and by the expected economic cost to home
 * end users, each with its 95% CI and rank, beside the study's threat score; the shortfall in tonnes
 * (summed over materials of very different value) shown but not ranked on. Says whether the first
 * stage of each ranking is clearly ahead of the second (the file's paired `firstVsSecond` test; "not
 * clearly apart" otherwise, and no claim for files without it), names the stages whose
 * increase is clear of zero, and those whose change is clearly negative with what that means, and draws one chart per ranking, most damaging first.
 *
 * @param stress - From `readStressJson`, with `shortfallShare` per stage.
 * @param score - The study's capability and intent of a stage, if it states them.
 * @param charts - Collects the charts (`measured-impact`, `measured-cost`).
 * @returns HTML: lead paragraph, table and charts.
 * @example
 * html += await renderStressRanking(stress, (stage) => threat.find((t) => t.stage === stage), charts);
 */
export async function renderStressRanking(
  stress: ReadonlyMap<string, StageStress>,
  score: (stage: string) => { capability: number; intent: number } | undefined,
  charts: ChartCollector,
): Promise<string> {
  const byShare = rankOrder(stress, 'shortfallShare');
  let html = '<p>The stress test in this folder (<code>stress.json</code>) adds one standard disruption per stage to every run and compares each run with ' +
    'its undisturbed twin. ' + describeEstimator(stress) + ' Stages are ranked as <code>crm-sim stress</code> ranks them: ' +
    'by the expected increase in the <strong>share of home end users’ demand left unmet</strong> (value-weighted over materials at base component prices, ' +
    'so high-tonnage materials do not dominate; in percentage points) and by the expected <strong>economic cost to home end users</strong> ' +
    '(their loss against the undisturbed run: extra spending on what they still received, plus the consumption the higher price removed ' +
    'valued at the undisturbed price, plus the change in unmet demand valued at its price; buying less is not counted as a saving). The shortfall in tonnes is summed over materials of very ' +
    `different value, so it is shown but not ranked on. ${escapeHtml(describeLeaders(stress))}</p>\n`;
  const money = moneyUnit(stress);
  const rows = byShare.map((stage) => {
    const s = stress.get(stage) as StageStress;
    const t = score(stage);
    return [STAGE_NAMES[stage] ?? stage, t === undefined ? '—' : `${t.capability} × ${t.intent} = ${t.capability * t.intent}`,
      cell(s.shortfallShare, 100), cell(s.economicCost, money.scale), cell(s.shortfall, 1, false)];
  });
  // One unit per column, named in its header, so cells compare at a glance.
  html += renderTable([{ header: 'Stage' }, { header: 'Study score (capability × intent)', numeric: true },
    { header: 'Share of demand unmet, percentage points: rank · mean (95% CI)', numeric: true }, { header: `Economic cost to end users, ${money.name}: rank · mean (95% CI)`, numeric: true },
    { header: 'Shortfall in t, summed over materials (not ranked): mean (95% CI)', numeric: true }], rows);
  html += await chart(stress, 'shortfallShare', charts);
  if ([...stress.values()].some((s) => s.economicCost !== undefined)) html += await chart(stress, 'economicCost', charts);
  return html;
}

/** Stages with the measure, by the file's rank (ties and unranked stages in chain order after larger means). */
function rankOrder(stress: ReadonlyMap<string, StageStress>, key: Ranked): string[] {
  const chain = (stage: string): number => (CHAIN.includes(stage) ? CHAIN.indexOf(stage) : CHAIN.length);
  const rank = (stage: string): number => stress.get(stage)?.[key]?.rank ?? Infinity;
  const mean = (stage: string): number => stress.get(stage)?.[key]?.value ?? -Infinity;
  return [...stress.keys()].filter((stage) => stress.get(stage)?.[key] !== undefined)
    .sort((a, b) => rank(a) - rank(b) || mean(b) - mean(a) || chain(a) - chain(b));
}

/** `#1 · +1.040 (95% CI +0.943 to +1.130)`, rounded alike (values × `scale`, the unit in the column's header); `—` when not given. */
function cell(impact: MeasuredImpact | undefined, scale: number, ranked = true): string {
  if (impact === undefined) return '—';
  const rank = ranked && impact.rank !== undefined ? `#${impact.rank} · ` : '';
  const shown = formatDifferenceEstimateParts(impact.value * scale, impact.ciLow * scale, impact.ciHigh * scale, '');
  return `${rank}${shown.mean} (95% CI ${shown.range ?? 'n/a'})`;
}

/** USD million, or USD billion when some stage's economic cost reaches 10 billion: the same for table and chart. */
function moneyUnit(stress: ReadonlyMap<string, StageStress>): { scale: number; name: string } {
  const largest = Math.max(0, ...[...stress.values()].map((s) => Math.abs(s.economicCost?.value ?? 0)));
  return largest >= 1e10 ? { scale: 1e-9, name: 'USD billion' } : { scale: 1e-6, name: 'USD million' };
}

/** Why a clearly negative change happens, per ranked measure. */
const NEGATIVE_MEANS: Record<Ranked, string> = {
  shortfallShare: 'with that disruption home end users had more of their demand met than without it',
  economicCost: 'with that disruption home end users paid less or received more than without it, a gain rather than a cost',
};

/**
 * Which stage leads each ranking (clearly first only when the file's paired comparison of the first
 * two stages excludes 0), whose increases are clear of zero (95% CI above 0), and whose
 * changes are clearly negative (95% CI below 0), with what that means.
 */
function describeLeaders(stress: ReadonlyMap<string, StageStress>): string {
  const name = (stage: string): string => STAGE_NAMES[stage] ?? stage;
  const sentence = (key: Ranked, what: string, unit: string): string => {
    const order = rankOrder(stress, key);
    if (order.length === 0) return '';
    const top = stress.get(order[0])?.[key] as MeasuredImpact;
    const clear = order.filter((stage) => (stress.get(stage)?.[key]?.ciLow ?? NaN) > 0).map(name);
    const clearText = clear.length === 0 ? `no stage’s increase is clear of zero (every 95% CI reaches 0 or below)`
      : clear.length === order.length ? 'every stage’s increase is clear of zero (95% CI above 0)'
        : `only ${clear.join(', ')} ${clear.length === 1 ? 'is' : 'are'} clear of zero (95% CI above 0)`;
    const negative = order.filter((stage) => (stress.get(stage)?.[key]?.ciHigh ?? NaN) < 0).map(name);
    const negativeText = negative.length === 0 ? ''
      : `; ${negative.length === 1 ? `${negative[0]}’s change is` : `the changes of ${negative.join(', ')} are`} clearly negative (95% CI below 0): ${NEGATIVE_MEANS[key]}`;
    return `By ${what}, ${describeLeaderSentence(order, top, stress.get(order[1] ?? '')?.[key], name, unit)}; ${clearText}${negativeText}.`;
  };
  return [sentence('shortfallShare', 'share of demand unmet', 'share'), sentence('economicCost', 'economic cost', 'USD')].filter((s) => s !== '').join(' ');
}

/**
 * `end use is clearly first (+1.01 percentage points), ahead of processing by +0.995 percentage points
 * (95% CI …, paired over 20 runs)`, or `manufacturing (+USD 4.53 billion) and end use (+USD 2.92 billion)
 * are not clearly apart: …`; without the file's paired comparison, only which mean is largest.
 */
function describeLeaderSentence(order: readonly string[], top: MeasuredImpact, runnerUp: MeasuredImpact | undefined, name: (stage: string) => string, unit: string): string {
  const value = formatDifference(top.value, unit);
  if (order.length < 2) return `${name(order[0])} is the only stage measured (${value})`;
  const test = top.firstVsSecond;
  if (test === undefined || test.second !== order[1]) {
    return `${name(order[0])} has the largest mean (${value}); this stress.json has no paired comparison of it with ${name(order[1])}, so it is not known whether the two are clearly apart`;
  }
  const shown = formatDifferenceEstimateParts(test.meanDifference, test.ciLow, test.ciHigh, unit);
  const gap = `${shown.mean} (95% CI ${shown.range ?? 'n/a'}, paired over ${test.n} runs)`;
  if (test.clearlyFirst) return `${name(order[0])} is clearly first (${value}), ahead of ${name(order[1])} by ${gap}`;
  return `${name(order[0])} (${value}) and ${name(order[1])} (${formatDifference(runnerUp?.value ?? NaN, unit)}) are not clearly apart: their paired difference, ${gap}, does not exclude 0`;
}

/** One ranking chart: bars most damaging first, in the table's units. */
async function chart(stress: ReadonlyMap<string, StageStress>, key: Ranked, charts: ChartCollector): Promise<string> {
  const order = rankOrder(stress, key);
  const money = moneyUnit(stress);
  const [scale, unit] = key === 'shortfallShare' ? [100, 'percentage points of home demand unmet (value-weighted)'] : [money.scale, `${money.name}, cost to home end users`];
  const scaled = new Map(order.map((stage) => {
    const m = stress.get(stage)?.[key] as MeasuredImpact;
    return [stage, { ...m, value: m.value * scale, ciLow: m.ciLow * scale, ciHigh: m.ciHigh * scale }];
  }));
  const share = key === 'shortfallShare';
  const title = share ? 'Stages ranked by the share of demand left unmet (stress test)' : 'Stages ranked by the economic cost to end users (stress test)';
  return charts.add(share ? 'measured-impact' : 'measured-cost', createImpactSpec(order, scaled, unit, { text: title, subtitle: 'expected increase, most damaging first · bar: mean · line: 95% CI' }), {
    title,
    description: order.map((stage) => `${STAGE_NAMES[stage] ?? stage}: ${formatNumber(scaled.get(stage)?.value ?? NaN)}`).join('; '),
    caption: share ? 'Expected increase in the share of home end users’ demand left unmet, value-weighted over materials, that each stage’s standard disruption causes (paired runs); the ranking of <code>crm-sim stress</code>.'
      : 'Expected economic cost to home end users (extra spending on what they still received, plus consumption the higher price removed and the change in unmet demand, each valued at its price) that each stage’s standard disruption causes (paired runs); the second ranking of <code>crm-sim stress</code>.',
  });
}
