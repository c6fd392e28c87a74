import type { MassUnit } from './chooseMassUnit.ts';
import { formatQuantity } from './formatQuantity.ts';

/** A signed number, then the unit that follows it (if any). */
const NUMBER_THEN_UNIT = /^([+−-]?[\d.,]+)(\D.*)?$/;

/**
 * A difference's 95% CI with signed ends, the unit written once when it is a plain suffix:
 * `+1.08 to +2.42 t`, `−0.469 to −0.431× the starting price`, `+USD 106 million to +USD 127 million`.
 *
 * @param low - Lower end.
 * @param high - Upper end.
 * @param unit - Unit as in `comparison.json`.
 * @param massUnit - For unit `t`: the unit to write both ends in; default: each end's own.
 * @returns The interval, or `n/a`.
 * @example
 * formatDifferenceRange(1.08, 2.42, 't'); // '+1.08 to +2.42 t'
 */
export function formatDifferenceRange(low: number, high: number, unit: string, massUnit?: MassUnit): string {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return 'n/a';
  const a = formatDifference(low, unit, massUnit);
  const b = formatDifference(high, unit, massUnit);
  // Write a unit both ends share once ('−0.469 to −0.431× the starting price'); keep both when they
  // differ ('−800 g to +1.2 kg') or when the unit comes first ('USD …').
  const ends = [NUMBER_THEN_UNIT.exec(a), NUMBER_THEN_UNIT.exec(b)];
  if (ends[0] !== null && ends[1] !== null && ends[0][2] !== undefined && ends[0][2] === ends[1][2]) return `${ends[0][1]} to ${b}`;
  return `${a} to ${b}`;
}

/**
 * Formats a difference with its sign always shown (`+1.75 t`, `−0.45× base`, `+USD 117 million`,
 * `0 t`), so a reader never has to guess which way it goes.
 *
 * @param value - The difference.
 * @param unit - Its unit as in `comparison.json` (`t`, `weeks`, `x base`, `USD`, `share`).
 * @param massUnit - For unit `t`: the unit to write it in; default: chosen from the value.
 * @returns The signed quantity, or `n/a`.
 * @example
 * formatDifference(1.75, 't'); // '+1.75 t'
 */
export function formatDifference(value: number, unit: string, massUnit?: MassUnit): string {
  if (!Number.isFinite(value)) return 'n/a';
  const size = formatQuantity(Math.abs(value), unit, massUnit);
  return value === 0 ? size : `${value > 0 ? '+' : '−'}${size}`;
}
