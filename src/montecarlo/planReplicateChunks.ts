/** A contiguous range of replicate indices. */
export interface ReplicateChunk {
  firstReplicate: number;
  replicateCount: number;
}

/**
 * Splits replicates 0…replicates−1 into contiguous chunks, in index order.
 *
 * By default chunks shrink as the run nears its end (guided self-scheduling): each takes
 * ⌈remaining / (workers · 4)⌉ replicates (at least 1). The first chunk has the size a fixed plan
 * would give every chunk (about four per worker), so early chunks pay few messages, and the last
 * ones are single replicates, so workers run out of work within about a replicate of each other
 * instead of one waiting for another's last whole chunk. Workers = 0 (inline) plans as for one worker.
 * Results do not depend on the plan (they are merged by replicate index).
 *
 * @param replicates - Number of replicates (integer ≥ 0).
 * @param workers - Number of pool workers (integer ≥ 0).
 * @param chunkSize - Replicates per chunk (integer ≥ 1): every chunk that size, the last one maybe
 *   shorter; default the shrinking plan above.
 * @returns The chunks, covering every index exactly once.
 * @example
 * planReplicateChunks(10, 2); // sizes 2,1,1,1,1,1,1,1,1
 */
export function planReplicateChunks(
  replicates: number,
  workers: number,
  chunkSize?: number,
): ReplicateChunk[] {
  if (chunkSize !== undefined && (!Number.isInteger(chunkSize) || chunkSize < 1)) {
    throw new RangeError(`chunkSize must be an integer ≥ 1, got ${chunkSize}`);
  }
  const share = Math.max(1, workers) * 4;
  const chunks: ReplicateChunk[] = [];
  for (let first = 0; first < replicates; ) {
    const remaining = replicates - first;
    const size = Math.min(remaining, chunkSize ?? Math.max(1, Math.ceil(remaining / share)));
    chunks.push({ firstReplicate: first, replicateCount: size });
    first += size;
  }
  return chunks;
}
