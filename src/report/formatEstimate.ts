/**
 * A mean and its interval rounded to the same decimals, set by the interval: one significant digit
 * of its half-width, and at least the mean's three significant digits, trailing zeros kept. Rounded
 * each on its own, 1.6905 (1.6862 to 1.6949) read "1.69 (1.69 to 1.7)": an end equal to the mean and
 * a dropped zero; here it reads "1.691 (1.686 to 1.695)". Thousands are grouped.
 *
 * @param mean - The estimate.
 * @param low - The interval's low end.
 * @param high - The interval's high end.
 * @returns The three as text (`n/a` for one that is not finite).
 * @example
 * formatEstimate(2.2134, 2.12, 2.305); // { mean: '2.21', low: '2.12', high: '2.31' }
 */
export function formatEstimate(mean: number, low: number, high: number): { mean: string; low: string; high: string } {
  const halfWidth = (high - low) / 2;
  const ofMean = mean === 0 || !Number.isFinite(mean) ? 0 : 2 - Math.floor(Math.log10(Math.abs(mean)));
  const ofInterval = halfWidth > 0 && Number.isFinite(halfWidth) ? -Math.floor(Math.log10(halfWidth)) : 0;
  // At most three decimals beyond the mean's own: an interval as narrow as rounding noise does not print 12 digits.
  const decimals = Math.min(12, ofMean + 3, Math.max(0, ofMean, ofInterval));
  const text = (value: number): string => (Number.isFinite(value)
    ? value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true }).replace(/^-/, '−')
    : 'n/a');
  return { mean: text(mean), low: text(low), high: text(high) };
}
