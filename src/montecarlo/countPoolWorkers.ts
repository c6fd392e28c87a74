import { planReplicateChunks } from './planReplicateChunks.ts';

/**
 * Pool threads a run actually starts: `workers`, but no more than it has tasks (a run of 2
 * replicates on `--workers 3` starts 2 threads); 0 for an inline run (`workers` 0).
 *
 * @param replicates - Replicates of the run (integer ≥ 0).
 * @param workers - Threads requested (integer ≥ 0).
 * @param chunkSize - Replicates per task, as given to `streamMonteCarlo` (default its plan).
 * @returns min(workers, number of tasks).
 * @example
 * countPoolWorkers(2, 3); // 2
 */
export function countPoolWorkers(replicates: number, workers: number, chunkSize?: number): number {
  if (workers === 0) return 0;
  return Math.min(workers, planReplicateChunks(replicates, workers, chunkSize).length);
}
