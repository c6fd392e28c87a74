/**
 * A seedable pseudo-random generator, passed first to every random helper and mutated in place.
 * The engine never touches `Math.random`.
 */
export interface Rng {
  /** Next uniform draw in [0, 1) with 32 bits of resolution. */
  nextFloat(): number;
  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number;
}
