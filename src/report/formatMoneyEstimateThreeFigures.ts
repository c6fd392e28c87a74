import { type EstimateText, formatMoneyEstimate } from './formatAmountEstimate.ts';

/**
 * `formatMoneyEstimate`, with an interval's end that is larger than the mean by a power of ten or
 * more kept to three significant digits: "USD 4,290 (95% CI USD 2,370 to USD 22,600)", not "… to USD
 * 22,550". formatMoneyEstimate rounds the three to the mean's decimals (tens here), which gives an
 * end five times the mean a fourth digit that a wide interval does not support (its half-width,
 * about 10,000, is uncertain in the thousands); the report's rule for such figures is three
 * significant digits, as `crm-sim compare` prints them (22.6K). An end is capped only when the
 * interval is wide at its scale (its half-width's leading digit at or above the end's third digit),
 * so that a narrow interval keeps the digits that tell its ends apart ("1.691 (1.686 to 1.695)"),
 * and only for a clear interval (one that reaches 0 sets its own decimals already). The three keep
 * the mean's decimals, so a capped end with decimals ends in a zero ("USD 4.29 (… to USD 22.60)"):
 * no digit past the third but a zero, and the decimals alike. Used for the compare report's per-kg
 * figures (answer box and "What the extra spending buys", so that both write an interval alike)
 * and the box's other money intervals.
 *
 * @param mean - The estimate, USD.
 * @param low - The interval's low end, USD.
 * @param high - The interval's high end, USD.
 * @returns The three as text, as formatMoneyEstimate's.
 * @example
 * formatMoneyEstimateThreeFigures(4286, 2372, 22552).high; // 'USD 22,600'
 */
export function formatMoneyEstimateThreeFigures(mean: number, low: number, high: number): EstimateText {
  const clear = [mean, low, high].every(Number.isFinite) && mean !== 0 && (low > 0 || high < 0);
  if (!clear) return formatMoneyEstimate(mean, low, high);
  const halfWidth = (high - low) / 2;
  const step = (v: number): number => 10 ** Math.floor(Math.log10(Math.abs(v)));
  const capped = (end: number): boolean => {
    const third = step(end) / 100; // the end's third significant digit
    // Only past the mean's own three digits (formatMoneyEstimate's decimals), where the interval is that wide.
    return end !== 0 && third > step(mean) / 100 && halfWidth > 0 && step(halfWidth) >= third;
  };
  // Rounded to three digits, then written at the mean's decimals (formatMoneyEstimate's): a fourth digit
  // is then a zero (USD 22.60 beside USD 4.29), the decimals of the three alike, as "USD 80.0 to USD 100.0".
  return formatMoneyEstimate(mean, capped(low) ? Number(low.toPrecision(3)) : low, capped(high) ? Number(high.toPrecision(3)) : high);
}
