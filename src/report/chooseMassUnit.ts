/** A unit a mass given in tonnes can be written in. */
export type MassUnit = 't' | 'kg' | 'g';

/** How many of each unit make one tonne. */
export const PER_TONNE: Readonly<Record<MassUnit, number>> = { t: 1, kg: 1000, g: 1e6 };

/**
 * The one unit to write several masses in that a reader compares (a table row, a mean with its
 * interval): the unit of the largest of them, so it reads at least 1 in that unit: tonnes from
 * 1 t up, kilograms below, grams below 1 kg. Mixing (`7.65 t | +748 kg`) makes them hard to compare.
 *
 * @param tonnes - The masses, in tonnes (NaN and ±Infinity are ignored).
 * @returns `t` (also when every mass is 0 or none is finite), `kg` or `g`.
 * @example
 * chooseMassUnit([7.65, 8.4, 0.748]); // 't'
 * chooseMassUnit([0.0415, 0]); // 'kg'
 */
export function chooseMassUnit(tonnes: readonly number[]): MassUnit {
  const largest = Math.max(0, ...tonnes.filter(Number.isFinite).map(Math.abs));
  if (largest === 0 || largest >= 1) return 't';
  return largest >= 0.001 ? 'kg' : 'g';
}
