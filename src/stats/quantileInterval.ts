import { regularizedIncompleteBeta } from './regularizedIncompleteBeta.ts';

/** A distribution-free confidence interval of a quantile: two order statistics, NaN where the runs cannot bound it. */
export interface QuantileInterval {
  low: number;
  high: number;
}

/** P(B ≤ k) for B ~ Binomial(n, q): 0 below 0, 1 from n on. */
function binomialCdf(k: number, n: number, q: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return regularizedIncompleteBeta(1 - q, n - k, k + 1);
}

/** The smallest k in [from, to] with `holds(k)`, for a `holds` false then true; `to + 1` when none holds. */
function firstTrue(from: number, to: number, holds: (k: number) => boolean): number {
  let lo = from;
  let hi = to + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The distribution-free confidence interval of the q-quantile of the distribution the runs sample:
 * order statistics x₍l₎ and x₍u₎ with P(x₍l₎ ≤ ξ_q ≤ x₍u₎) ≥ level for any continuous distribution,
 * since the number of runs below ξ_q is Binomial(n, q) (Hahn & Meeker, Statistical Intervals, §5.2):
 * l is the largest rank with P(B < l) ≤ (1 − level)/2 and u the smallest with P(B ≥ u) ≤ (1 − level)/2.
 * Too few runs to bound a tail give NaN on that side: at 30 runs the 5th percentile has no lower
 * bound at 95% (P(B = 0) = 0.215 > 0.025); from 72 runs on it has one. It is how far the Monte Carlo
 * estimate of a percentile may be from the percentile of the model itself, which p5…p95 do not say.
 *
 * @param sorted - The runs' values, sorted ascending, without NaN.
 * @param q - The quantile's probability, in (0, 1).
 * @param level - Confidence level; default 0.95.
 * @returns The interval, in the values' unit.
 * @example
 * quantileInterval(Float64Array.from({ length: 100 }, (_, i) => i + 1), 0.05); // { low: 1, high: 11 }
 */
export function quantileInterval(sorted: ArrayLike<number>, q: number, level = 0.95): QuantileInterval {
  const n = sorted.length;
  const tail = (1 - level) / 2;
  if (n === 0 || !(q > 0 && q < 1) || !(tail > 0 && tail < 0.5)) return { low: NaN, high: NaN };
  const { low, high } = intervalRanks(n, q, tail);
  return { low: low >= 1 ? sorted[low - 1] : NaN, high: high <= n ? sorted[high - 1] : NaN };
}

/** Ranks by (n, q, tail): the same for every metric of a run, so each is searched once (a summary has hundreds of metrics). */
const RANKS = new Map<string, { low: number; high: number }>();

/** The 1-based ranks l and u of {@link quantileInterval}; l = 0 or u = n + 1 where the runs cannot bound that side. */
function intervalRanks(n: number, q: number, tail: number): { low: number; high: number } {
  const key = `${n}:${q}:${tail}`;
  let ranks = RANKS.get(key);
  if (ranks === undefined) {
    ranks = {
      low: firstTrue(1, n, (k) => binomialCdf(k - 1, n, q) > tail) - 1,
      high: firstTrue(1, n, (k) => binomialCdf(k - 1, n, q) >= 1 - tail),
    };
    if (RANKS.size > 10_000) RANKS.clear();
    RANKS.set(key, ranks);
  }
  return ranks;
}
