import { logGamma } from './logGamma.ts';
import { normalQuantile } from './normalQuantile.ts';
import { studentTUpperTail } from './studentTUpperTail.ts';

/** Above this many degrees of freedom the Cornish–Fisher expansion is exact to double precision. */
const LARGE_DF = 1e5;
const MAX_ITERATIONS = 200;

/**
 * Quantile (inverse CDF) of Student's t distribution with df degrees of freedom.
 *
 * Closed forms for df = 1 and 2; otherwise a Cornish–Fisher start (Abramowitz & Stegun 26.7.5)
 * refined by bracketed Newton iteration on the upper tail P(T > t), computed through the
 * regularized incomplete beta function. For df ≥ 1e5 (and df = Infinity) the expansion alone is
 * used. Agrees with tabulated values, e.g. t(0.975, 10) = 2.228138851986….
 *
 * @param p - Probability in [0, 1].
 * @param df - Degrees of freedom, > 0 (need not be an integer; Infinity gives the normal quantile).
 * @returns t with P(T ≤ t) = p; ±Infinity at 0 and 1.
 * @throws RangeError if p is outside [0, 1] or df is not positive.
 * @example
 * studentTQuantile(0.975, 30); // ≈ 2.0422724563012
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  if (!(df > 0)) throw new RangeError(`studentTQuantile: df must be > 0, got ${df}`);
  if (p === 0.5) return 0;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const sign = p < 0.5 ? -1 : 1;
  const tail = p < 0.5 ? p : 1 - p;
  return sign * upperTailQuantile(tail, df);
}

/** Positive t with P(T > t) = tail, for 0 < tail < 0.5. */
function upperTailQuantile(tail: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * tail);
  if (df === 2) return (1 - 2 * tail) * Math.sqrt(1 / (2 * tail * (1 - tail)));
  const start = cornishFisher(-normalQuantile(tail), df);
  if (df >= LARGE_DF) return start;
  let low = 0;
  let high = Math.max(2 * start, 1);
  while (studentTUpperTail(high, df) > tail) {
    low = high;
    high *= 2;
  }
  const logDensityConstant =
    logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  let t = start > low && start < high ? start : (low + high) / 2;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const excess = studentTUpperTail(t, df) - tail;
    if (excess === 0) return t;
    if (excess > 0) low = t;
    else high = t;
    const density = Math.exp(logDensityConstant - ((df + 1) / 2) * Math.log1p((t * t) / df));
    let next = t + excess / density;
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - t) <= 1e-15 * t || high - low <= 1e-15 * high) return next;
    t = next;
  }
  return t;
}

/** Cornish–Fisher expansion of the t quantile from the normal quantile z (A&S 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}
