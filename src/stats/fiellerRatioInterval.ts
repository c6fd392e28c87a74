import { studentTQuantile } from './studentTQuantile.ts';

/** A ratio of two means and its confidence interval. */
export interface RatioInterval {
  /** Pairs used (both values defined). */
  n: number;
  /** mean(x) / mean(y). */
  ratio: number;
  /** Bounds of the interval; NaN when it is unbounded (see {@link fiellerRatioInterval}). */
  low: number;
  high: number;
}

/**
 * Confidence interval of mean(x) / mean(y) from paired samples, by Fieller's theorem: the set of
 * ratios R for which mean(x) − R·mean(y) is not significantly different from 0 (t test with n − 1
 * degrees of freedom, using the samples' covariance). The interval is bounded only when mean(y)
 * is itself significantly different from 0; otherwise the ratio can be anything and `low`/`high`
 * are NaN. Unlike a delta-method interval it stays honest when the denominator is small, which
 * is the case that matters for a cost per tonne of shortage avoided. Pairs with a NaN are left out.
 *
 * @param x - Numerator per pair (e.g. extra policy cost, USD).
 * @param y - Denominator per pair (e.g. tonnes of shortage avoided), same length.
 * @param level - Confidence level; default 0.95.
 * @returns The ratio and interval (all NaN with fewer than 2 pairs).
 * @throws RangeError when x and y differ in length.
 * @example
 * fiellerRatioInterval([10, 12, 11], [1, 1.2, 1.1]); // ratio 10, a tight interval around it
 */
export function fiellerRatioInterval(x: ArrayLike<number>, y: ArrayLike<number>, level = 0.95): RatioInterval {
  if (x.length !== y.length) throw new RangeError(`fiellerRatioInterval: ${x.length} numerators against ${y.length} denominators`);
  let n = 0, sumX = 0, sumY = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    n++; sumX += x[i]; sumY += y[i];
  }
  if (n < 2) return { n, ratio: n === 0 ? NaN : sumX / sumY, low: NaN, high: NaN };
  const mx = sumX / n, my = sumY / n;
  let sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    sxx += (x[i] - mx) ** 2; syy += (y[i] - my) ** 2; sxy += (x[i] - mx) * (y[i] - my);
  }
  // t² times the variances and covariance of the two means.
  const t2 = studentTQuantile(0.5 + level / 2, n - 1) ** 2 / (n * (n - 1));
  const a = my * my - t2 * syy;
  const b = mx * my - t2 * sxy;
  const c = mx * mx - t2 * sxx;
  const ratio = mx / my;
  if (!(a > 0)) return { n, ratio, low: NaN, high: NaN };
  // With a > 0 the discriminant is ≥ 0 in exact arithmetic; rounding can take it just below.
  const root = Math.sqrt(Math.max(0, b * b - a * c));
  return { n, ratio, low: (b - root) / a, high: (b + root) / a };
}
