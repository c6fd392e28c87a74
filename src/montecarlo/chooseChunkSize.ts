/** Default cap on the result bytes of one task (one batch in memory at a time per lane). */
export const DEFAULT_CHUNK_BYTES = 32 * 1024 * 1024;

/**
 * Replicates per task for a run that streams batches: the load-balancing default
 * ⌈replicates / (workers · 4)⌉, capped so that one batch holds at most `maxBytes` of results
 * (at least one replicate per task). Chunking never changes results, only memory and overhead.
 *
 * @param replicates - Replicates in the run (integer ≥ 0).
 * @param workers - Pool threads (0 = inline, planned as one).
 * @param bytesPerReplicate - Result bytes of one replicate (series and summaries, 8 bytes a value).
 * @param maxBytes - Cap per batch in bytes; default 32 MiB.
 * @returns The chunk size (integer ≥ 1).
 * @example
 * chooseChunkSize(10_000, 2, 3_935_360); // 8: 8 replicates of 3.9 MB per task
 */
export function chooseChunkSize(
  replicates: number,
  workers: number,
  bytesPerReplicate: number,
  maxBytes = DEFAULT_CHUNK_BYTES,
): number {
  const balanced = Math.max(1, Math.ceil(replicates / (Math.max(1, workers) * 4)));
  const capped = Math.max(1, Math.floor(maxBytes / Math.max(1, bytesPerReplicate)));
  return Math.min(balanced, capped);
}
