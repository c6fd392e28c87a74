/**
 * Share of defined replicate values strictly above a threshold, an estimate of P(X > threshold).
 *
 * NaN values are ignored (neither counted nor in the denominator). Counting is exact, so the
 * result does not depend on the order of the values.
 *
 * @param values - Replicate values.
 * @param threshold - Threshold in the unit of the values.
 * @returns A probability in [0, 1], or NaN when no value is defined.
 * @example
 * exceedanceProbability([1, 2, 3, NaN], 1.5); // 2/3
 */
export function exceedanceProbability(values: ArrayLike<number>, threshold: number): number {
  let defined = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) continue;
    defined++;
    if (x > threshold) above++;
  }
  return defined === 0 ? NaN : above / defined;
}
