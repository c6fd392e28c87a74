import { percentileWeeksText } from './describeMaterialResult.ts';
import { quantile } from '../stats/quantile.ts';
import { sortedWithoutNaN } from '../stats/sortedWithoutNaN.ts';
import type { RunContext } from './deriveRunContext.ts';
import { describeStageProduct } from './describeStageProduct.ts';
import { describePriceWarUnderQuota } from './describePriceWarUnderQuota.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import { formatScenarioDate } from './formatScenarioDate.ts';
import type { ReplicateValues } from './readReplicatesCsv.ts';
import { seriesKey, type SeriesFan } from './readSeriesCsv.ts';
import type { SummaryMetrics } from './readSummaryJson.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { renderTable } from './renderTable.ts';

/** What {@link renderActorActions} reads: the run's summaries, its per-replicate values and the share-of-runs series. */
export interface ActorActionInputs {
  context: RunContext;
  summary: SummaryMetrics;
  /** `replicates.csv` (share of runs and weeks per run); without it, shares read `n/a`. */
  replicates: ReplicateValues | undefined;
  /** `series.csv` fans holding `actorPriceWar` and `actorRetaliation` (their `mean` = share of runs in force). */
  fans: ReadonlyMap<string, SeriesFan> | undefined;
  /** Horizon in years (attacks per year); NaN when unknown. */
  years: number;
  /** The rule-driven price war's mode (`foreignActor.rules.priceWarMode`), for the note on a war under the actor's own quota; its default when absent. */
  priceWarMode?: 'exportDiscount' | 'leadership';
}

const WAR_STAGES = ['mining', 'processing', 'manufacturing'];
const ATTACK_STAGES = [...WAR_STAGES, 'recycling'];
const RULE_METRICS = ['actorPriceWarWeeks', 'actorRetaliationWeeks', 'actorCyberattacks'];

/** The series `renderActorActions` reads from series.csv (for readSeriesCsv's `keep`). */
export function isActorActionSeries(metric: string): boolean {
  return metric === 'actorPriceWar' || metric === 'actorRetaliation';
}

/**
 * The section "What the foreign actor did by its standing rules": for each product on which a
 * rule-driven price war, retaliatory licensing of refined exports or cyberattacks happened in any
 * run, the share of runs, the weeks (median of the runs with one) or attacks a year (per material,
 * all stages), and the typical
 * start (the first week in which the share of runs in force reached half its highest value, from
 * series.csv). Says plainly when nothing happened. Scripted events are not counted (the scenario
 * section lists them). Empty for folders written before these metrics existed.
 *
 * @param inputs - See {@link ActorActionInputs}.
 * @returns HTML, or ''.
 * @example
 * html += renderActorActions({ context, summary, replicates, fans, years: 10 });
 */
export function renderActorActions(inputs: ActorActionInputs): string {
  const { context, summary } = inputs;
  const ruleIds = [...summary.keys()].map((id) => id.split('.')).filter((parts) => RULE_METRICS.includes(parts[0]));
  if (ruleIds.length === 0) return '';
  // Materials of the scenario, then any other the metric ids name (a folder without its scenario).
  const known = new Set(context.materials.map((m) => m.id));
  const others = [...new Set(ruleIds.map((parts) => parts[1]))].filter((id) => !known.has(id)).map((id) => ({ id, name: id }));
  // Retaliation first (what a home policy provoked), then price wars, then cyberattacks; materials in scenario order within each.
  const materials = [...context.materials, ...others];
  const product = (material: { id: string; name: string }, stage: string): string => describeStageProduct(material.id, material.name, stage);
  const rows: string[][] = [
    ...materials.flatMap((material) => spell(inputs, 'Retaliatory export licensing', `actorRetaliation.${material.id}.processing.${context.foreign}`, product(material, 'processing'))),
    ...materials.flatMap((material) => WAR_STAGES.flatMap((stage) => spell(inputs, 'Price war', `actorPriceWar.${material.id}.${stage}.${context.foreign}`, product(material, stage)))),
    ...materials.flatMap((material) => attacks(inputs, material.id, material.name)),
  ];
  const who = `the foreign actor (${context.foreignName})`;
  const intro = `<p>${escapeHtml(`Besides the scenario's scripted events (not counted here), ${who} acts by standing rules (foreignActor.rules), in the baseline too: a one-year price war when rivals outgrow it, one-year licensing of its refined exports of a material while ${regionWithArticle(context.homeName)} tariffs any of its exports of it, and cyberattacks on home and allied facilities.`)}</p>\n`;
  if (rows.length === 0) return `${intro}<p>${escapeHtml(`In no run did ${who} start a price war, retaliate or launch a cyberattack by these rules.`)}</p>\n`;
  const columns = [{ header: 'Action' }, { header: 'On' }, { header: 'Runs', numeric: true }, { header: 'How long or how often' }, { header: 'Under way by' }];
  return intro + renderTable(columns, rows, { caption: 'Runs: share of runs in which it happened. Weeks: median over those runs. Under way by: the first week in which at least half as many runs were in it as at its peak.' }) +
    describeWarsUnderQuota(summary, materials, context.foreignName, inputs.priceWarMode);
}

