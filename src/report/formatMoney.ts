import { formatNumber } from './formatNumber.ts';

/**
 * Formats an amount of US dollars with a word for its size: `USD 5.05 billion`, `USD 12.3 million`.
 *
 * @param usd - Amount in USD.
 * @returns The text; "n/a" for NaN.
 * @example
 * formatMoney(5_053_766_074); // 'USD 5.05 billion'
 */
export function formatMoney(usd: number): string {
  if (!Number.isFinite(usd)) return 'n/a';
  const size = Math.abs(usd);
  if (size >= 1e9) return `USD ${formatNumber(usd / 1e9)} billion`;
  if (size >= 1e6) return `USD ${formatNumber(usd / 1e6)} million`;
  return `USD ${formatNumber(usd)}`;
}
