import { regularizedIncompleteBeta } from './regularizedIncompleteBeta.ts';

/**
 * The exact two-sided McNemar p-value of paired yes/no outcomes: with `onlyFirst` pairs where only
 * the first arm is "yes" and `onlySecond` where only the second is, the chance under "both arms have
 * the same probability" of a split at least this uneven, 2·P(X ≤ min(b, c)) for X ~ Binomial(b + c, ½),
 * capped at 1 (1 with no discordant pair). Pairs where both arms agree say nothing about a change.
 *
 * @param onlyFirst - Discordant pairs with the first arm's outcome only (b).
 * @param onlySecond - Discordant pairs with the second arm's outcome only (c).
 * @returns The p-value in [0, 1].
 * @example
 * mcnemarExactPValue(0, 6); // 0.03125 (2 × 0.5⁶)
 */
export function mcnemarExactPValue(onlyFirst: number, onlySecond: number): number {
  const m = onlyFirst + onlySecond;
  const k = Math.min(onlyFirst, onlySecond);
  if (m === 0 || k === m / 2) return 1;
  return Math.min(1, 2 * binomialHalfCdf(k, m));
}

/** P(X ≤ k) for X ~ Binomial(m, ½): summed term by term while 2^−m is representable (exact where the p-value is near 1), else the incomplete beta. */
function binomialHalfCdf(k: number, m: number): number {
  if (m > 1000) return regularizedIncompleteBeta(0.5, m - k, k + 1);
  let term = 2 ** -m;
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= (m - i + 1) / i;
    sum += term;
  }
  return sum;
}
