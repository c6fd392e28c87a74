/**
 * Smallest consumption gain, as a share of the reference's consumption of the material by the home
 * region's end users over the run, that a strategy naming no material is priced by: 0.1%. Spill-overs
 * of a policy tied to no material (friend-shoring, workforce) onto other materials run at a few
 * thousandths of a percent; a per-kg cost from them (millions of USD per kg) would mislead.
 */
export const MATERIAL_GAIN_SHARE = 0.001;

/**
 * Whether a consumption gain is worth a cost per kilogram for a material the strategy's own events do
 * not name: clearly positive (its 95% CI above 0) and at least {@link MATERIAL_GAIN_SHARE} of the
 * reference's consumption of the material. A material the strategy names is priced by the first test
 * alone (the report and `crm-sim compare` apply this one only to the others).
 *
 * @param gain - The mean paired gain (t) and the lower end of its CI.
 * @param referenceConsumption - The reference's mean consumption of the material (t), NaN when unknown.
 * @returns True when the gain may be priced.
 * @example
 * isMaterialGain({ mean: 0.0034, ciLow: 0.0006 }, 104); // false: 0.003% of consumption
 */
export function isMaterialGain(gain: { mean: number; ciLow: number }, referenceConsumption: number): boolean {
  if (!(gain.ciLow > 0)) return false;
  return Number.isFinite(referenceConsumption) ? gain.mean >= MATERIAL_GAIN_SHARE * Math.abs(referenceConsumption) : true;
}
