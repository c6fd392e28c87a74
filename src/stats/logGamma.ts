const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0.
 *
 * Lanczos approximation with g = 7, n = 9 (Lanczos 1964; coefficients as in Press et al.,
 * Numerical Recipes, 3rd ed., §6.1, and Godfrey's tables), relative error below ~1e-14;
 * the reflection formula covers 0 < x < 0.5.
 *
 * @param x - Positive argument.
 * @returns ln Γ(x); NaN for x ≤ 0 or NaN.
 * @example
 * logGamma(5); // ln 24 ≈ 3.1780538303479458
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x < 0.5) {
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let series = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_G + 2; i++) series += LANCZOS_COEFFICIENTS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
}
