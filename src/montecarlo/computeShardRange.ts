import type { ReplicateChunk } from './planReplicateChunks.ts';

/** Shard k (1-based) of K, as given on the command line (`--shard k/K`). */
export interface ShardSpec {
  index: number;
  count: number;
}

/**
 * The contiguous replicate range of shard k of K in a run of N replicates:
 * [⌊(k−1)·N/K⌋, ⌊k·N/K⌋). The K ranges tile 0…N−1 exactly; sizes differ by at most one
 * (a shard may be empty when K > N).
 *
 * @param replicates - N, replicates of the whole run (integer ≥ 0).
 * @param shard - k and K, 1 ≤ k ≤ K.
 * @returns The range as a chunk.
 * @throws RangeError on a malformed shard.
 * @example
 * computeShardRange(10, { index: 2, count: 3 }); // { firstReplicate: 3, replicateCount: 3 }
 */
export function computeShardRange(replicates: number, shard: ShardSpec): ReplicateChunk {
  const { index, count } = shard;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 1 || index > count) {
    throw new RangeError(`shard must be k/K with integers 1 ≤ k ≤ K, got ${index}/${count}`);
  }
  const first = Math.floor(((index - 1) * replicates) / count);
  const end = Math.floor((index * replicates) / count);
  return { firstReplicate: first, replicateCount: end - first };
}

/**
 * Parses `k/K` (e.g. `2/4`).
 *
 * @param text - The option value.
 * @returns The shard, or undefined when the text is not of that form with 1 ≤ k ≤ K.
 * @example
 * parseShardSpec('2/4'); // { index: 2, count: 4 }
 */
export function parseShardSpec(text: string): ShardSpec | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (match === null) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count ? { index, count } : undefined;
}
