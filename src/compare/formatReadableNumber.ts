const FORMAT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });

/**
 * A number for a terminal table: three significant digits, compact suffixes (K, M, B, T),
 * locale-independent; `–` for NaN (undefined).
 *
 * @param value - The number.
 * @returns Its short text.
 * @example
 * formatReadableNumber(1234567); // '1.23M'
 * formatReadableNumber(-0.012345); // '-0.0123'
 */
export function formatReadableNumber(value: number): string {
  if (Number.isNaN(value)) return '–';
  return FORMAT.format(value === 0 ? 0 : value);
}
