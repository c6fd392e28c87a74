/** Monte Carlo across replicates: chunk planning, a worker pool, merging by replicate index. */
export { computeScenarioHash } from './computeScenarioHash.ts';
export { createAbortError } from './createAbortError.ts';
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
