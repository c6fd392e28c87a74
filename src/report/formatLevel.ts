import { formatNumber } from './formatNumber.ts';

/** A parameter level as people read it: numbers to three significant digits, text (e.g. `25%`) as written. */
export function formatLevel(level: number | string): string {
  return typeof level === 'number' ? formatNumber(level) : level;
}
