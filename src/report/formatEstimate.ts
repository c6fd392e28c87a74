/**
 * A mean and its interval rounded to the same decimals, set by the interval: one significant digit
 * of its half-width, and at least the mean's three significant digits (tens or hundreds for large
 * means), trailing zeros kept. Rounded
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
  // Negative decimals round to tens, hundreds…: 8,086 (7,125 to 9,048) reads 8,090 (7,130 to 9,050), the mean's three digits.
  const decimals = Math.min(12, ofMean + 3, Math.max(ofMean, ofInterval));
  const step = decimals < 0 ? 10 ** -decimals : 1;
  const text = (value: number): string => (Number.isFinite(value)
    ? (decimals < 0 ? Math.sign(value) * Math.round(Math.abs(value) / step) * step : value).toLocaleString('en-GB', { minimumFractionDigits: Math.max(0, decimals), maximumFractionDigits: Math.max(0, decimals), useGrouping: true }).replace(/^-/, '−').replace(/^−0$/, '0')
    : 'n/a');
  return { mean: text(mean), low: text(low), high: text(high) };
}
