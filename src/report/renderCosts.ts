import type { RunContext } from './deriveRunContext.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatMoney } from './formatMoney.ts';
import { formatMoneyEstimate } from './formatAmountEstimate.ts';
import type { SummaryMetrics } from './readSummaryJson.ts';
import { regionWithArticle } from './regionWithArticle.ts';

/**
 * The "Costs" callout of the key results: the home government's spending on the scenario's
 * policies; net of the change in its stockpiles at base prices and of what they sold, when that
 * differs (a net gain is written as a gain, and said to be a sales margin above base prices); the tariff
 * duties it collected, where a tariff collected any (revenue: a transfer from its importers); and the
 * foreign actor's spending ("its whole budget, spent in every run" when every run spent exactly the budget of its
 * standing rules and no scripted event spends besides). Empty without
 * any of these metrics.
 *
 * @param context - Who is home and who the foreign actor is.
 * @param summary - summary.json's metrics.
 * @returns HTML, or ''.
 * @example
 * html += renderCosts(context, summary);
 */
export function renderCosts(context: RunContext, summary: SummaryMetrics): string {
  const items: string[] = [];
  const cost = (id: string, who: string, why = '', budget = NaN): void => {
    const s = summary.get(id);
    if (s === undefined || !(s.n > 0)) return;
    const shown = formatMoneyEstimate(s.mean, Math.max(0, s.ciLow), Math.max(0, s.ciHigh));
    items.push(s.max === 0 ? `${who}: nothing in any run.`
      : spentWhole(s, budget) ? `${who}: its whole budget (${formatMoney(budget)}), spent in every run.`
      : formatMoney(Math.max(0, s.ciLow)) === formatMoney(Math.max(0, s.ciHigh)) ? `${who}: ${formatMoney(s.mean)} over the run, the same in every run.`
        : `${who}: ${shown.mean} on average over the run (95% CI ${shown.low} to ${shown.high}).`);
    if (s.max !== 0 && why !== '') items[items.length - 1] += ` ${why}`;
  };
  cost(`policyCost.${context.home}`, `Spending of the government of ${regionWithArticle(context.homeName)} on the scenario's policies`);
  const gross = summary.get(`policyCost.${context.home}`);
  const net = summary.get(`netPolicyCost.${context.home}`);
  // Only stockpiles (and offtake into them) make the two differ: a stock still held is an asset, and releases earn money back.
  if (gross !== undefined && net !== undefined && net.n > 0 && (net.mean !== gross.mean || net.min !== gross.min || net.max !== gross.max)) {
    const shown = net.ciHigh < 0 ? formatMoneyEstimate(-net.mean, -net.ciHigh, -net.ciLow) : formatMoneyEstimate(net.mean, net.ciLow, net.ciHigh);
    const signed = (text: string): string => (text.startsWith('−') ? `a gain of ${text.slice(1)}` : text);
    const interval = net.ciLow === net.ciHigh ? '' : net.ciHigh < 0
      ? ` (95% CI ${shown.low} to ${shown.high})` // a gain either way: say it in gains
      : ` (95% CI ${signed(shown.low)} to ${signed(shown.high)})`;
    const gain = net.mean < 0 ? ' A net gain is what its stockpiles sold above base prices (the buyers pay that margin, mostly in a price spike), not a free stockpile: stock held from the start (initialDays) counts at base prices when sold.' : '';
    items.push(`Net of the change in its stockpiles (stock at the end less stock at the start, valued at base prices) and of what they sold: ${net.ciHigh < 0 ? `a gain of ${shown.mean}` : signed(shown.mean)} on average${interval}.${gain} The cost of holding stock (financing, storage) counts only where a stockpile sets carryingCostSharePerYear.`);
  }
  // Tariff duties are revenue, not spending: named only where a tariff collected some.
  if ((summary.get(`tariffRevenue.${context.home}`)?.max ?? 0) > 0) {
    cost(`tariffRevenue.${context.home}`, `Tariff duties collected by the government of ${regionWithArticle(context.homeName)}`,
      `Importers in ${regionWithArticle(context.homeName)} pay them: a transfer, not part of the policy cost; what a tariff costs its buyers shows in prices and consumption.`);
  }
  // Run folders that record the actor's rule-driven actions get a section listing its price wars: point to it.
  const listed = [...summary.keys()].some((id) => id.startsWith('actorPriceWarWeeks.'))
    ? ' The section “What the foreign actor did by its standing rules” lists its price wars, when and how long.' : '';
  // Its standing rules' budget bounds their price wars; without scripted spending, every run spending exactly that much spent all of it.
  const scripted = context.eventKinds?.some((kind) => SPENDING_KINDS.has(kind)) ?? false;
  cost(`foreignActorCost.${context.foreign}`, `Spending of the foreign actor (${context.foreignName}) on price wars and acquisitions`, describeActorSpending(context.eventKinds) + listed,
    scripted ? NaN : context.foreignRulesBudgetUsd);
  return items.length === 0 ? '' : `<div class="callout"><h3>Costs</h3><ul>${items.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></div>\n`;
}

/** Whether every run spent the whole of `budget` (to a millionth: sums of weekly payments round): false without a budget. */
function spentWhole(s: { min: number; max: number }, budget: number | undefined): boolean {
  if (budget === undefined || !(budget > 0)) return false;
  const close = (x: number): boolean => Math.abs(x - budget) <= budget * 1e-6;
  return close(s.min) && close(s.max);
}

/** Event kinds in which the foreign actor spends (scripted price cuts, acquisitions); its standing rules spend only on price wars. */
const SPENDING_KINDS = new Set(['priceManipulation', 'mineAcquisition']);

/**
 * What the foreign actor's spending (`foreignActorCost`) is on: its price-cut payments (scripted or
 * price wars: the discount on its exports, or under price leadership its subsidy to its own producers)
 * and acquisitions. The price wars its standing rules (`foreignActor.rules`) start
 * when rivals outgrow it run in the baseline too (docs/model.md), so without a scripted price cut
 * or acquisition in the scenario all of it is that baseline behaviour, not the scenario's doing.
 */
function describeActorSpending(eventKinds: readonly string[] | undefined): string {
  const rules = 'price wars that its standing rules (foreignActor.rules) start whenever rivals outgrow it, in the baseline too';
  if (eventKinds === undefined) return `It includes ${rules}.`;
  if (eventKinds.length === 0) return `The scenario scripts no event: it comes from ${rules.replace(', in the baseline too', '')}, the actor's standing behaviour.`;
  if (eventKinds.some((kind) => SPENDING_KINDS.has(kind))) return `Besides the scenario's scripted price cuts and acquisitions, it includes ${rules}: compare with the baseline for what the scenario adds.`;
  return `This scenario's events script no price cut or acquisition: it comes from ${rules}, so it is baseline behaviour, not a hostile action the scenario scripts (compare with the baseline for how much the scenario changes it).`;
}
