import { nearZeroFloor } from '../stress/nearZeroFloor.ts';

/**
 * One rounding rule for a column of stress figures (table and chart alike): three significant
 * figures, signed, except that a figure smaller in size than the column's floor (a thousandth of
 * its largest mean's order of magnitude) is not printed as a long decimal: `≈ 0`.
 *
 * @param largest - The largest absolute mean of the column (in the shown unit).
 * @returns The floor and a formatter.
 * @example
 * const f = createStressFigureFormat(0.533); // floor 0.0001
 * f.format(0.0000000331); // '≈ 0'
 * f.format(1502); // '+1,500'
 * f.format(0.58); // '+0.580'
 */
export function createStressFigureFormat(largest: number): { floor: number; format: (value: number, signed?: boolean) => string; floorText: string } {
  const floor = nearZeroFloor(largest);
  const format = (value: number, signed = true): string => {
    if (!Number.isFinite(value)) return 'n/a';
    if (value === 0) return '0';
    if (Math.abs(value) < floor) return '≈ 0';
    // Three significant figures with their trailing zeros (`0.580`, `+0.100`), so a column reads alike.
    const text = value.toLocaleString('en-GB', { minimumSignificantDigits: 3, maximumSignificantDigits: 3, useGrouping: true }).replace('-', '−');
    return signed && value > 0 ? `+${text}` : text;
  };
  return { floor, format, floorText: floor.toLocaleString('en-GB', { maximumFractionDigits: 20 }) };
}
