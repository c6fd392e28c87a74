import { escapeHtml } from './escapeHtml.ts';
import { formatMoney } from './formatMoney.ts';
import { formatNumber } from './formatNumber.ts';
import type { Interval, MaterialCostEffectiveness } from './readComparisonJson.ts';
import { regionWithArticle } from './regionWithArticle.ts';

/** Ends of a 95% CI further apart than this factor are called wide. */
const WIDE_FACTOR = 3;

/**
 * What an alternative's extra spending buys, per kilogram of consumption its home end users gain
 * and of unmet demand avoided, for the headline materials where the gain is clearly positive: per kg
 * of gross spending and of net cost (a stockpile still held counted as an asset at base prices; "at
 * a net gain" when that is negative, a margin of sales above base prices, "at no net cost" when it is
 * zero), each with its 95% CI as `crm-sim compare` prints it, and a
 * plain note when an interval includes zero, has no bound or is wide (ends more than a factor of 3
 * apart). Each material is charged its own spending plus the spending tied to no material
 * (computeCostEffectiveness), and the paragraph says so.
 *
 * @param byMaterial - The alternative's `costEffectiveness` per material, or undefined.
 * @param materials - Headline materials, in order.
 * @param materialName - Maps material ids to names.
 * @param homeName - The home region's name, or ''.
 * @returns A paragraph of HTML, or '' when no gain is clear.
 * @example
 * html += describeCostEffectiveness(comparison.costEffectiveness.get('stockpile'), ['ndpr'], name, 'United States');
 */
export function describeCostEffectiveness(byMaterial: ReadonlyMap<string, MaterialCostEffectiveness> | undefined, materials: readonly string[], materialName: (id: string) => string, homeName: string): string {
  if (byMaterial === undefined) return '';
  const parts: string[] = [];
  for (const material of materials) {
    const m = byMaterial.get(material);
    if (m === undefined) continue;
    const gains = [
      priced(m.consumptionGainedTonnes, m.usdPerTonneConsumptionGained, m.netUsdPerTonneConsumptionGained, m.extraNetCostUsd, 'consumption gained'),
      priced(m.shortfallAvoidedTonnes, m.usdPerTonneShortfallAvoided, m.netUsdPerTonneShortfallAvoided, m.extraNetCostUsd, 'unmet demand avoided'),
    ].filter((g) => g !== '');
    // Later gains start sentences of their own: `Unmet demand avoided for …`.
    if (gains.length > 0) parts.push(`${materialName(material)}: ${gains.map((g, i) => (i === 0 ? g : g[0].toUpperCase() + g.slice(1))).join(' ')}`);
  }
  if (parts.length === 0) return '';
  return `<p><strong>What the extra spending buys</strong> for end users in ${escapeHtml(homeName === '' ? 'the home region' : regionWithArticle(homeName))}: ${escapeHtml(parts.join(' '))} ` +
    'Each material is charged its own extra spending (stockpile purchases, floors, offtake, capex subsidies, tariffs and mandates on it) plus any spending tied to no material; ' +
    'net: the change in stockpiled material over the run valued at base prices (stock held from the start counts at base prices when sold) and stockpile sales revenue netted (comparison.json, costEffectiveness).</p>\n';
}

/** One benefit priced gross and net, with notes on uncertain intervals; '' when the benefit is not clearly positive. */
function priced(benefit: Interval, gross: Interval, net: Interval, netCost: Interval, what: string): string {
  if (!(benefit.ciLow > 0)) return '';
  const costs = [
    Number.isFinite(gross.value) ? { text: `${perKg(gross)} of spending`, note: caveat(gross, 'spending') } : undefined,
    Number.isFinite(net.value) ? { text: `${perKg(net)} net`, note: caveat(net, 'net') } : netCost.value < 0 ? { text: 'at a net gain', note: 'The net gain is the margin of stockpile sales above base prices, not a free stockpile.' } : netCost.value === 0 ? { text: 'at no net cost', note: '' } : undefined,
  ].filter((c) => c !== undefined);
  if (costs.length === 0) return '';
  const notes = costs.map((c) => c.note).filter((n) => n !== '');
  return `${what} for ${costs.map((c) => c.text).join(', ')}.${notes.map((n) => ` ${n}`).join('')}`;
}

/** `USD 285/kg (95% CI USD 189 to USD 588/kg)`; `(no bounded 95% CI)` when an end is missing. */
function perKg(r: Interval): string {
  const ci = Number.isFinite(r.ciLow) && Number.isFinite(r.ciHigh) ? `95% CI ${usd(r.ciLow / 1000)} to ${usd(r.ciHigh / 1000)}/kg` : 'no bounded 95% CI';
  return `${usd(r.value / 1000)}/kg (${ci})`;
}

/** Why a per-kg figure should be read with care, or ''. */
function caveat(r: Interval, which: 'spending' | 'net'): string {
  const figure = which === 'net' ? 'The net figure' : 'The spending figure';
  if (!Number.isFinite(r.ciLow) || !Number.isFinite(r.ciHigh)) return `${figure} has no upper bound at 95% confidence: with these runs the gain is too uncertain to price.`;
  if (r.ciLow <= 0) return `${figure}’s interval includes zero: with these runs it may cost nothing${which === 'net' ? ' net' : ''} at all.`;
  const factor = r.ciHigh / r.ciLow;
  return factor > WIDE_FACTOR ? `${figure}’s interval is wide (its ends a factor of ${formatNumber(factor, 2)} apart): more runs would narrow it.` : '';
}

/** `USD 7.14`, `−USD 0.311`. */
function usd(value: number): string {
  return value < 0 ? `−${formatMoney(-value)}` : formatMoney(value);
}
