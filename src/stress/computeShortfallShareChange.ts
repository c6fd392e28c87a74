import type { StressMaterials, StressMeasures } from './computeStressMeasures.ts';

/** Per replicate, the change in the share of home end-use demand left unmet, as a fraction of the undisturbed run's demand. */
export interface ShortfallShareChange {
  /** Value-weighted over materials at base component prices: Σ (S₁ − S₀)·price / Σ D₀·price. */
  share: Float64Array;
  /** Per material id: (S₁ − S₀) / D₀. */
  byMaterial: Record<string, Float64Array>;
}

/**
 * How much more of the home end users' demand a disruption leaves unmet, per replicate, against the
 * same replicate of the undisturbed run (common random numbers), measured on ONE denominator: the
 * undisturbed run's demand. With S the cumulative home end-use shortfall (t), D the cumulative home
 * end-use demand (t), index 0 undisturbed and 1 disturbed, per material (S₁ − S₀) / D₀, and
 * value-weighted over materials at base component prices Σ (S₁ − S₀)·price / Σ D₀·price.
 *
 * Why not the difference of each run's own share, S₁/D₁ − S₀/D₀: a disruption that raises prices
 * lowers demand (thrift, price rationing), so D₁ < D₀, and the same unmet tonnes then make a larger
 * share of the smaller demand. That difference showed an "increase in unmet demand" where not a
 * tonne more went unmet (the manufacturing quota on `threat-export-quota.yaml`, 12 replicates: +0.0058
 * pp, "clearly" above 0, with no tonne more of NdPr or Dy unmet; −0.0001 pp on one denominator). The consumption the higher price removed is the economic cost's
 * `forgoneConsumptionValue` (`computeEndUserLoss`), not unmet demand. With one denominator the
 * change is exactly 0 when the unmet tonnes are unchanged, whatever happens to demand, and its
 * sign is the sign of the change in unmet tonnes (value-weighted).
 *
 * NaN where a run has no extras (`stressWorker`: no demand known), and where the undisturbed demand
 * is 0 but the unmet tonnes changed (a share of no demand); 0 where it is 0 and they did not.
 * Identical runs give exactly 0.
 *
 * @param undisturbed - From `computeStressMeasures` on the undisturbed arm.
 * @param disturbed - The same for the disturbed arm, same replicates in the same order.
 * @param materials - Material ids and base component prices, in spec order.
 * @returns Per replicate, the change as a fraction (value-weighted and per material).
 * @example
 * computeShortfallShareChange(undisturbed, disturbed, { ids: ['ndpr'], basePrices: [90000] }).share[0];
 */
export function computeShortfallShareChange(undisturbed: StressMeasures, disturbed: StressMeasures, materials: StressMaterials): ShortfallShareChange {
  const n = undisturbed.shortfall.length;
  const out: ShortfallShareChange = { share: new Float64Array(n), byMaterial: {} };
  for (const id of materials.ids) out.byMaterial[id] = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let unmetChangeValue = 0, demandValue = 0;
    materials.ids.forEach((id, m) => {
      const extra = disturbed.shortfallByMaterial[id][r] - undisturbed.shortfallByMaterial[id][r];
      const d0 = undisturbed.demandByMaterial[id][r];
      out.byMaterial[id][r] = shareOf(extra, d0);
      unmetChangeValue += extra * materials.basePrices[m];
      demandValue += d0 * materials.basePrices[m];
    });
    out.share[r] = shareOf(unmetChangeValue, demandValue);
  }
  return out;
}

/** change / demand; 0 for no change of no demand, NaN for a change of no demand or an unknown demand. */
function shareOf(change: number, demand: number): number {
  if (demand > 0) return change / demand;
  return demand === 0 && change === 0 ? 0 : NaN;
}
