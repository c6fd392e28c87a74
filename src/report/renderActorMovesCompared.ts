import { differenceSign, formatDifferenceWithCi } from './comparisonFigures.ts';
import { weeksText } from './describeMaterialResult.ts';
import { describeStageProduct } from './describeStageProduct.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatNumber } from './formatNumber.ts';
import type { Comparison, ComparisonEntry } from './readComparisonJson.ts';
import { renderTable } from './renderTable.ts';

/** The actor's rule-driven moves in comparison.json: weeks of price war and of retaliation (per product), and attacks (per material and stage). */
const SPELL_ACTIONS: Record<string, string> = { actorPriceWarWeeks: 'Price war', actorRetaliationWeeks: 'Retaliatory export licensing' };
const ATTACKS = 'actorCyberattacks';

/**
 * "What the foreign actor did by its standing rules, by strategy" for a compare folder: per product
 * on which any strategy saw a rule-driven price war or retaliation (largest change first), the mean
 * weeks of it over the run under the reference and under each alternative, with the alternative's paired difference and
 * its 95% CI when it is not zero in every run; then the rule-driven cyberattacks per run, all
 * materials and stages together (a sum of means: no interval). This is where a strategy that
 * provokes the actor shows it (a tariff on its exports: retaliation). '' when comparison.json holds
 * none of these metrics (a folder from before they were recorded).
 *
 * @param original - From `readComparisonJson`.
 * @param materialName - Maps material ids to names.
 * @param foreignName - The foreign actor's name, e.g. 'China'.
 * @returns HTML, or ''.
 * @example
 * html += renderActorMovesCompared(comparison, (id) => id, 'China');
 */
export function renderActorMovesCompared(original: Comparison, materialName: (id: string) => string, foreignName: string): string {
  const sign = differenceSign(original.entries);
  const entries = original.entries.filter((e) => e.metric.split('.')[0] in SPELL_ACTIONS || e.metric.startsWith(`${ATTACKS}.`))
    .map((e) => (sign === 1 ? e : { ...e, meanDifference: -e.meanDifference, ciLow: -e.ciHigh, ciHigh: -e.ciLow }));
  if (entries.length === 0) return '';
  const intro = `<p>${escapeHtml(`Besides the scenarios' scripted events (not counted here), the foreign actor (${foreignName}) acts by standing rules in every strategy: a one-year price war when rivals outgrow it, one-year licensing of its refined exports while the home government tariffs any of its exports of a material, and cyberattacks. A strategy that provokes it shows here: mean over the paired runs, and the alternative's paired difference with its 95% CI; the largest changes first. The price wars share one budget (foreignActor.rules.budgetUsd): when a strategy shifts them by about the same few weeks on many products at once, the budget ran out at another time, which is not a provocation.`)}</p>\n`;
  // Largest change first, so what a strategy provokes leads the table.
  const largestChange = (metric: string): number => Math.max(0, ...entries.filter((e) => e.metric === metric).map((e) => Math.abs(e.meanDifference)).filter(Number.isFinite));
  const spells = [...new Set(entries.filter((e) => !e.metric.startsWith(ATTACKS)).map((e) => e.metric))]
    .filter((metric) => entries.some((e) => e.metric === metric && (e.meanA > 0 || e.meanB > 0)))
    .sort((a, b) => largestChange(b) - largestChange(a));
  const rows = spells.map((metric) => spellRow(metric, entries.filter((e) => e.metric === metric), original.alternatives, materialName));
  const attacks = attackRow(entries.filter((e) => e.metric.startsWith(ATTACKS)), original.alternatives);
  if (attacks !== undefined) rows.push(attacks);
  if (rows.length === 0) return `${intro}<p>${escapeHtml(`In no run of any strategy did ${foreignName} start a price war, retaliate or launch a cyberattack by these rules.`)}</p>\n`;
  const columns = [{ header: 'Action' }, { header: 'On' }, { header: original.reference === '' ? 'reference' : original.reference, numeric: true },
    ...original.alternatives.map((a) => ({ header: a, numeric: true }))];
  return intro + renderTable(columns, rows, { caption: 'Weeks over the run (price war, retaliation) or attacks per run, mean over the paired runs; for an alternative, its paired difference from the reference (95% CI) unless it is zero in every run (cyberattacks: totals over materials and stages, without an interval). Products on which no strategy saw the move are left out.' });
}

/** One product's row: the reference's mean weeks, then each alternative's with its paired difference. */
function spellRow(metric: string, entries: readonly ComparisonEntry[], alternatives: readonly string[], materialName: (id: string) => string): string[] {
  const [name, material, stage] = metric.split('.');
  const reference = entries.find((e) => Number.isFinite(e.meanA))?.meanA ?? NaN;
  const cells = alternatives.map((alternative) => {
    const e = entries.find((x) => x.alternative === alternative);
    if (e === undefined) return 'n/a';
    const same = e.meanDifference === 0 && e.ciLow === 0 && e.ciHigh === 0;
    return `${weeksText(e.meanB)}${same ? ', the same in every run' : ` · ${formatDifferenceWithCi(e)}`}`;
  });
  return [SPELL_ACTIONS[name], describeStageProduct(material, materialName(material), stage), weeksText(reference), ...cells];
}

/** Cyberattacks per run, summed over materials and stages, per strategy; undefined when none in any. */
function attackRow(entries: readonly ComparisonEntry[], alternatives: readonly string[]): string[] | undefined {
  if (entries.length === 0 || !entries.some((e) => e.meanA > 0 || e.meanB > 0)) return undefined;
  const firstAlternative = entries[0].alternative;
  const reference = entries.filter((e) => e.alternative === firstAlternative).reduce((sum, e) => sum + (Number.isFinite(e.meanA) ? e.meanA : 0), 0);
  const perAlternative = alternatives.map((alternative) => entries.filter((e) => e.alternative === alternative).reduce((sum, e) => sum + (Number.isFinite(e.meanB) ? e.meanB : 0), 0));
  return ['Cyberattacks', 'all materials and stages', formatNumber(reference, 3), ...perAlternative.map((count) => formatNumber(count, 3))];
}
