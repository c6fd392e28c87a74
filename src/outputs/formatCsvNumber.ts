/**
 * Formats a number for CSV: the shortest string that round-trips (`String(x)`, locale-free),
 * and the empty field for NaN (undefined). −0 is written as `0`; ±Infinity as `Infinity`/`-Infinity`.
 *
 * @param value - The number.
 * @returns The field text (never needs quoting).
 * @example
 * formatCsvNumber(0.1 + 0.2); // '0.30000000000000004'
 * formatCsvNumber(NaN); // ''
 */
export function formatCsvNumber(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}
