import { fiellerRatioInterval, type RatioInterval } from '../stats/fiellerRatioInterval.ts';
import { pairedRatioDifference, type RatioDifference } from '../stats/pairedRatioDifference.ts';
import type { ComparisonArm } from './computeComparison.ts';
import { computePairedDifference, type PairedDifference } from './computePairedDifference.ts';
import { extractSummaryColumn } from './extractSummaryColumn.ts';

/**
 * A cost per tonne, or why there is none: `costPerTonne` when the benefit is clearly positive (its
 * 95% CI above 0) and the alternative costs more; `savesMoney` when the benefit is clearly positive
 * and it costs less on average; `noExtraCost` when the benefit is clearly positive and the two arms'
 * costs are the same in every run (typically neither spends: nothing to price, nothing saved);
 * `noClearGain` when the benefit is not clearly positive (a ratio would mean nothing, or reward a
 * loss). Ratio and bounds are NaN unless `costPerTonne`.
 */
export interface CostPerTonne extends RatioInterval {
  status: 'costPerTonne' | 'savesMoney' | 'noExtraCost' | 'noClearGain';
}

/** What an alternative buys for one material, per tonne, against the first arm. */
export interface MaterialCostEffectiveness {
  material: string;
  /**
   * Extra home policy cost the material answers for (B − A), USD: its own spending plus the spending
   * tied to no material (counted in full for every material).
   */
  extraCostUsd: PairedDifference;
  /** Home end users' unmet demand avoided (A − B), t. */
  shortfallAvoidedTonnes: PairedDifference;
  /** Extra cost per tonne of unmet demand avoided, USD/t (Fieller interval; NaN bounds when unbounded). */
  usdPerTonneShortfallAvoided: CostPerTonne;
  /** Home end users' consumption gained (B − A), t. */
  consumptionGainedTonnes: PairedDifference;
  /** Extra cost per tonne of consumption gained, USD/t. */
  usdPerTonneConsumptionGained: CostPerTonne;
  /** The same for the net policy cost (`netPolicyCost`: stock still held counted as an asset at base prices, stockpile sales revenue netted), USD. */
  extraNetCostUsd: PairedDifference;
  /** The two ratios with the net cost. */
  netUsdPerTonneShortfallAvoided: CostPerTonne;
  netUsdPerTonneConsumptionGained: CostPerTonne;
  /**
   * Against every other alternative that also has a cost per tonne of consumption gained for this
   * material, by label: this one's minus the other's (USD/t), paired run by run (pairedRatioDifference),
   * so "cheapest per kg" is a test, not an overlap of two intervals. Empty when none.
   */
  usdPerTonneConsumptionGainedAgainst: Map<string, RatioDifference>;
}

/** Cost-effectiveness of one alternative, per material. */
export interface CostEffectiveness {
  label: string;
  materials: MaterialCostEffectiveness[];
  /** Materials the alternative's own events name (those a reader prices it by); empty when unknown. */
  strategyMaterials: string[];
}

/** Differences below this share of the sums' magnitude are rounding (about 4,500 ε). */
const ROUNDING_SHARE = 1e-12;

/**
 * Replicate r's spending tied to no material: the total less every material's share, and exactly 0
 * when that difference is rounding: within 1e-12 of the terms' magnitude. The total and each share
 * are sums over every tick, so their rounding grows with the ticks (5ε seen on 520); real untied
 * spending (workforce, permitting, friend-shoring) is millions of times larger. So a material
 * nobody spends on is charged 0, not 1e-9 USD of rounding.
 */
function untiedCost(total: number, tied: readonly Float64Array[], r: number): number {
  let sum = 0;
  let magnitude = Math.abs(total);
  for (const column of tied) {
    sum += column[r];
    magnitude += Math.abs(column[r]);
  }
  const untied = total - sum;
  return Math.abs(untied) <= ROUNDING_SHARE * magnitude ? 0 : untied;
}

/**
 * MODEL.md's "cost per tonne of shortfall avoided", and the same per tonne of consumption gained
 * (under price rationing most of a disruption's loss is consumption, not unmet demand): for each
 * alternative and each material, the paired extra home policy cost that material answers for (its
 * own spending plus the spending tied to no material; gross, and net of the stock a stockpile still
 * holds, valued at base prices), the tonnes avoided or gained
 * by the home region's end users, and their ratio of means with a Fieller interval. A ratio per
 * replicate would divide by near-zero benefits; the ratio of means does not, and its interval is
 * unbounded exactly when the benefit is not clearly non-zero.
 *
 * @param arms - The first arm (the reference) followed by the alternatives, as for computeComparison.
 * @param home - The home region id.
 * @param level - Confidence level; default 0.95.
 * @param strategyMaterials - Per alternative (in order), the materials its own events name.
 * @returns One entry per alternative; materials whose summaries an arm lacks are left out.
 * @example
 * computeCostEffectiveness(arms, 'US')[0].materials[0].usdPerTonneConsumptionGained.ratio;
 */
