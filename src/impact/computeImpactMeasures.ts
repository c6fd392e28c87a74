import { TRADED_STAGES, type TradedStage } from '../../sim-core/index.ts';
import type { ResultLayout } from '../../sim-core/index.ts';

/** The traded stages, in the order of the price paths (appendPricePaths.ts): a stage record's peak is on its own product when it is one of them. */

/** Who and what the measures are about. */
export interface MeasureTargets {
  home: string;
  foreign: string;
  regions: readonly string[];
  materials: readonly string[];
  /** Traded stage whose price is quoted, per material (the report's choice: the stage its events touch, else processing). */
  priceStage: Readonly<Record<string, TradedStage>>;
}

/** Per-replicate outcomes of one arm; each array has one value per replicate. */
export interface ImpactMeasures {
  /** Home end users' cumulative shortfall summed over materials, t. */
  homeShortfall: Float64Array;
  /** Home government's policy cost, USD. */
  policyCost: Float64Array;
  /**
   * Per material: home end users' weeks short, cumulative shortfall and consumption (t), and peak
   * price multiple outside the foreign region at its quoted stage (`peakOutside`) and at each traded
   * stage (`peakOutsideAt`, by stage: a stage record of impact.json measures its own product's price).
   */
  byMaterial: Record<string, { weeksShort: Float64Array; shortfall: Float64Array; consumption: Float64Array; peakOutside: Float64Array; peakOutsideAt: Record<TradedStage, Float64Array> }>;
}

/**
 * Extracts the outcomes paired runs compare from each replicate's summaries: the home region's
 * cumulative end-use shortfall (per material and summed), weeks short, consumption, policy cost, and per
 * material the largest peak price multiple over market segments outside the foreign region.
 * Summaries a layout lacks read as NaN (left out of paired statistics).
 *
 * @param layout - The arm's result layout.
 * @param summaries - Per replicate, its summary values in layout order.
 * @param targets - Regions, materials and quoted price stages.
 * @returns The measures.
 * @example
 * computeImpactMeasures(compiled.layout, results.map((r) => r.summaries), targets).homeShortfall[0];
 */
export function computeImpactMeasures(layout: ResultLayout, summaries: readonly Float64Array[], targets: MeasureTargets): ImpactMeasures {
  const index = new Map(layout.summaries.map((k, i) => [`${k.metric}.${k.material}.${k.stage}.${k.region}`, i]));
  const costIndex = layout.summaries.findIndex((k) => k.metric === 'policyCost' && k.region === targets.home);
  const column = (key: string): Float64Array => {
    const i = index.get(key);
    return Float64Array.from(summaries, (s) => (i === undefined ? NaN : s[i]));
  };
  const homeShortfall = new Float64Array(summaries.length);
  const byMaterial: ImpactMeasures['byMaterial'] = {};
  for (const material of targets.materials) {
    const shortfall = column(`cumulativeShortfall.${material}.endUse.${targets.home}`);
    const peakAt = (stage: string): Float64Array => {
      const prices = targets.regions.filter((r) => r !== targets.foreign).map((r) => column(`peakPriceMultiple.${material}.${stage}.${r}`));
      return Float64Array.from(summaries, (_, r) => Math.max(...prices.map((p) => p[r])));
    };
    const peakOutsideAt = Object.fromEntries(TRADED_STAGES.map((stage) => [stage, peakAt(stage)])) as Record<TradedStage, Float64Array>;
    const peakOutside = peakOutsideAt[targets.priceStage[material]];
    const consumption = column(`cumulativeConsumption.${material}.endUse.${targets.home}`);
    byMaterial[material] = { weeksShort: column(`shortfallWeeks.${material}.endUse.${targets.home}`), shortfall, consumption, peakOutside, peakOutsideAt };
    shortfall.forEach((value, r) => { homeShortfall[r] += Number.isNaN(value) ? 0 : value; });
  }
  const policyCost = Float64Array.from(summaries, (s) => (costIndex < 0 ? NaN : s[costIndex]));
  return { homeShortfall, policyCost, byMaterial };
}
