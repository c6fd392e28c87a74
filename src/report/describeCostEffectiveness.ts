import { chooseMassUnit } from './chooseMassUnit.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatMoneyEstimateThreeFigures } from './formatMoneyEstimateThreeFigures.ts';
import { formatNumber } from './formatNumber.ts';
import { formatQuantity } from './formatQuantity.ts';
import { isMaterialGain, MATERIAL_GAIN_SHARE } from './isMaterialGain.ts';
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
 * (computeCostEffectiveness), and the paragraph says so. A material the alternative's own events do
 * not name is priced only when its gain is material (`isMaterialGain`: at least 0.1% of the
 * reference's consumption), so a spill-over of friend-shoring or workforce spending is not priced
 * at millions of USD per kg; the paragraph names what it leaves out and why.
 *
 * @param byMaterial - The alternative's `costEffectiveness` per material, or undefined.
 * @param materials - Headline materials, in order.
 * @param materialName - Maps material ids to names.
 * @param homeName - The home region's name, or ''.
 * @param scope - The materials the alternative's own events name, and the reference's consumption of a material by home end users (t, NaN when unknown); default: every material named.
 * @returns A paragraph of HTML, or '' when no gain is clear.
 * @example
 * html += describeCostEffectiveness(comparison.costEffectiveness.get('stockpile'), ['ndpr'], name, 'United States', { named: ['ndpr'], consumption: () => 45000 });
 */
export function describeCostEffectiveness(byMaterial: ReadonlyMap<string, MaterialCostEffectiveness> | undefined, materials: readonly string[], materialName: (id: string) => string, homeName: string,
  scope: { named: readonly string[]; consumption: (material: string) => number } | undefined = undefined): string {
  if (byMaterial === undefined) return '';
  const parts: string[] = [];
  const spills: string[] = [];
  // Notes about a kind of figure, not one figure ("The net gain is the margin …"), said once a paragraph.
  const generalNotesSaid = new Set<string>();
  for (const material of materials) {
    const m = byMaterial.get(material);
    if (m === undefined) continue;
    const consumption = scope?.consumption(material) ?? NaN;
    if (scope !== undefined && !scope.named.includes(material) && m.consumptionGainedTonnes.ciLow > 0 && !isMaterialGain({ mean: m.consumptionGainedTonnes.value, ciLow: m.consumptionGainedTonnes.ciLow }, consumption)) {
      // Said only where there is extra spending a reader might divide by it.
      if (m.extraCostUsd.value > 0) spills.push(`${materialName(material)} (${formatQuantity(m.consumptionGainedTonnes.value, 't', chooseMassUnit([m.consumptionGainedTonnes.value]))} more, ${share(m.consumptionGainedTonnes.value / Math.abs(consumption))} of its consumption)`);
      continue;
    }
    const gains = [
      priced(m.consumptionGainedTonnes, m.usdPerTonneConsumptionGained, m.netUsdPerTonneConsumptionGained, m.extraCostUsd, m.extraNetCostUsd, 'consumption gained', generalNotesSaid),
      priced(m.shortfallAvoidedTonnes, m.usdPerTonneShortfallAvoided, m.netUsdPerTonneShortfallAvoided, m.extraCostUsd, m.extraNetCostUsd, 'unmet demand avoided', generalNotesSaid),
    ].filter((g) => g !== '');
    // Later gains start sentences of their own: `Unmet demand avoided for …`.
    if (gains.length > 0) parts.push(`${materialName(material)}: ${gains.map((g, i) => (i === 0 ? g : g[0].toUpperCase() + g.slice(1))).join(' ')}`);
  }
  const who = `end users in ${homeName === '' ? 'the home region' : regionWithArticle(homeName)}`;
  const spillNote = spills.length === 0 ? '' : `${parts.length === 0 ? `<p><strong>What the extra spending buys</strong> for ${escapeHtml(who)}: ` : ''}` +
    `not priced per kg: ${escapeHtml(spills.join('; '))}. A gain below ${share(MATERIAL_GAIN_SHARE)} of the reference’s consumption, in a material the alternative’s own events do not name, ` +
    'is a spill-over, not what the spending buys (such a material is priced only from a gain whose 95% CI is above zero and that is at least ' +
    `${share(MATERIAL_GAIN_SHARE)} of the reference’s consumption).`;
  if (parts.length === 0) return spillNote === '' ? '' : `${spillNote}</p>\n`;
  return `<p><strong>What the extra spending buys</strong> for ${escapeHtml(who)}: ${escapeHtml(parts.join(' '))} ` +
    'Each material is charged its own extra spending (stockpile purchases, floors, offtake, capex subsidies, tariffs and mandates on it) plus any spending tied to no material; ' +
    `net: the change in stockpiled material over the run valued at base prices (stock held from the start counts at base prices when sold) and stockpile sales revenue netted (comparison.json, costEffectiveness).${spillNote === '' ? '' : ` Also ${spillNote}`}</p>\n`;
}

/**
 * One benefit priced gross and net, with notes on uncertain intervals; '' when the benefit is not
 * clearly positive. A general note (about a kind of figure) is left out when `generalNotesSaid` has
 * it already, and added to it otherwise.
 */
function priced(benefit: Interval, gross: Interval, net: Interval, grossCost: Interval, netCost: Interval, what: string, generalNotesSaid: Set<string>): string {
  if (!(benefit.ciLow > 0)) return '';
  const costs = [
    Number.isFinite(gross.value) ? { text: `for ${perKg(gross)} of spending`, note: caveat(gross, 'spending') }
      // Spending the same in every run is most often a policy without costUsdPerYear: unpriced, not free.
      : grossCost.value === 0 ? { text: 'with no extra spending in the model', note: 'A policy without costUsdPerYear is unpriced, not free.', general: true }
        : grossCost.value < 0 ? { text: 'at less spending', note: '' } : undefined,
    Number.isFinite(net.value) ? { text: `${perKg(net)} net`, note: caveat(net, 'net') }
      : netCost.value < 0 ? { text: 'at a net gain', note: 'The net gain is the margin of stockpile sales above base prices, not a free stockpile.', general: true }
        : netCost.value === 0 && grossCost.value > 0 ? { text: 'at no net cost', note: '' } : undefined,
  ].filter((c) => c !== undefined);
  if (costs.length === 0) return '';
  const notes = costs.filter((c) => c.note !== '' && !('general' in c && generalNotesSaid.has(c.note))).map((c) => c.note);
  for (const c of costs) if ('general' in c) generalNotesSaid.add(c.note);
  return `${what} ${costs.map((c) => c.text).join(', ')}.${notes.map((n) => ` ${n}`).join('')}`;
}

/** A small share as a percentage to 2 significant digits: `0.0033%`, `0.1%`. */
function share(value: number): string {
  return `${formatNumber(value * 100, 2)}%`;
}

/** `USD 285/kg (95% CI USD 189 to USD 588/kg)`; `(no bounded 95% CI)` when an end is missing. */
function perKg(r: Interval): string {
  const shown = formatMoneyEstimateThreeFigures(r.value / 1000, r.ciLow / 1000, r.ciHigh / 1000);
  const ci = Number.isFinite(r.ciLow) && Number.isFinite(r.ciHigh) ? `95% CI ${shown.low} to ${shown.high}/kg` : 'no bounded 95% CI';
  return `${shown.mean}/kg (${ci})`;
}

/** Why a per-kg figure should be read with care, or ''. */
function caveat(r: Interval, which: 'spending' | 'net'): string {
  const figure = which === 'net' ? 'The net figure' : 'The spending figure';
  if (!Number.isFinite(r.ciLow) || !Number.isFinite(r.ciHigh)) return `${figure} has no upper bound at 95% confidence: with these runs the gain is too uncertain to price.`;
  if (r.ciLow <= 0) return `${figure}’s interval includes zero: with these runs it may cost nothing${which === 'net' ? ' net' : ''} at all.`;
  const factor = r.ciHigh / r.ciLow;
  return factor > WIDE_FACTOR ? `${figure}’s interval is wide (its ends a factor of ${formatNumber(factor, 2)} apart): more runs would narrow it.` : '';
}
