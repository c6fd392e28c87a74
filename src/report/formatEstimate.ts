/**
 * A mean and its interval rounded to the same decimals, set by the interval: one significant digit
 * of its half-width, and at least the mean's three significant digits (tens or hundreds for large
 * means), trailing zeros kept. Rounded each on its own, 1.6905 (1.6862 to 1.6949) read "1.69 (1.69
 * to 1.7)": an end equal to the mean and a dropped zero; here it reads "1.691 (1.686 to 1.695)".
 * Where the interval reaches 0 (a difference that is not clear), the mean's digits mean nothing and the interval alone sets the decimals: two significant
 * digits of its half-width, never past units while it is under 1,000 (−0.4 (−310 to 290) reads "0 (−310
 * to 290)", not "−0.400 (−310.000 to 290.000)"; 163,378 (−252,619 to 579,376) reads "160,000 (−250,000 to
 * 580,000)"). Thousands are grouped; a value that rounds to zero is unsigned.
 *
 * @param mean - The estimate.
 * @param low - The interval's low end.
 * @param high - The interval's high end.
 * @returns The three as text (`n/a` for one that is not finite).
 * @example
 * formatEstimate(2.2134, 2.12, 2.305); // { mean: '2.21', low: '2.12', high: '2.31' }
 */
export function formatEstimate(mean: number, low: number, high: number): { mean: string; low: string; high: string } {
  const [m, l, h] = formatAtEstimateDecimals([mean, low, high], mean, low, high);
  return { mean: m, low: l, high: h };
}

/**
 * Further figures of the same sentence rounded to the decimals `formatEstimate` gives an estimate,
 * so that they read alike: the parts of a split whose only interval is the later part's
 * ("+62.80 t during, +3.10 t later (95% CI +2.40 t to +3.90 t)", not "+62.8 t during, +3.10 t later …").
 *
 * @param values - The figures to write.
 * @param mean - The estimate whose rounding they share.
 * @param low - Its interval's low end.
 * @param high - Its interval's high end.
 * @returns The figures as text, in order (`n/a` for one that is not finite), unsigned when positive.
 * @example
 * formatAlongsideEstimate([51.234, 62.8], 3.1, 2.4, 3.9); // ['51.23', '62.80']
 */
export function formatAlongsideEstimate(values: readonly number[], mean: number, low: number, high: number): string[] {
  return formatAtEstimateDecimals(values, mean, low, high);
}

/** `values` rounded to the decimals of the estimate (mean, low, high), grouped, a rounded zero unsigned. */
function formatAtEstimateDecimals(values: readonly number[], mean: number, low: number, high: number): string[] {
  const decimals = estimateDecimals(mean, low, high);
  const step = decimals < 0 ? 10 ** -decimals : 1;
  const digits = Math.max(0, decimals);
  return values.map((value) => {
    if (!Number.isFinite(value)) return 'n/a';
    const rounded = decimals < 0 ? Math.sign(value) * Math.round(Math.abs(value) / step) * step : value;
    const written = rounded.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });
    return /^-0(\.0*)?$/.test(written) ? written.slice(1) : written.replace(/^-/, '−');
  });
}

/** The decimals `formatEstimate` rounds to (negative: tens, hundreds…). */
function estimateDecimals(mean: number, low: number, high: number): number {
  const halfWidth = (high - low) / 2;
  const ofMean = mean === 0 || !Number.isFinite(mean) ? 0 : 2 - Math.floor(Math.log10(Math.abs(mean)));
  // Without an interval (a lone mean, or one of zero width) the mean's three significant digits alone: 524,639 reads 525,000.
  const ofInterval = halfWidth > 0 && Number.isFinite(halfWidth) ? -Math.floor(Math.log10(halfWidth)) : -Infinity;
  // Never past units for a half-width under 1,000 (+54 t beside (−310 to +290 t) stays 54); from there
  // two significant digits, as wide a figure's units are noise: +USD 163,378 (−USD 252,619 to
  // +USD 579,376) reads +USD 160,000 (−USD 250,000 to +USD 580,000).
  if (halfWidth > 0 && Number.isFinite(halfWidth) && low <= 0 && high >= 0) return Math.min(12, halfWidth >= 1000 ? ofInterval + 1 : Math.max(0, ofInterval + 1));
  // At most three decimals beyond the mean's own: an interval as narrow as rounding noise does not print 12 digits.
  // Negative decimals round to tens, hundreds…: 8,086 (7,125 to 9,048) reads 8,090 (7,130 to 9,050), the mean's three digits.
  return Math.min(12, Math.max(0, ofMean + 3), Math.max(ofMean, ofInterval));
}
