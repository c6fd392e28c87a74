import { formatCsvField } from '../outputs/formatCsvField.ts';
import { formatCsvNumber } from '../outputs/formatCsvNumber.ts';
import type { CostEffectiveness, CostPerTonne } from './computeCostEffectiveness.ts';
import type { PairedDifference } from './computePairedDifference.ts';

/** Header of `cost-effectiveness.csv`. */
export const COST_EFFECTIVENESS_CSV_HEADER =
  'alternative,material,benefit,cost,status,usdPerTonne,ciLow,ciHigh,n,extraCostUsd,extraCostCiLow,extraCostCiHigh,benefitTonnes,benefitCiLow,benefitCiHigh,reference';

/**
 * Formats `cost-effectiveness.csv`, comparison.json's `costEffectiveness` as one tidy row per
 * alternative, material, benefit and cost: `benefit` is `consumptionGained` (home end users'
 * consumption, B − A) or `shortfallAvoided` (their unmet demand, A − B), `cost` is `gross` (the
 * policy cost the material answers for) or `net` (net of the stock still held, at base prices, and of stockpile sales revenue);
 * `status` says whether there is a price per tonne (`costPerTonne`), the alternative gains at no
 * extra cost (`savesMoney`) or gains nothing clearly (`noClearGain`); `usdPerTonne` and its Fieller
 * 95% interval (empty unless `costPerTonne`, or unbounded), then the paired extra cost (USD) and
 * benefit (t) it divides, each with its t interval. `strategyMaterials` (the materials the
 * alternative's own events name) stay in comparison.json. `reference` names the arm the paired
 * differences are taken against. NaN is the empty field.
 *
 * @param entries - comparison.json's `costEffectiveness`, one per alternative.
 * @param reference - The reference (first) arm's label.
 * @returns The file's text, LF line ends.
 * @example
 * formatCostEffectivenessCsv(report.costEffectiveness ?? [], report.arms[0].label).split('\n')[0] === COST_EFFECTIVENESS_CSV_HEADER; // true
 */
export function formatCostEffectivenessCsv(entries: readonly CostEffectiveness[], reference: string): string {
  const lines = [COST_EFFECTIVENESS_CSV_HEADER];
  // The benefits are stated as gains already: consumption B − A, shortfall avoided A − B (computeCostEffectiveness).
  const row = (label: string, material: string, benefit: string, cost: string, ratio: CostPerTonne, extra: PairedDifference, tonnes: PairedDifference): string =>
    [formatCsvField(label), formatCsvField(material), benefit, cost, ratio.status,
      ...[ratio.ratio, ratio.low, ratio.high, ratio.n, extra.meanDifference, extra.ciLow, extra.ciHigh, tonnes.meanDifference, tonnes.ciLow, tonnes.ciHigh].map(formatCsvNumber), formatCsvField(reference)].join(',');
  for (const entry of entries) {
    for (const m of entry.materials) {
      lines.push(
        row(entry.label, m.material, 'consumptionGained', 'gross', m.usdPerTonneConsumptionGained, m.extraCostUsd, m.consumptionGainedTonnes),
        row(entry.label, m.material, 'consumptionGained', 'net', m.netUsdPerTonneConsumptionGained, m.extraNetCostUsd, m.consumptionGainedTonnes),
        row(entry.label, m.material, 'shortfallAvoided', 'gross', m.usdPerTonneShortfallAvoided, m.extraCostUsd, m.shortfallAvoidedTonnes),
        row(entry.label, m.material, 'shortfallAvoided', 'net', m.netUsdPerTonneShortfallAvoided, m.extraNetCostUsd, m.shortfallAvoidedTonnes),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
