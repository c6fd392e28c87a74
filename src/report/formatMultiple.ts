/**
 * The one precision rule for a multiple (of a starting price, of home demand, of a level without
 * the disruptions) written on its own, without an interval: three significant figures with trailing
 * zeros kept, whole numbers grouped from 100 up, a true minus sign. "6.9×" beside "7.39×" in one
 * report (two rules: two significant figures in one sentence, three with trailing zeros dropped in
 * the next) read as a difference in precision that was not there (user audit, session 32). A mean
 * with its CI keeps `formatEstimate`'s rounding, set by the interval.
 *
 * @param value - The multiple.
 * @returns e.g. `6.90×`, `7.39×`, `0.929×`, `12.3×`, `1,240×`, `0×`; `n/a×` is never written: `n/a` for a value that is not finite.
 * @example
 * formatMultiple(6.9); // '6.90×'
 */
export function formatMultiple(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0×';
  const size = Math.abs(value);
  const digits = Number(size.toPrecision(3)) >= 100
    ? Math.round(size).toLocaleString('en-GB', { useGrouping: true })
    : Number(size.toPrecision(3)).toLocaleString('en-GB', { minimumFractionDigits: Math.max(0, 2 - Math.floor(Math.log10(Number(size.toPrecision(3))))), useGrouping: true });
  return `${value < 0 ? '−' : ''}${digits}×`;
}
