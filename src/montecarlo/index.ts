/** Monte Carlo across replicates: chunk planning, a worker pool, streaming or merging by replicate index. */
export { chooseChunkSize, DEFAULT_CHUNK_BYTES } from './chooseChunkSize.ts';
export { computeScenarioHash } from './computeScenarioHash.ts';
export { computeShardRange, parseShardSpec, type ShardSpec } from './computeShardRange.ts';
export { countPoolWorkers } from './countPoolWorkers.ts';
export { createAbortError } from './createAbortError.ts';
export { createMonteCarloPool, type MonteCarloPool } from './createMonteCarloPool.ts';
export { createReplicateMerger, type ReplicateMerger } from './createReplicateMerger.ts';
export { createReplicateTaskHandler } from './createReplicateTaskHandler.ts';
export { planReplicateChunks, type ReplicateChunk } from './planReplicateChunks.ts';
export type {
  ReplicateBatch,
  ReplicateRunner,
  ReplicateRunnerFactory,
  ReplicateTask,
  ReplicateTaskHandler,
  ReplicateWorkerData,
} from './replicateTask.ts';
export { type MonteCarloOptions, type MonteCarloProgress, runMonteCarlo } from './runMonteCarlo.ts';
export { streamMonteCarlo, type StreamMonteCarloOptions } from './streamMonteCarlo.ts';
