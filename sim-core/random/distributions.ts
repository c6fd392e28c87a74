import type { Rng } from './rng.ts';

/** Standard normal draw (Box–Muller; the second value is discarded for simplicity of state). */
export function drawStandardNormal(rng: Rng): number {
  let u = rng.nextFloat();
  while (u === 0) u = rng.nextFloat();
  const v = rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Lognormal draw with the given median and log-scale sigma. */
export function drawLognormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * drawStandardNormal(rng));
}

/**
 * Lognormal draw with the given mean and coefficient of variation (cv ≥ 0; cv = 0 returns the mean).
 */
export function drawLognormalMeanCv(rng: Rng, mean: number, cv: number): number {
  if (cv <= 0) return mean;
  const sigma2 = Math.log(1 + cv * cv);
  return mean * Math.exp(Math.sqrt(sigma2) * drawStandardNormal(rng) - sigma2 / 2);
}

/** Triangular draw on [min, max] with the given mode (inverse CDF). */
export function drawTriangular(rng: Rng, min: number, mode: number, max: number): number {
  if (max <= min) return min;
  const u = rng.nextFloat();
  const split = (mode - min) / (max - min);
  return u < split
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Poisson draw by inverting the CDF at one uniform u ∈ [0, 1) (one draw per decision, for common random numbers). */
export function poissonFromUniform(u: number, mean: number): number {
  if (mean <= 0) return 0;
  let k = 0;
  let p = Math.exp(-mean);
  let cumulative = p;
  while (u >= cumulative && k < 1000) {
    k++;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

/** Standard normal from two uniforms (Box–Muller). */
export function normalFromUniforms(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
}

/** Lognormal with the given mean and coefficient of variation, from two uniforms. */
export function lognormalFromUniforms(u1: number, u2: number, mean: number, cv: number): number {
  if (cv <= 0) return mean;
  const sigma2 = Math.log(1 + cv * cv);
  return mean * Math.exp(Math.sqrt(sigma2) * normalFromUniforms(u1, u2) - sigma2 / 2);
}
