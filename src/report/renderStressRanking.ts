import type { ChartCollector } from './createChartCollector.ts';
import { createImpactSpec } from './createImpactSpec.ts';
import { type DisruptionContext, describeStressDisruption } from './describeStressDisruption.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatDifference } from './formatDifference.ts';
import { formatDifferenceEstimateParts } from './formatDifferenceEstimate.ts';
import { formatNumber } from './formatNumber.ts';
import { createStressFigureFormat } from './formatStressFigure.ts';
import { NEAR_ZERO_FLOOR_RULE } from '../stress/nearZeroFloor.ts';
import type { MeasuredImpact, StageStress } from './readStressJson.ts';
import { conditionalOrder, describeDisagreement, describeNegativeCost, describeWeighting, rankOrder, stageName, type StressRanked } from './summarizeStressRankings.ts';

type Ranked = StressRanked;

/** How the file's expected impacts were estimated: the weight × the impact if struck, or, in a file from before session 18, the mean over randomly struck runs. */
function describeEstimator(stress: ReadonlyMap<string, StageStress>): string {
  const hitWeighted = [...stress.values()].some((s) => Object.values(s).some((m) => (m as MeasuredImpact | undefined)?.hitWeighted === true));
  return hitWeighted
    ? 'This stress.json is from before session 18: a stage’s expected impact averages the runs a random draw (with the study’s threat score, capability × intent ÷ 9, as its chance) said were struck, 0 in the others, which is noisier and can give a zero-width interval; run <code>crm-sim stress</code> again for the weight × the impact if struck.'
    : 'A stage’s expected impact is its impact if struck (the mean over the paired runs) times a weight, the study’s threat score ÷ 9 ' +
      '(capability × intent, each rated 1–3: an ordinal rating used as a chance of striking, an assumption, not a measured probability); its 95% CI is the impact-if-struck CI scaled the same way.';
}

/** Names, dates and horizon for the standard disruptions, when the report has them. */
export interface StressRankingContext extends DisruptionContext {
  /** Ids of the scenario's own events `--strip-events` removed (stress.json `strippedEvents`). */
  strippedEvents?: readonly string[];
  /** The file's share measures are each arm's own share differenced (a stress.json from before session 32: `readStressRun`). */
  shareOfOwnDemand?: boolean;
}

/**
 * The stress test as `crm-sim stress` ranks it: stages by the expected increase in the
 * value-weighted share of home end-use demand left unmet (the extra unmet tonnes as a share of the
 * undisturbed run's demand, `computeShortfallShareChange`) and by the expected economic cost to home
 * end users, each with its 95% CI and rank (and, where a stage's weight is below 1, its impact if
 * struck and rank by it), beside the study's threat score and the weight it gives; each stage's
 * standard disruption in words, cut short by the horizon where it was; the shortfall in tonnes
 * (summed over materials of very different value) shown but not ranked on. Says whether the first
 * stage of each ranking is clearly ahead of the second (the file's paired `firstVsSecond` test; "not
 * clearly apart" otherwise, and no claim for files without it), names the stages whose
 * increase is clear of zero and those whose change is clearly negative with what that means, says
 * when the two rankings disagree, when the unweighted order differs, and why a stage that leaves
 * more demand unmet can show a negative cost; draws one chart per ranking, most damaging first,
 * bars whose CI includes 0 faded. Every figure of a column is rounded by one rule (three significant
 * figures; below {@link nearZeroFloor}, `≈ 0`), in the table and on the chart alike.
 *
 * @param stress - From `readStressJson`, with `shortfallShare` per stage.
 * @param score - The study's capability and intent of a stage, if it states them.
 * @param charts - Collects the charts (`measured-impact`, `measured-cost`).
 * @param context - Region names, start year and horizon, for the standard disruptions; without it they are not described.
 * @returns HTML: lead paragraph, table and charts.
 * @example
 * html += await renderStressRanking(stress, (stage) => threat.find((t) => t.stage === stage), charts, { regionName, startYear: 2025, horizonYears: 10 });
 */
