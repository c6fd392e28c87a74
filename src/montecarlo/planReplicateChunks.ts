/** A contiguous range of replicate indices. */
export interface ReplicateChunk {
  firstReplicate: number;
  replicateCount: number;
}

/**
 * Splits replicates 0…replicates−1 into contiguous chunks, in index order.
 *
 * The default size, ⌈replicates / (workers · 4)⌉ (at least 1), gives each worker about four
 * chunks: enough to balance uneven replicates without paying a message per replicate. Workers = 0
 * (inline) plans as for one worker.
 *
 * @param replicates - Number of replicates (integer ≥ 0).
 * @param workers - Number of pool workers (integer ≥ 0).
 * @param chunkSize - Replicates per chunk (integer ≥ 1); default as above. The last chunk may be shorter.
 * @returns The chunks, covering every index exactly once.
 * @example
 * planReplicateChunks(10, 2); // sizes 2,2,2,2,2
 */
export function planReplicateChunks(
  replicates: number,
  workers: number,
  chunkSize?: number,
): ReplicateChunk[] {
  const size = chunkSize ?? Math.max(1, Math.ceil(replicates / (Math.max(1, workers) * 4)));
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`chunkSize must be an integer ≥ 1, got ${chunkSize}`);
  }
  const chunks: ReplicateChunk[] = [];
  for (let first = 0; first < replicates; first += size) {
    chunks.push({ firstReplicate: first, replicateCount: Math.min(size, replicates - first) });
  }
  return chunks;
}
