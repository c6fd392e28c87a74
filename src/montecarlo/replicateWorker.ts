/**
 * The worker module of Monte Carlo pools: its default export runs a range of replicates with the
 * engine's `createReplicateRunner`, compiled once per worker and scenario. Loaded in pool workers
 * through `replicateWorkerEntry.mjs`, or imported directly for inline runs (`workers: 0`).
 *
 * In a pool worker the runner records every replicate into one series buffer (`reuseSeries`,
 * allocated once per worker and scenario) and each result is copied into shared memory as soon as
 * its replicate ends (`copyToShared`; that copy was made anyway, for the trip to the main thread),
 * so a worker allocates no 4 MB series buffer per replicate. Inline, results are kept by the
 * caller, so each replicate gets fresh arrays as before. Results are identical either way.
 */
import { isMainThread } from 'node:worker_threads';
import { type CompiledScenario, createReplicateRunner } from '../../sim-core/index.ts';
import { copyToShared } from './copyToShared.ts';
import { createReplicateTaskHandler } from './createReplicateTaskHandler.ts';

/** Runner cache size of the handler (as createReplicateTaskHandler's default). */
const CACHE_SIZE = 4;

export default isMainThread
  ? createReplicateTaskHandler(createReplicateRunner)
  : createReplicateTaskHandler((compiled: CompiledScenario) => createReplicateRunner(compiled, null, { reuseSeries: true }), CACHE_SIZE, copyToShared);