export function computeCostEffectiveness(arms: readonly ComparisonArm[], home: string, level = 0.95, strategyMaterials: readonly (readonly string[])[] = []): CostEffectiveness[] {
  const column = (arm: ComparisonArm, metric: string, material: string): Float64Array | undefined => {
    const i = arm.layout.summaries.findIndex((k) => k.metric === metric && k.material === material && k.region === home && (k.stage === 'endUse' || k.stage === ''));
    return i < 0 ? undefined : extractSummaryColumn(arm.results, i);
  };
  const materials = [...new Set(arms[0].layout.summaries.filter((k) => k.metric === 'cumulativeConsumption').map((k) => k.material))];
  /**
   * Per replicate, the policy cost a material answers for: its own spending (materialPolicyCost)
   * plus the spending tied to no material (workforce, permitting, friend-shoring), which every
   * material is charged in full; the whole cost when the layout has no split.
   */
  const chargedTo = (arm: ComparisonArm, material: string, net: boolean): Float64Array | undefined => {
    const total = column(arm, net ? 'netPolicyCost' : 'policyCost', '');
    if (total === undefined) return undefined;
    const metric = net ? 'materialNetPolicyCost' : 'materialPolicyCost';
    const own = column(arm, metric, material);
    if (own === undefined) return total;
    const tied = materials.map((m) => column(arm, metric, m) ?? new Float64Array(total.length));
    return total.map((t, r) => own[r] + untiedCost(t, tied, r));
  };
  // Each priced alternative's per-run extra cost and gain by material, for the paired differences between alternatives.
  const priced = new Map<string, Array<{ label: string; extraCost: Float64Array; gained: Float64Array; entry: MaterialCostEffectiveness }>>();
  const result = arms.slice(1).map((arm, a) => {
    const out: MaterialCostEffectiveness[] = [];
    for (const material of materials) {
      const costA = chargedTo(arms[0], material, false);
      const costB = chargedTo(arm, material, false);
      const netA = chargedTo(arms[0], material, true);
      const netB = chargedTo(arm, material, true);
      const shortA = column(arms[0], 'cumulativeShortfall', material);
      const shortB = column(arm, 'cumulativeShortfall', material);
      const usedA = column(arms[0], 'cumulativeConsumption', material);
      const usedB = column(arm, 'cumulativeConsumption', material);
      if (!costA || !costB || !netA || !netB || !shortA || !shortB || !usedA || !usedB) continue;
      const extraCost = costB.map((b, r) => b - costA[r]);
      const extraNet = netB.map((b, r) => b - netA[r]);
      const avoided = shortA.map((a, r) => a - shortB[r]);
      const gained = usedB.map((b, r) => b - usedA[r]);
      const extraCostUsd = computePairedDifference(costA, costB, 'none', level);
      const shortfallAvoidedTonnes = computePairedDifference(shortB, shortA, 'none', level);
      const consumptionGainedTonnes = computePairedDifference(usedA, usedB, 'none', level);
      const extraNetCostUsd = computePairedDifference(netA, netB, 'none', level);
      const entry: MaterialCostEffectiveness = {
        material, extraCostUsd,
        shortfallAvoidedTonnes, usdPerTonneShortfallAvoided: costPerTonne(extraCost, avoided, extraCostUsd, shortfallAvoidedTonnes, level),
        consumptionGainedTonnes, usdPerTonneConsumptionGained: costPerTonne(extraCost, gained, extraCostUsd, consumptionGainedTonnes, level),
        extraNetCostUsd,
        netUsdPerTonneShortfallAvoided: costPerTonne(extraNet, avoided, extraNetCostUsd, shortfallAvoidedTonnes, level),
        netUsdPerTonneConsumptionGained: costPerTonne(extraNet, gained, extraNetCostUsd, consumptionGainedTonnes, level),
        usdPerTonneConsumptionGainedAgainst: new Map(),
      };
      out.push(entry);
      if (entry.usdPerTonneConsumptionGained.status === 'costPerTonne') {
        priced.set(material, [...(priced.get(material) ?? []), { label: arm.label, extraCost, gained, entry }]);
      }
    }
    return { label: arm.label, materials: out, strategyMaterials: [...(strategyMaterials[a] ?? [])] };
  });
  for (const list of priced.values()) {
    for (const one of list) {
      for (const other of list) {
        if (other !== one) one.entry.usdPerTonneConsumptionGainedAgainst.set(other.label, pairedRatioDifference(one.extraCost, one.gained, other.extraCost, other.gained, level));
      }
    }
  }
  return result;
}

/** The cost per tonne of a benefit, with its status (see {@link CostPerTonne}). */
function costPerTonne(extraCost: Float64Array, benefit: Float64Array, cost: PairedDifference, gained: PairedDifference, level: number): CostPerTonne {
  const ratio = fiellerRatioInterval(extraCost, benefit, level);
  if (!(gained.ciLow > 0)) return { ...ratio, status: 'noClearGain', ratio: NaN, low: NaN, high: NaN };
  // Exactly 0 only when every run's extra cost is 0 (the same spending in both arms, usually none).
  if (cost.meanDifference === 0) return { ...ratio, status: 'noExtraCost', ratio: NaN, low: NaN, high: NaN };
  if (!(cost.meanDifference > 0)) return { ...ratio, status: 'savesMoney', ratio: NaN, low: NaN, high: NaN };
  return { ...ratio, status: 'costPerTonne' };
}
