import { splitMix32 } from './sfc32.ts';

/**
 * A counter-based uniform draw in [0, 1): a pure function of (key, a, b, c), with no stream state.
 * Decisions that are made a varying number of times (one per live firm, per election, per
 * discovery) use it so that a scenario change in one place does not shift the random numbers
 * everywhere else: two strategies compared on common random numbers then see the same draws for
 * the same decision. `key` comes from `hashKey(seed, replicate, name)`.
 */
export function hashUniform(key: number, a: number, b: number, c: number): number {
  let h = splitMix32(key ^ Math.imul(a + 1, 0x9e3779b1));
  h = splitMix32(h ^ Math.imul(b + 1, 0x85ebca77));
  h = splitMix32(h ^ Math.imul(c + 1, 0xc2b2ae3d));
  return h / 4294967296;
}

/** The key of one named decision family of one replicate, for {@link hashUniform}. */
export function hashKey(masterSeed: number, replicate: number, name: string): number {
  let h = splitMix32((masterSeed >>> 0) ^ splitMix32(Math.floor(masterSeed / 4294967296) >>> 0));
  h = splitMix32(h ^ (replicate >>> 0));
  for (let i = 0; i < name.length; i++) h = splitMix32(h ^ name.charCodeAt(i));
  return h;
}
