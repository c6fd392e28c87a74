import { chooseMassUnit, PER_TONNE, type MassUnit } from './chooseMassUnit.ts';
import { formatNumber } from './formatNumber.ts';

/**
 * Formats a mass given in tonnes in the unit a reader takes in at a glance: tonnes from 1 t up,
 * kilograms below (`28.6 kg`, not `0.0286 t`), grams below 1 kg; or in the unit given, when the
 * mass is one of several written alike (see `chooseMassUnit`).
 *
 * @param tonnes - Mass in tonnes (may be negative).
 * @param unit - The unit to write it in; default: chosen from the mass itself.
 * @returns e.g. `14.6 t`, `28.6 kg`, `0 t`, `0.748 t` (unit `t`); "n/a" for NaN.
 * @example
 * formatTonnes(0.0286); // '28.6 kg'
 * formatTonnes(0.0286, 't'); // '0.0286 t'
 */
export function formatTonnes(tonnes: number, unit: MassUnit = chooseMassUnit([tonnes])): string {
  if (!Number.isFinite(tonnes)) return 'n/a';
  return `${formatNumber(tonnes * PER_TONNE[unit])} ${unit}`;
}