export async function renderStressRanking(
  stress: ReadonlyMap<string, StageStress>,
  score: (stage: string) => { capability: number; intent: number } | undefined,
  charts: ChartCollector,
  context?: StressRankingContext,
): Promise<string> {
  const byShare = rankOrder(stress, 'shortfallShare');
  const stripped = context?.strippedEvents ?? [];
  let html = `<p>The stress test in this folder (<code>stress.json</code>) adds one standard disruption per stage to every run ${stripped.length > 0
    ? `(with the scenario’s own threat events removed by <code>--strip-events</code>: ${escapeHtml(stripped.join(', '))}; the ranking is not on top of them) `
    : '(on top of the scenario’s own events) '}and compares each run with ` +
    'its undisturbed twin. ' + describeEstimator(stress) + ' Stages are ranked as <code>crm-sim stress</code> ranks them: ' +
    'by the expected increase in the <strong>share of home end users’ demand left unmet</strong> (' + (context?.shareOfOwnDemand === true
      ? 'in this stress.json, from before session 32, each run’s share of its own demand, differenced, so demand the higher price removed counts as unmet: run <code>crm-sim stress</code> again for the extra tonnes unmet as a share of the undisturbed run’s demand; '
      : 'the extra tonnes left unmet as a share of what they demanded in the undisturbed run, so demand the higher price removed does not count as unmet; ') +
    'value-weighted over materials at base component prices, ' +
    'so high-tonnage materials do not dominate; in percentage points) and by the expected <strong>economic cost to home end users</strong> ' +
    '(their loss against the undisturbed run, an undiscounted total over the whole run: extra spending on what they still received, plus the consumption the higher price removed ' +
    'valued at the undisturbed price, plus the change in unmet demand valued at its price; buying less is not counted as a saving). The shortfall in tonnes is summed over materials of very ' +
    `different value, so it is shown but not ranked on. ${escapeHtml(describeLeaders(stress))}</p>\n`;
  const notes = [describeDisagreement(stress), describeNegativeCost(stress), describeWeighting(stress)].filter((s) => s !== '');
  html += notes.map((note) => `<p>${escapeHtml(note)}</p>\n`).join('');
  const money = moneyUnit(stress);
  const formats = {
    shortfallShare: columnFormat(stress, 'shortfallShare', 100), economicCost: columnFormat(stress, 'economicCost', money.scale),
    shortfall: createStressFigureFormat(Math.max(0, ...[...stress.values()].map((s) => Math.abs(s.shortfall?.value ?? 0)))),
  };
  const struckRank = (key: Ranked): ((stage: string) => number | undefined) => {
    const order = conditionalOrder(stress, key);
    return (stage) => (order === undefined ? undefined : order.indexOf(stage) + 1);
  };
  const ranks = { shortfallShare: struckRank('shortfallShare'), economicCost: struckRank('economicCost') };
  const rows = byShare.map((stage) => {
    const s = stress.get(stage) as StageStress;
    const t = score(stage);
    const disruption = context === undefined || s.events === undefined ? '' : `<br><span class="note">${escapeHtml(describeStressDisruption(s.events, context))}</span>`;
    const weight = s.weight === undefined ? '' : ` → weight ${formatNumber(s.weight, 2)}`;
    const cells = [
      `<td>${escapeHtml(stageName(stage))}${disruption}</td>`,
      `<td class="num">${t === undefined ? '—' : `${t.capability} × ${t.intent} = ${t.capability * t.intent}`}${escapeHtml(weight)}</td>`,
      cell(s.shortfallShare, 100, formats.shortfallShare, s.weight, ranks.shortfallShare(stage)),
      cell(s.economicCost, money.scale, formats.economicCost, s.weight, ranks.economicCost(stage)),
      cell(s.shortfall, 1, formats.shortfall, undefined, undefined, false),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  // One unit per column, named in its header; each CI on its own line, so the table keeps to the text's width.
  const head = ['Stage and its standard disruption', 'Study score (capability × intent) → weight', 'Share of demand unmet, percentage points: rank · expected (95% CI)',
    `Economic cost to end users, ${money.name}: rank · expected (95% CI)`, 'Shortfall in t, summed over materials (not ranked): expected (95% CI)']
    .map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  html += `<table class="stress"><thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>\n`;
  const floors = [formats.shortfallShare, formats.economicCost].some((f) => f.used) ? ` “≈ 0”: smaller than ${formats.shortfallShare.floorText} percentage points or ${formats.economicCost.floorText} ${money.name} (${NEAR_ZERO_FLOOR_RULE.replace("'", '’')}).` : '';
  const struck = [...stress.values()].some((s) => s.weight !== undefined && s.weight < 1) ? ' “If struck”: the impact and its rank without the weight, where the weight is below 1.' : '';
  if (floors !== '' || struck !== '') html += `<p class="note">Figures to three significant figures.${escapeHtml(floors + struck)}</p>\n`;
  html += await chart(stress, 'shortfallShare', charts, formats.shortfallShare.format);
  if ([...stress.values()].some((s) => s.economicCost !== undefined)) html += await chart(stress, 'economicCost', charts, formats.economicCost.format);
  return html;
}

/** A column's rounding rule (table and chart), from its largest mean in the shown unit; `used` once a figure came out as `≈ 0`. */
function columnFormat(stress: ReadonlyMap<string, StageStress>, key: Ranked, scale: number): ReturnType<typeof createStressFigureFormat> & { used: boolean } {
  const base = createStressFigureFormat(Math.max(0, ...[...stress.values()].map((s) => Math.abs((s[key]?.value ?? 0) * scale))));
  const out = { ...base, used: false, format: (value: number, signed?: boolean): string => {
    const text = base.format(value, signed);
    if (text === '≈ 0') out.used = true;
    return text;
  } };
  return out;
}

/**
 * `#1 · +0.530` over `95% CI +0.446 to +0.613`, and `if struck: #3 · +0.0166` where the weight is
 * below 1; a mean under the column's floor whose CI is too: `≈ 0` with no interval. `—` when not given.
 */
function cell(impact: MeasuredImpact | undefined, scale: number, format: { format: (value: number) => string }, weight: number | undefined, struckRank: number | undefined, ranked = true): string {
  if (impact === undefined) return '<td class="num">—</td>';
  const f = format.format;
  const rank = ranked && impact.rank !== undefined ? `#${impact.rank} · ` : '';
  const bounded = Number.isFinite(impact.ciLow) && Number.isFinite(impact.ciHigh);
  const allTiny = f(impact.value * scale) === '≈ 0' && (!bounded || (f(impact.ciLow * scale) === '≈ 0' && f(impact.ciHigh * scale) === '≈ 0'));
  const none = impact.value === 0 && impact.ciLow === 0 && impact.ciHigh === 0;
  const ci = none ? 'exactly 0 in every run' : allTiny ? (bounded ? '95% CI also ≈ 0' : '') : bounded ? `95% CI ${f(impact.ciLow * scale)} to ${f(impact.ciHigh * scale)}` : '';
  const c = impact.conditional;
  const ifStruck = ranked && weight !== undefined && weight < 1 && c !== undefined ? `if struck: ${struckRank === undefined ? '' : `#${struckRank} · `}${f(c.value * scale)}` : '';
  const lines = [`${rank}${f(impact.value * scale)}`, ci, ifStruck].filter((l) => l !== '');
  return `<td class="num">${lines.map((l, i) => (i === 0 ? escapeHtml(l) : `<span class="note">${escapeHtml(l)}</span>`)).join('<br>')}</td>`;
}

/** USD million, or USD billion when some stage's economic cost reaches 10 billion: the same for table and chart. */
function moneyUnit(stress: ReadonlyMap<string, StageStress>): { scale: number; name: string } {
  const largest = Math.max(0, ...[...stress.values()].map((s) => Math.abs(s.economicCost?.value ?? 0)));
  return largest >= 1e10 ? { scale: 1e-9, name: 'USD billion' } : { scale: 1e-6, name: 'USD million' };
}

/** Why a clearly negative change happens, per ranked measure. */
const NEGATIVE_MEANS: Record<Ranked, string> = {
  shortfallShare: 'with that disruption fewer tonnes of home end users’ demand went unmet than without it (value-weighted)',
  economicCost: 'with that disruption home end users paid less or received more than without it, a gain rather than a cost',
};

/**
 * Which stage leads each ranking (clearly first only when the file's paired comparison of the first
 * two stages excludes 0), whose increases are clear of zero (95% CI above 0), and whose
 * changes are clearly negative (95% CI below 0), with what that means.
 */
function describeLeaders(stress: ReadonlyMap<string, StageStress>): string {
  const sentence = (key: Ranked, what: string, unit: string): string => {
    const order = rankOrder(stress, key);
    if (order.length === 0) return '';
    const top = stress.get(order[0])?.[key] as MeasuredImpact;
    const clear = order.filter((stage) => (stress.get(stage)?.[key]?.ciLow ?? NaN) > 0).map(stageName);
    const clearText = clear.length === 0 ? `no stage’s increase is clear of zero (every 95% CI reaches 0 or below)`
      : clear.length === order.length ? 'every stage’s increase is clear of zero (95% CI above 0)'
        : `only ${clear.join(', ')} ${clear.length === 1 ? 'is' : 'are'} clear of zero (95% CI above 0)`;
    const negative = order.filter((stage) => (stress.get(stage)?.[key]?.ciHigh ?? NaN) < 0).map(stageName);
    const negativeText = negative.length === 0 ? ''
      : `; ${negative.length === 1 ? `${negative[0]}’s change is` : `the changes of ${negative.join(', ')} are`} clearly negative (95% CI below 0): ${NEGATIVE_MEANS[key]}`;
    return `By ${what}, ${describeLeaderSentence(order, top, stress.get(order[1] ?? '')?.[key], unit)}; ${clearText}${negativeText}.`;
  };
  return [sentence('shortfallShare', 'share of demand unmet', 'share'), sentence('economicCost', 'economic cost', 'USD')].filter((s) => s !== '').join(' ');
}

/**
 * `end use is clearly first (+1.01 percentage points), ahead of processing by +0.995 percentage points
 * (95% CI …, paired over 20 runs)`, or `manufacturing (+USD 4.53 billion) and end use (+USD 2.92 billion)
 * are not clearly apart: …`; without the file's paired comparison, only which mean is largest.
 */
function describeLeaderSentence(order: readonly string[], top: MeasuredImpact, runnerUp: MeasuredImpact | undefined, unit: string): string {
  const value = formatDifference(top.value, unit);
  if (order.length < 2) return `${stageName(order[0])} is the only stage measured (${value})`;
  const test = top.firstVsSecond;
  if (test === undefined || test.second !== order[1]) {
    return `${stageName(order[0])} has the largest mean (${value}); this stress.json has no paired comparison of it with ${stageName(order[1])}, so it is not known whether the two are clearly apart`;
  }
  const shown = formatDifferenceEstimateParts(test.meanDifference, test.ciLow, test.ciHigh, unit);
  const gap = `${shown.mean} (95% CI ${shown.range ?? 'n/a'}, paired over ${test.n} runs)`;
  if (test.clearlyFirst) return `${stageName(order[0])} is clearly first (${value}), ahead of ${stageName(order[1])} by ${gap}`;
  return `${stageName(order[0])} (${value}) and ${stageName(order[1])} (${formatDifference(runnerUp?.value ?? NaN, unit)}) are not clearly apart: their paired difference, ${gap}, does not exclude 0`;
}

/** One ranking chart: bars most damaging first, in the table's units and rounding, a bar whose CI includes 0 faded. */
async function chart(stress: ReadonlyMap<string, StageStress>, key: Ranked, charts: ChartCollector, format: (value: number, signed?: boolean) => string): Promise<string> {
  const order = rankOrder(stress, key);
  const money = moneyUnit(stress);
  const [scale, unit] = key === 'shortfallShare' ? [100, 'percentage points of undisturbed home demand left unmet (value-weighted)'] : [money.scale, `${money.name}, cost to home end users`];
  const scaled = new Map(order.map((stage) => {
    const m = stress.get(stage)?.[key] as MeasuredImpact;
    return [stage, { ...m, value: m.value * scale, ciLow: m.ciLow * scale, ciHigh: m.ciHigh * scale }];
  }));
  const share = key === 'shortfallShare';
  const title = share ? 'Stages ranked by the share of demand left unmet (stress test)' : 'Stages ranked by the economic cost to end users (stress test)';
  const uncertain = [...scaled.values()].some((m) => m.ciLow <= 0 && m.ciHigh >= 0);
  const subtitle = `expected increase, most damaging first · bar: mean · line: 95% CI${uncertain ? ' · faded bar: 95% CI includes 0' : ''}`;
  return charts.add(share ? 'measured-impact' : 'measured-cost', createImpactSpec(order, scaled, unit, { text: title, subtitle }, { formatLabel: (v) => format(v, false), fadeUncertain: true }), {
    title,
    description: order.map((stage) => `${stageName(stage)}: ${format(scaled.get(stage)?.value ?? NaN, false)}`).join('; '),
    caption: share ? 'Expected increase in the share of home end users’ demand left unmet (the extra tonnes unmet, as a share of the undisturbed run’s demand), value-weighted over materials, that each stage’s standard disruption causes (paired runs, weighted by the study’s score ÷ 9); the ranking of <code>crm-sim stress</code>.'
      : 'Expected economic cost to home end users over the whole run (extra spending on what they still received, plus consumption the higher price removed and the change in unmet demand, each valued at its price) that each stage’s standard disruption causes (paired runs, weighted by the study’s score ÷ 9); the second ranking of <code>crm-sim stress</code>.',
  });
}
