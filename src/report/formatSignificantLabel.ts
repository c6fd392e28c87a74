/**
 * A chart label of a value to three significant figures, trailing zeros kept, so every label of
 * one chart shows the same precision ("2.30" beside "1.71", not "2.3"; audit of the charts).
 * Values of 1,000 and more are written whole (no exponent); a value that is not finite gives ''.
 *
 * @param value - The value.
 * @returns The label text.
 * @example
 * formatSignificantLabel(2.3011); // '2.30'
 */
export function formatSignificantLabel(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Math.abs(value) >= 1000) return String(Math.round(value));
  // toPrecision keeps the trailing zeros that String(Number(…)) dropped; -0 would print as "0.00" anyway.
  return value.toPrecision(3);
}
