import type { StressMaterials, StressMeasures } from './computeStressMeasures.ts';

/** Per replicate, the home end users' loss from a disruption and its three parts, USD (summed over materials). */
export interface EndUserLoss {
  /** The economic cost: extraSpending + forgoneConsumptionValue + unmetValueAtPrice. */
  loss: Float64Array;
  /** (P̄₁ − P̄₀)·Q₁: what they pay more for what they still received. */
  extraSpending: Float64Array;
  /** P̄₀·(D₀ − D₁): the consumption the higher price removed (thrift, price rationing), at the undisturbed price. */
  forgoneConsumptionValue: Float64Array;
  /** P̄₁·S₁ − P̄₀·S₀: the change in the value of unmet demand at each run's market price. */
  unmetValueAtPrice: Float64Array;
  /**
   * The net alternative: extraSpending + ½(P̄₁ − P̄₀)·(D₀ − D₁) + unmetValueAtPrice, the priced-out
   * consumption counted by its consumer-surplus triangle instead of its value (lower; unlike the
   * loss it can fall below 0 when demand the price removed was unmet before).
   */
  surplusTriangleLoss: Float64Array;
}

/**
 * The home end users' loss from a disruption, per replicate, against the same replicate of the
 * undisturbed run (common random numbers): per material, with D the cumulative home end-use demand
 * (t), Q what end users received (t), S = D − Q their unmet demand and P̄ = (spending + unmet demand
 * at the market price of its tick) / D the run's demand-weighted average market price (USD/t),
 * index 0 undisturbed and 1 disturbed,
 *
 *   loss = (P̄₁ − P̄₀)·Q₁        extra spending on what they still receive
 *        + P̄₀·(D₀ − D₁)        consumption the higher price removed, valued at the undisturbed price
 *        + (P̄₁·S₁ − P̄₀·S₀)     change in unmet demand, valued at the market price
 *        = (P̄₁ − P̄₀)·D₁ + P̄₀·(Q₀ − Q₁),
 *
 * summed over materials. So the loss is ≥ 0 whenever the price did not fall and end users received
 * no more: a supply cut can show a gain only if they really end up with more (or pay less).
 * Forgone and unmet consumption are valued gross (at the price, without netting the spending they
 * saved), as the unmet-value measures are; `surplusTriangleLoss` counts the priced-out tonnes by
 * the consumer-surplus triangle ½(P̄₁ − P̄₀)(D₀ − D₁) instead, the lower net figure, reported beside. Prices and quantities are sums over the run (per replicate and
 * material), not tick by tick: the arms run apart, so no tick's undisturbed price is at hand.
 * P̄₀ falls back to the base component price where the undisturbed demand is 0; NaN where a run
 * has no extras (`stressWorker`). Identical runs give exactly 0.
 *
 * @param undisturbed - From `computeStressMeasures` on the undisturbed arm.
 * @param disturbed - The same for the disturbed arm, same replicates in the same order.
 * @param materials - Material ids and base component prices, in spec order.
 * @returns Per replicate, the loss and its parts.
 * @example
 * computeEndUserLoss(undisturbed, disturbed, { ids: ['ndpr'], basePrices: [90000] }).loss[0];
 */
export function computeEndUserLoss(undisturbed: StressMeasures, disturbed: StressMeasures, materials: StressMaterials): EndUserLoss {
  const n = undisturbed.endUserSpending.length;
  const out: EndUserLoss = { loss: new Float64Array(n), extraSpending: new Float64Array(n), forgoneConsumptionValue: new Float64Array(n), unmetValueAtPrice: new Float64Array(n),
    surplusTriangleLoss: new Float64Array(n) };
  const triangle = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    materials.ids.forEach((id, m) => {
      const [d0, d1] = [undisturbed.demandByMaterial[id][r], disturbed.demandByMaterial[id][r]];
      const [q0, q1] = [undisturbed.receivedByMaterial[id][r], disturbed.receivedByMaterial[id][r]];
      const p0 = d0 > 0 ? undisturbed.demandAtMarketPriceByMaterial[id][r] / d0 : Number.isNaN(d0) ? NaN : materials.basePrices[m];
      const p1 = d1 > 0 ? disturbed.demandAtMarketPriceByMaterial[id][r] / d1 : Number.isNaN(d1) ? NaN : p0;
      out.extraSpending[r] += (p1 - p0) * q1;
      out.forgoneConsumptionValue[r] += p0 * (d0 - d1);
      triangle[r] += 0.5 * (p1 - p0) * (d0 - d1);
      out.unmetValueAtPrice[r] += p1 * (d1 - q1) - p0 * (d0 - q0);
    });
    out.loss[r] = out.extraSpending[r] + out.forgoneConsumptionValue[r] + out.unmetValueAtPrice[r];
    out.surplusTriangleLoss[r] = out.extraSpending[r] + triangle[r] + out.unmetValueAtPrice[r];
  }
  return out;
}
