/**
 * Worker module of Monte Carlo runs with several threads per replicate (`crm-sim run
 * --threads-per-replicate T`): as montecarlo/replicateWorker.ts, but each replicate is stepped by this
 * thread and T − 1 helper threads, started once when the module loads. T comes from the module URL's
 * `threads` query parameter, the barrier spin from `spinMs` (see {@link threadedWorkerModule}).
 * Results are byte-identical to one thread.
 */
import { createReplicateRunner, type CompiledScenario } from '../../sim-core/index.ts';
import { createReplicateTaskHandler } from '../montecarlo/createReplicateTaskHandler.ts';
import { startCellThreads } from './startCellThreads.ts';
import { spinMsOfModuleUrl, threadsInProcessOfModuleUrl, threadsOfModuleUrl } from './threadedWorkerModule.ts';

const threads = await startCellThreads(threadsOfModuleUrl(import.meta.url), {
  spinMs: spinMsOfModuleUrl(import.meta.url),
  threadsInProcess: threadsInProcessOfModuleUrl(import.meta.url),
});

export default createReplicateTaskHandler((compiled) => createReplicateRunner(compiled as CompiledScenario, threads));
