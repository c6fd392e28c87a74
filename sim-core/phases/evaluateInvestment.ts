import type { World } from '../world/world.ts';
import { stageSpecOf } from '../world/populateFirms.ts';
import { OUTPUT_MARKET, INPUT_MARKET } from './advanceProducers.ts';
import { ADVERSARY } from '../world/world.ts';
import { cellCapacityOf } from '../world/firmTotals.ts';

/** Years over which private investors expect to recover an investment (for the reversal discount). */
export const PAYBACK_YEARS = 8;

/**
 * Net present value per (t/yr) of new capacity at stage/material/region for a sponsor with the
 * given unit cost and hurdle rate, using expected (one-year average) prices, lowered outside the
 * foreign actor's region by the price wars investors fear (`priceWarRisk` × its capacity share, 0 by
 * default; a price floor in force covers it), a risk charge of
 * `riskAversion` × recent price volatility (× `riskMultiplier`: juniors are more risk-tolerant), and public support (capex subsidy, price floor, loan
 * guarantee) discounted by the chance that an election reverses it before payback:
 *   s = (1 − reversalProbability)^(PAYBACK_YEARS / electionEveryYears),
 * or s = 1 when none of the support in force can be reversed (`reversible: false`).
 *   P̂ = max(P̄ · (1 − priceWarRisk · adversary capacity share), s · floor)
 *   NPV = (P̂ − c_in − c − risk) · A(h, life) − capex · (1 − s·subsidy),  A = annuity factor.
 */
export function evaluateInvestment(world: World, stage: number, m: number, r: number, unitCost: number, hurdleRate: number, riskMultiplier = 1): number {
  const { markets, effective, regions: R, materials: M } = world;
  const behaviour = world.spec.behaviour;
  const stageSpec = stageSpecOf(world.spec.materials[m], stage);
  const sc = (stage * M + m) * R + r;
  const sOut = (m * 3 + OUTPUT_MARKET[stage]) * R + r;
  const kIn = INPUT_MARKET[stage];
  const survival = effective.supportReversible[sc] === 1 ? world.supportSurvival : 1;
  const marketPrice = markets.longPriceUsdPerTonne[sOut] * (1 - priceWarLoss(world, stage, m, r));
  const expectedPrice = Math.max(marketPrice, survival * effective.priceFloorUsdPerTonne[sc]);
  const inputCost = kIn >= 0 ? markets.longPriceUsdPerTonne[(m * 3 + kIn) * R + r] / stageSpec.yield : 0;
  const volatility = Math.abs(Math.log(markets.priceUsdPerTonne[sOut] / markets.longPriceUsdPerTonne[sOut]));
  const margin = expectedPrice - inputCost - unitCost - riskMultiplier * behaviour.riskAversion * volatility * expectedPrice;
  const rate = Math.max(0.01, hurdleRate - survival * effective.hurdleReduction[sc]);
  const annuity = annuityFactor(world, rate);
  const capex = stageSpec.capexUsdPerTonnePerYear * (1 - survival * effective.capexSubsidyShare[sc]);
  return margin * annuity - capex;
}

/**
 * The share of the expected price an investor in region r expects to lose to the foreign actor's
 * price wars over the asset's life: `priceWarRisk` × the adversary's share of the stage's world
 * capacity of material m (a dominant supplier can sell below rivals' costs for years; a small one
 * cannot). 0 in the adversary's own regions, and when `priceWarRisk` is 0 (no capacity is summed then).
 */
function priceWarLoss(world: World, stage: number, m: number, r: number): number {
  const risk = world.spec.behaviour.priceWarRisk;
  if (!(risk > 0) || world.regionState.alignment[r] === ADVERSARY) return 0;
  let total = 0;
  let adversary = 0;
  for (let q = 0; q < world.regions; q++) {
    const capacity = cellCapacityOf(world, stage, m * world.regions + q);
    total += capacity;
    if (world.regionState.alignment[q] === ADVERSARY) adversary += capacity;
  }
  return total > 0 ? risk * (adversary / total) : 0;
}

/** (1 − reversalProbability)^(PAYBACK_YEARS / electionEveryYears): see {@link evaluateInvestment}. */
export function supportSurvivalOf(spec: World['spec']): number {
  return Math.pow(1 - spec.government.reversalProbability, PAYBACK_YEARS / spec.government.electionEveryYears);
}

/** The annuity factor (1 − (1 + rate)^−life) / rate, remembered for the last rate asked (usually the same hurdle rate again). */
function annuityFactor(world: World, rate: number): number {
  const memo = world.annuityMemo;
  if (rate === memo[0]) return memo[1];
  const annuity = (1 - Math.pow(1 + rate, -world.spec.behaviour.assetLifeYears)) / rate;
  memo[0] = rate;
  memo[1] = annuity;
  return annuity;
}
