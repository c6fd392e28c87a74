import type { MassUnit } from './chooseMassUnit.ts';
import { formatSignedTonnesEstimate } from './formatAmountEstimate.ts';
import { formatDifference } from './formatDifference.ts';

/**
 * The later part of a split paired difference in words: `+116 t later (95% CI +69 t to +162 t)`, the
 * three rounded alike; without its interval (an older folder's over-time.csv) the bare difference.
 *
 * @param after - The paired difference summed from a year past the events to the run's end, tonnes.
 * @param afterCi - Its 95% interval, when the folder has it.
 * @param unit - The mass unit of the sentence it goes in.
 * @returns The part, for a list of parts.
 * @example
 * describeLater(116, { low: 69.2, high: 162 }, 't'); // '+116 t later (95% CI +69 t to +162 t)'
 */
export function describeLater(after: number, afterCi: { low: number; high: number } | undefined, unit: MassUnit): string {
  if (afterCi === undefined) return `${formatDifference(after, 't', unit)} later`;
  const shown = formatSignedTonnesEstimate(after, afterCi.low, afterCi.high, unit);
  return `${shown.mean} later (95% CI ${shown.low} to ${shown.high})`;
}
