import type { ReplicateResult, ResultLayout } from '../../sim-core/index.ts';
import { STRESS_EXTRAS_PER_MATERIAL } from './stressWorker.ts';

/** Per-replicate outcomes a stress test ranks stages by. */
export interface StressMeasures {
  /** Home cumulative end-use shortfall summed over materials, t (of each material's own contained metal). */
  shortfall: Float64Array;
  /** Per material id, the home cumulative end-use shortfall, t. */
  shortfallByMaterial: Record<string, Float64Array>;
  /** Home government's policy cost, USD. */
  policyCost: Float64Array;
  /** Value of unmet home end-use demand at base component prices, USD. */
  unmetValue: Float64Array;
  /** What home end users spent on the components they received, USD. */
  endUserSpending: Float64Array;
  /**
   * Per material id, the home end users' cumulative demand (t, received + unmet), the tonnes they
   * received, and what their whole demand cost at market prices (USD: spending on what they
   * received + unmet demand at the price of its tick): the inputs of `computeEndUserLoss`, which
   * pairs them with the undisturbed run.
   */
  demandByMaterial: Record<string, Float64Array>;
  receivedByMaterial: Record<string, Float64Array>;
  demandAtMarketPriceByMaterial: Record<string, Float64Array>;
}

/** The scenario facts the measures need: materials in spec order and their base component (manufacturing) prices. */
export interface StressMaterials {
  ids: readonly string[];
  /** USD/t, same order. */
  basePrices: readonly number[];
}

/**
 * Extracts the stress outcomes of each replicate: the home region's cumulative end-use shortfall
 * per material and summed (t), the policy cost (USD), and, from the extras `stressWorker` appends
 * after the summaries (NaN when absent), the value of unmet demand at base prices, the end users' spending,
 * and per material their demand, what they received and what the demand cost at market prices
 * (the end users' economic cost needs the undisturbed run beside these: `computeEndUserLoss`; so
 * does the change in the share unmet, taken of the undisturbed run's demand: `computeShortfallShareChange`;
 * no share of a run's own demand is kept, as differencing two of them counted demand a price removed as unmet).
 *
 * @param layout - The scenario's result layout.
 * @param results - Replicates, in order (from `stressWorker` for the share and economic measures).
 * @param home - The home region id.
 * @param materials - Material ids and base component prices, in spec order.
 * @returns One value per replicate in each array.
 * @throws Error when the layout has no policy cost for the home region.
 * @example
 * computeStressMeasures(layout, results, 'US', { ids: ['ndpr'], basePrices: [90000] }).unmetValue[0];
 */
export function computeStressMeasures(layout: ResultLayout, results: readonly ReplicateResult[], home: string, materials: StressMaterials): StressMeasures {
  const shortfallIndexes = materials.ids.map((id) => layout.summaries.findIndex((key) =>
    key.metric === 'cumulativeShortfall' && key.stage === 'endUse' && key.region === home && key.material === id));
  const costIndex = layout.summaries.findIndex((key) => key.metric === 'policyCost' && key.region === home);
  if (costIndex < 0) throw new Error(`computeStressMeasures: no policyCost for region ${home}`);
  const n = results.length;
  const array = (): Float64Array => new Float64Array(n);
  const measures: StressMeasures = {
    shortfall: array(), shortfallByMaterial: {}, policyCost: array(),
    unmetValue: array(), endUserSpending: array(),
    demandByMaterial: {}, receivedByMaterial: {}, demandAtMarketPriceByMaterial: {},
  };
  for (const id of materials.ids) {
    measures.shortfallByMaterial[id] = array();
    measures.demandByMaterial[id] = array();
    measures.receivedByMaterial[id] = array();
    measures.demandAtMarketPriceByMaterial[id] = array();
  }
  const extrasAt = layout.summaries.length;
  results.forEach((result, r) => {
    const hasExtras = result.summaries.length === extrasAt + materials.ids.length * STRESS_EXTRAS_PER_MATERIAL;
    let unmetValue = 0, spending = 0;
    materials.ids.forEach((id, m) => {
      const short = result.summaries[shortfallIndexes[m]];
      const extra = (k: number): number => (hasExtras ? result.summaries[extrasAt + m * STRESS_EXTRAS_PER_MATERIAL + k] : NaN);
      const demand = extra(0);
      measures.shortfallByMaterial[id][r] = short;
      measures.shortfall[r] += short;
      unmetValue += short * materials.basePrices[m];
      spending += extra(1);
      measures.demandByMaterial[id][r] = demand;
      measures.demandAtMarketPriceByMaterial[id][r] = extra(1) + extra(2);
      measures.receivedByMaterial[id][r] = extra(3);
    });
    measures.policyCost[r] = result.summaries[costIndex];
    measures.unmetValue[r] = unmetValue;
    measures.endUserSpending[r] = spending;
  });
  return measures;
}
