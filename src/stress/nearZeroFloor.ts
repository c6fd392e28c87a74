/**
 * The size below which a stress figure prints as `≈ 0` (`~0` on stdout) rather than as a long
 * decimal: a thousandth of the order of magnitude (power of ten) of the column's largest absolute
 * mean, 0 when there is none. One rule for stdout's table, the report's table and its chart.
 *
 * @param largest - The largest absolute mean of the column, in the unit shown.
 * @example nearZeroFloor(0.533) // 0.0001 (0.533's power of ten is 0.1)
 */
export function nearZeroFloor(largest: number): number {
  return largest > 0 && Number.isFinite(largest) ? Number(`1e${Math.floor(Math.log10(largest)) - 3}`) : 0;
}

/** What {@link nearZeroFloor} is, for legends. */
export const NEAR_ZERO_FLOOR_RULE = "a thousandth of the column's largest figure, rounded down to a power of ten";
