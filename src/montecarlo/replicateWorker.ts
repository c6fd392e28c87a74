/**
 * The worker module of Monte Carlo pools: its default export runs a range of replicates with the
 * engine's `createReplicateRunner`, compiled once per worker and scenario. Loaded in pool workers
 * through `replicateWorkerEntry.mjs`, or imported directly for inline runs (`workers: 0`).
 */
import { createReplicateRunner } from '../../sim-core/index.ts';
import { createReplicateTaskHandler } from './createReplicateTaskHandler.ts';

export default createReplicateTaskHandler(createReplicateRunner);
