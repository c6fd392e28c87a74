/**
 * Formats a number for CSV: the shortest string that round-trips (`String(x)`, locale-free),
 * and the empty field for NaN and ±Infinity (undefined: never a literal `Infinity`, which CSV
 * readers would take for text). −0 is written as `0`.
 *
 * @param value - The number.
 * @returns The field text (never needs quoting).
 * @example
 * formatCsvNumber(0.1 + 0.2); // '0.30000000000000004'
 * formatCsvNumber(NaN); // ''
 * formatCsvNumber(Infinity); // ''
 */
export function formatCsvNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}
