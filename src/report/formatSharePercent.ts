import { formatNumber } from './formatNumber.ts';
import { formatMultiple } from './formatMultiple.ts';

/** Shares whose size in percent is below this print as `<0.01%` (formatSharePercent). */
export const SMALLEST_SHARE_SHOWN = 0.0001;

/**
 * Formats a share (1 = 100%) as a percentage to `digits` significant digits, for a difference
 * against a level (`0.24%`, `0.0076%`); a share above 0 and under 0.01% reads `<0.01%` (`>−0.01%`
 * below 0), not `0.000000016%`, whose digits say nothing a reader can use. formatPercent rounds to
 * whole percents (`<1%`), for shares of demand and probabilities.
 *
 * @param share - The share.
 * @param digits - Significant digits (default 2).
 * @returns The text; "n/a" for NaN or ±Infinity.
 * @example
 * formatSharePercent(0.0024); // '0.24%'
 * formatSharePercent(1.6e-10); // '<0.01%'
 */
export function formatSharePercent(share: number, digits = 2): string {
  if (!Number.isFinite(share)) return 'n/a';
  if (share !== 0 && Math.abs(share) < SMALLEST_SHARE_SHOWN) return share > 0 ? '<0.01%' : '>−0.01%';
  return `${formatNumber(share * 100, digits).replace(/^-/, '−')}%`;
}

/** From this share of a level up, a difference reads as a multiple of it (formatShareOf). */
export const SHARE_READ_AS_MULTIPLE = 2;

/**
 * A difference's size against a level, in the form a reader takes in: a percentage of it
 * (`0.24% of 705,000 t`) up to twice the level, a multiple beyond (`15.0 times USD 10.7 million`):
 * "1,500% of USD 10.7 million" (sweep audit, session 33) made a reader count digits.
 *
 * @param share - |difference| ÷ level.
 * @param level - The level in words (`USD 10.7 million`, `the result at nominal values`).
 * @returns The phrase; `n/a of …` for a share that is not finite.
 * @example
 * formatShareOf(15, 'USD 10.7 million'); // '15.0 times USD 10.7 million'
 */
export function formatShareOf(share: number, level: string): string {
  // Decided on the percentage as it would print, so 1.99 is not '200% of' beside 2's '2.00 times'.
  if (Number.isFinite(share) && Number(Math.abs(share * 100).toPrecision(2)) >= SHARE_READ_AS_MULTIPLE * 100) return `${formatMultiple(share).replace('×', '')} times ${level}`;
  return `${formatSharePercent(share)} of ${level}`;
}
