import { createAbortError } from './createAbortError.ts';
import { createMonteCarloPool, type MonteCarloPool } from './createMonteCarloPool.ts';
import type { ReplicateChunk } from './planReplicateChunks.ts';
import type { ReplicateBatch, ReplicateTaskHandler } from './replicateTask.ts';

/** What the inline and pool runners of `streamMonteCarlo` need. */
export interface ChunkRunPlan<Compiled> {
  compiled: Compiled;
  masterSeed: number;
  /** Pool threads (≥ 1; ignored inline and when `pool` is given). */
  workers: number;
  /** A pool shared with other runs; not destroyed by this one. */
  pool?: MonteCarloPool;
  signal?: AbortSignal;
  scenarioHash: string;
  /** File URL of the worker module. */
  workerModule: string;
  chunks: ReplicateChunk[];
  /** Consumes a completed batch; the next task of the lane waits for it. */
  accept: (batch: ReplicateBatch) => Promise<void>;
}

/** Tasks in flight per pool thread: one running, one queued while the main thread stores a batch. */
const LANES_PER_WORKER = 2;


/**
 * Runs the chunks one by one on this thread, yielding to the event loop between chunks (so an
 * abort is seen within one chunk).
 *
 * @param plan - Chunks, scenario and consumer.
 * @returns Resolves when every batch was accepted.
 * @throws AbortError when the plan's signal aborts.
 * @example
 * await runChunksInline(plan);
 */
export async function runChunksInline<Compiled>(plan: ChunkRunPlan<Compiled>): Promise<void> {
  const module = (await import(plan.workerModule)) as { default: ReplicateTaskHandler<Compiled> };
  const { compiled, masterSeed, scenarioHash, signal } = plan;
  for (const chunk of plan.chunks) {
    if (signal?.aborted) throw createAbortError(signal.reason);
    await plan.accept(module.default({ scenarioHash, compiled, masterSeed, ...chunk }));
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (signal?.aborted) throw createAbortError(signal.reason);
}

/**
 * Runs the chunks on a pool (the plan's shared `pool`, or one of `workers` threads started here
 * and destroyed when done, failed or aborted) with at most two tasks per thread in flight (bounded
 * memory: a lane takes its next chunk only after its batch was accepted). Every lane has settled
 * before this returns, so no batch is still being written afterwards. On a shared pool an abort
 * stops the run's own tasks (their threads are replaced) and the pool stays usable.
 *
 * @param plan - Chunks, scenario, pool size or pool, and consumer.
 * @returns Resolves when every batch was accepted.
 * @throws AbortError when the plan's signal aborts; the first worker or consumer error.
 * @example
 * await runChunksInPool(plan);
 */
export async function runChunksInPool<Compiled>(plan: ChunkRunPlan<Compiled>): Promise<void> {
  // No more threads than tasks (see countPoolWorkers): an idle thread costs its start-up and nothing else.
  const pool = plan.pool ?? createMonteCarloPool(Math.max(1, Math.min(plan.workers, plan.chunks.length)), plan.workerModule);
  const { signal } = plan;
  let onAbort = (): void => {};
  let onPoolError = (_error: unknown): void => {};
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(createAbortError(signal?.reason));
    onPoolError = reject;
  });
  const unsubscribe = pool.onError((error) => onPoolError(error));
  signal?.addEventListener('abort', onAbort, { once: true });
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (next < plan.chunks.length && !failed && signal?.aborted !== true) {
      const chunk = plan.chunks[next++];
      const task = { scenarioHash: plan.scenarioHash, compiled: plan.compiled, masterSeed: plan.masterSeed, ...chunk };
      await plan.accept(await pool.run(task, signal));
    }
  };
  const lanes = Array.from({ length: Math.min(plan.chunks.length, pool.workers * LANES_PER_WORKER) }, lane);
  try {
    await Promise.race([Promise.all(lanes), stopped]);
    if (signal?.aborted) throw createAbortError(signal.reason);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    unsubscribe();
    if (plan.pool === undefined) await pool.destroy();
    await Promise.allSettled(lanes);
  }
}
