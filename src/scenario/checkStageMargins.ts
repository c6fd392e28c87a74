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

/**
 * Adds a warning for a material whose world capacity at a stage, run flat out, cannot meet world
 * end-use demand at the start (audit 25, B L9: a what-if that zeroes China's NdPr refining leaves 9.5 kt/yr
 * against ~78 kt/yr of demand, and the run starts in a shortage that reads as the scenario's result):
 * manufacturing alone; processing with recycling (recycled material is refined supply); mining at
 * processing's yield with recycling (not for a by-product, whose mines follow their host); a stage
 * that declares no capacity at all is not judged. Shipped
 * scenarios size each stage 1.25–1.3× demand (scenarios/baseline.yaml), so none is near it.
 *
 * @param nominal - The resolved scenario tree with nominal values, canonical units (t/yr).
 * @param warnings - Where the located warnings go.
 * @example
 * checkCapacityCoversDemand(nominal, warningSink); // materials.ndpr.processing.capacityByRegion: expected …
 */
export function checkCapacityCoversDemand(nominal: PlainMap, warnings: ProblemSink): void {
  const materials = nominal.materials;
  if (!isPlainMap(materials)) return;
  for (const [id, material] of Object.entries(materials)) {
    if (!isPlainMap(material) || !isPlainMap(material.demand) || !isPlainMap(material.demand.byRegion)) continue;
    const demand = sum(material.demand.byRegion);
    if (!(demand > 0)) continue;
    const capacityOf = (stage: string): number => {
      const spec = material[stage];
      return isPlainMap(spec) && isPlainMap(spec.capacityByRegion) ? sum(spec.capacityByRegion) : 0;
    };
    const recycling = capacityOf('recycling');
    const processing = isPlainMap(material.processing) ? material.processing : {};
    const processingYield = nominalValue(processing.yield);
    const supplies = [
      { stage: 'manufacturing', tonnes: capacityOf('manufacturing'), how: 'manufacturing capacity' },
      { stage: 'processing', tonnes: capacityOf('processing') + recycling, how: 'processing capacity with recycling' },
      ...(material.byproductOf === undefined && Number.isFinite(processingYield)
        ? [{ stage: 'mining', tonnes: capacityOf('mining') * processingYield + recycling, how: `mining capacity at processing's yield (${processingYield}) with recycling` }] : []),
    ];
    for (const { stage, tonnes, how } of supplies) {
      // A stage with no capacity at all is left out on purpose (a test's reduced chain), not cut too far.
      if (!Number.isFinite(tonnes) || tonnes >= demand || !(capacityOf(stage) > 0)) continue;
      warnings.add(['materials', id, stage, 'capacityByRegion'], `world ${how} of at least world demand (${round(demand)} t/yr)`, `${round(tonnes)} t/yr`,
        'run flat out it cannot meet demand, so the run starts in a shortage that is the scenario\'s, not its events\'; shipped scenarios size each stage about 1.25× demand');
    }
  }
}

/** The sum of a map's nominal values (a missing or non-numeric entry counts 0). */
function sum(map: PlainMap): number {
  return Object.values(map).reduce<number>((total, value) => total + (Number.isFinite(nominalValue(value)) ? nominalValue(value) : 0), 0);
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
