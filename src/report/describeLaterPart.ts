import type { MassUnit } from './chooseMassUnit.ts';
import { formatSignedTonnesAlongside, formatSignedTonnesEstimate } from './formatAmountEstimate.ts';
import { formatDifference } from './formatDifference.ts';
import type { GainSplit } from './splitGainByWindow.ts';

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

/** The figures of a split's sentence, each signed, with its unit. */
export interface SplitFigures {
  total: string;
  before: string;
  during: string;
  /** The later part with its interval, as `describeLater` writes it. */
  later: string;
}

/**
 * A split's total and parts as one sentence writes them: where the later part has an interval (the
 * only one in the sentence), the total and the before and during parts take its decimals
 * (`formatSignedTonnesAlongside`), so "+51.20 t on average: −11.60 t before …, +3.10 t later (95% CI
 * +2.40 t to +3.90 t)" reads alike, not "+51.2 t … +3.10 t later"; without it, each its own
 * three significant digits.
 *
 * @param split - From `splitGainByWindow`.
 * @param unit - The mass unit of the sentence.
 * @returns The four figures as text.
 * @example
 * formatSplitFigures(split, 't').during; // '+62.80 t'
 */
export function formatSplitFigures(split: GainSplit, unit: MassUnit): SplitFigures {
  const later = describeLater(split.after, split.afterCi, unit);
  if (split.afterCi === undefined) {
    const [total, before, during] = [split.total, split.before, split.during].map((v) => formatDifference(v, 't', unit));
    return { total, before, during, later };
  }
  const [total, before, during] = formatSignedTonnesAlongside([split.total, split.before, split.during], split.after, split.afterCi.low, split.afterCi.high, unit);
  return { total, before, during, later };
}
