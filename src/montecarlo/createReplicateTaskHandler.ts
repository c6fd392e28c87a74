import type { ReplicateResult } from '../../sim-core/index.ts';
import type {
  ReplicateBatch,
  ReplicateRunner,
  ReplicateRunnerFactory,
  ReplicateTask,
  ReplicateTaskHandler,
} from './replicateTask.ts';

/** Compiled runners kept per worker; older scenarios are evicted first. */
const DEFAULT_CACHE_SIZE = 4;

/**
 * Creates the task handler a worker module exports: it keeps a cache of runners keyed by
 * scenario hash (so each worker builds a runner once per scenario, reusing its buffers across
 * tasks) and runs a task's contiguous range of replicates in order.
 *
 * @param createRunner - Builds a runner from a compiled scenario (the engine's `createReplicateRunner`).
 * @param cacheSize - Runners kept at most (default 4).
 * @param keep - Applied to each result right after its replicate ran, before the next one runs
 *   (default: kept as returned). A runner that reuses its buffers needs it: e.g. copy the arrays
 *   into shared memory (see replicateWorker.ts).
 * @returns The handler.
 * @throws Error (from the handler) when a task's scenario is not cached and carries no compiled
 *   scenario, or when a runner returns a result for another replicate.
 * @example
 * export default createReplicateTaskHandler(createReplicateRunner);
 */
export function createReplicateTaskHandler<Compiled>(
  createRunner: ReplicateRunnerFactory<Compiled>,
  cacheSize = DEFAULT_CACHE_SIZE,
  keep: (result: ReplicateResult) => ReplicateResult = (result) => result,
): ReplicateTaskHandler<Compiled> {
  const runners = new Map<string, ReplicateRunner>();
  const findRunner = (task: ReplicateTask<Compiled>): ReplicateRunner => {
    const cached = runners.get(task.scenarioHash);
    if (cached !== undefined) return cached;
    if (task.compiled === undefined) {
      throw new Error(`no compiled scenario for hash ${task.scenarioHash} in this worker`);
    }
    const runner = createRunner(task.compiled);
    runners.set(task.scenarioHash, runner);
    if (runners.size > cacheSize) runners.delete(runners.keys().next().value as string);
    return runner;
  };
  return (task): ReplicateBatch => {
    const runner = findRunner(task);
    const results = [];
    for (let i = 0; i < task.replicateCount; i++) {
      const replicate = task.firstReplicate + i;
      const result = runner(task.masterSeed, replicate);
      if (result.replicate !== replicate) {
        throw new Error(`runner returned replicate ${result.replicate} when asked for ${replicate}`);
      }
      results.push(keep(result));
    }
    return { firstReplicate: task.firstReplicate, results };
  };
}
