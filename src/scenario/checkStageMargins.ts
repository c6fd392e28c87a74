import { isPlainMap, type PlainMap } from './locatedTree.ts';
import { nominalValue } from './nominalValue.ts';
import type { ProblemSink } from './problemSink.ts';

/** Stages whose base price must cover their unit cost plus the cost of their input at its yield. */
const PRICED_STAGES = [
  { stage: 'mining', priceStage: 'mining', inputStage: null },
  { stage: 'processing', priceStage: 'processing', inputStage: 'mining' },
  { stage: 'manufacturing', priceStage: 'manufacturing', inputStage: 'processing' },
  { stage: 'recycling', priceStage: 'processing', inputStage: null },
] as const;

/**
 * Adds a warning for every producing stage whose base price does not cover its cash cost at base
 * prices: unit cost plus, for processing and manufacturing, the input's base price over the yield.
 * Such a stage idles at once (utilisation follows the margin), and the baseline then starts with a
 * shortage and cycles: almost always a unit or price mistake. The check reads nominal values
 * (distributions at their centre) after defaults, so derived unit costs are checked too.
 *
 * @param nominal - The resolved scenario tree with nominal values, canonical units (USD/t).
 * @param warnings - Where the located warnings go.
 * @example
 * checkStageMargins(nominal, warningSink); // materials.cu.basePriceUsdPerTonne.processing: expected …
 */
export function checkStageMargins(nominal: PlainMap, warnings: ProblemSink): void {
  const materials = nominal.materials;
  if (!isPlainMap(materials)) return;
  for (const [id, material] of Object.entries(materials)) {
    if (!isPlainMap(material) || !isPlainMap(material.basePriceUsdPerTonne)) continue;
    const prices = material.basePriceUsdPerTonne;
    for (const { stage, priceStage, inputStage } of PRICED_STAGES) {
      const spec = material[stage];
      if (!isPlainMap(spec) || !hasCapacity(spec)) continue;
      const price = nominalValue(prices[priceStage]);
      const unitCost = nominalValue(spec.unitCostUsdPerTonne);
      const yieldShare = inputStage === null ? 1 : nominalValue(spec.yield);
      const inputPrice = inputStage === null ? 0 : nominalValue(prices[inputStage]);
      const cost = unitCost + inputPrice / yieldShare;
      if (![price, unitCost, yieldShare, inputPrice].every(Number.isFinite) || yieldShare <= 0 || price > cost) continue;
      const costText = inputStage === null ? `unit cost ${round(unitCost)}` : `unit cost ${round(unitCost)} + ${inputStage} price ${round(inputPrice)} / yield ${yieldShare}`;
      warnings.add(['materials', id, 'basePriceUsdPerTonne', priceStage],
        `a ${stage} price above the stage's cash cost at base prices (${costText} = ${round(cost)} USD/t)`,
        `${round(price)} USD/t`,
        `${stage} loses money at base prices, so its firms idle at once; check the prices' units and the stage's unitCostUsdPerTonne`);
    }
  }
}

/** Whether a stage declares any capacity (a stage without plants cannot lose money). */
function hasCapacity(spec: PlainMap): boolean {
  const capacities = spec.capacityByRegion;
  return isPlainMap(capacities) && Object.values(capacities).some((value) => nominalValue(value) > 0);
}

/** A figure for a message: four significant digits. */
function round(value: number): number {
  return Number(value.toPrecision(4));
}
