import { Sfc32, splitMix32 } from './sfc32.ts';

/** 32-bit FNV-1a hash of a stream name. */
export function hashStreamName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Creates the random stream named `streamName` of replicate `replicate` under `masterSeed`.
 * A replicate's draws depend only on these three values, never on which worker, shard or machine
 * runs it. Example: `createStream(42, 7, 'cyber')`.
 * @param masterSeed - the run's seed (any safe integer; folded to 2 × 32 bits)
 * @param replicate - replicate index, 0-based
 * @param streamName - one name per source of randomness (`parameters`, `cyber`, `elections`, …)
 */
export function createStream(masterSeed: number, replicate: number, streamName: string): Sfc32 {
  const seedLow = masterSeed >>> 0;
  const seedHigh = Math.floor(masterSeed / 4294967296) >>> 0;
  let state = splitMix32(seedLow ^ splitMix32(seedHigh));
  state = splitMix32(state ^ (replicate >>> 0));
  state = splitMix32(state ^ hashStreamName(streamName));
  const a = splitMix32(state);
  const b = splitMix32(a);
  const c = splitMix32(b);
  const d = splitMix32(c);
  return new Sfc32(a, b, c, d);
}