/**
 * A note when a rule-driven price war ran on a product on which a scripted export quota bound in
 * some run (summary `exportQuotaWeeksBinding.<material>.<stage>.<event>`): which products, and how
 * the two combine ({@link describePriceWarUnderQuota}); '' when none.
 */
function describeWarsUnderQuota(summary: SummaryMetrics, materials: ReadonlyArray<{ id: string; name: string }>, foreignName: string, mode?: 'exportDiscount' | 'leadership'): string {
  const ids = [...summary.keys()];
  const both = materials.flatMap((material) => WAR_STAGES.filter((stage) => {
    const war = [...summary.entries()].find(([id]) => id.startsWith(`actorPriceWarWeeks.${material.id}.${stage}.`))?.[1];
    const bound = ids.filter((id) => id.startsWith(`exportQuotaWeeksBinding.${material.id}.${stage}.`)).some((id) => (summary.get(id)?.max ?? 0) > 0);
    return war !== undefined && war.max > 0 && bound;
  }).map((stage) => describeStageProduct(material.id, material.name, stage)));
  if (both.length === 0) return '';
  return `<p class="note">${escapeHtml(`On ${both.length === 1 ? both[0] : `${both.slice(0, -1).join(', ')} and ${both[both.length - 1]}`} there was both this price war and a scripted export quota that bound (see the export controls). Where they overlap: ${describePriceWarUnderQuota(foreignName, mode)}`)}</p>
`;
}

/** A table row for a price war or retaliation on one product, or none when it never happened. */
function spell(inputs: ActorActionInputs, action: string, seriesId: string, product: string): string[][] {
  const [metric, ...rest] = seriesId.split('.');
  const id = [`${metric}Weeks`, ...rest].join('.');
  const weeks = inputs.summary.get(id);
  if (weeks === undefined || !(weeks.max > 0)) return [];
  const values = inputs.replicates?.get(id) ?? [];
  const happened = values.filter((v) => v > 0);
  // Without replicates.csv there is no per-run value to take the median of those runs from.
  const median = happened.length > 0 ? quantile(sortedWithoutNaN(happened), 0.5) : NaN;
  const [, material, stage, region] = seriesId.split('.');
  const fan = inputs.fans?.get(seriesKey({ metric, material, stage, region }));
  return [[action, product, values.length > 0 ? formatPercent(happened.length / values.length) : 'n/a', Number.isNaN(median) ? 'n/a' : `${percentileWeeksText(median)} over the run`, underWayBy(fan)]];
}

/** A table row for the cyberattacks on one material's facilities (all stages, each stage's rate in brackets), or none when there were none. */
function attacks(inputs: ActorActionInputs, materialId: string, materialName: string): string[][] {
  const ids = ATTACK_STAGES.map((stage) => `actorCyberattacks.${materialId}.${stage}`);
  const counts = ids.map((id) => inputs.summary.get(id));
  if (!counts.some((count) => count !== undefined && count.max > 0)) return [];
  const perRun = ids.map((id) => inputs.replicates?.get(id) ?? []);
  const runs = Math.max(...perRun.map((values) => values.length));
  const hit = Array.from({ length: runs }, (_, r) => perRun.some((values) => values[r] > 0)).filter(Boolean).length;
  const years = Number.isFinite(inputs.years) && inputs.years > 0 ? inputs.years : NaN;
  const rate = (count: number): string => formatNumber(Number.isNaN(years) ? count : count / years, 2);
  const total = counts.reduce((sum, count) => sum + (count?.mean ?? 0), 0);
  const parts = ATTACK_STAGES.flatMap((stage, i) => ((counts[i]?.max ?? 0) > 0 ? [`${stage} ${rate(counts[i]?.mean ?? 0)}`] : []));
  const unit = Number.isNaN(years) ? 'over the run' : 'a year';
  return [['Cyberattacks', `${materialName} facilities`, runs > 0 ? formatPercent(hit / runs) : 'n/a', `${rate(total)} ${unit} on average (${parts.join(', ')})`, 'throughout']];
}

/** The first week in which the share of runs in force (the series' mean) reached half its highest value, as `Mon YYYY`. */
function underWayBy(fan: SeriesFan | undefined): string {
  const shares = fan?.mean;
  if (fan === undefined || shares === undefined) return 'n/a';
  const peak = Math.max(0, ...shares.filter(Number.isFinite));
  const t = peak > 0 ? shares.findIndex((share) => share >= peak / 2) : -1;
  return t < 0 ? 'n/a' : formatScenarioDate(0, fan.year[t]);
}
