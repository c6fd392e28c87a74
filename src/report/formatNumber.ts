/**
 * Formats a number for people: three significant digits, thousands separators, no exponent,
 * locale fixed (en-GB) so reports are identical on every machine; "n/a" for NaN or ±Infinity.
 *
 * @param value - The number.
 * @param digits - Significant digits (default 3).
 * @returns The text, e.g. `12,300` or `0.0457`.
 * @example
 * formatNumber(12345.6); // '12,300'
 */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(digits));
  return rounded.toLocaleString('en-GB', { maximumFractionDigits: 20, useGrouping: true });
}
