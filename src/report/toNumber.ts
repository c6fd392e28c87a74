/**
 * Reads a number from JSON: finite numbers pass, `null`, missing values, non-numbers and
 * non-finite numbers become NaN (crm-sim writes undefined statistics as `null`).
 *
 * @param value - A parsed JSON value.
 * @returns The number, or NaN.
 * @example
 * toNumber(null); // NaN
 */
export function toNumber(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : NaN;
}
