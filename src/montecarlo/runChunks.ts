import { Piscina } from 'piscina';
import { createAbortError } from './createAbortError.ts';
import type { ReplicateChunk } from './planReplicateChunks.ts';
import type { ReplicateBatch, ReplicateTaskHandler, ReplicateWorkerData } from './replicateTask.ts';

/** What the inline and pool runners of `streamMonteCarlo` need. */
export interface ChunkRunPlan<Compiled> {
  compiled: Compiled;
  masterSeed: number;
  /** Pool threads (≥ 1; ignored inline). */
  workers: number;
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

const WORKER_ENTRY = new URL('./replicateWorkerEntry.mjs', import.meta.url);

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
 * Runs the chunks on one piscina pool of `workers` threads with at most two tasks per thread in
 * flight (bounded memory: a lane takes its next chunk only after its batch was accepted). The
 * pool is destroyed when done, failed or aborted, and every lane has settled before this returns,
 * so no batch is still being written afterwards.
 *
 * @param plan - Chunks, scenario, pool size and consumer.
 * @returns Resolves when every batch was accepted.
 * @throws AbortError when the plan's signal aborts; the first worker or consumer error.
 * @example
 * await runChunksInPool(plan);
 */
export async function runChunksInPool<Compiled>(plan: ChunkRunPlan<Compiled>): Promise<void> {
  const workerData: ReplicateWorkerData<Compiled> = {
    workerModule: plan.workerModule,
    scenarioHash: plan.scenarioHash,
    compiled: plan.compiled,
  };
  const pool = new Piscina({
    filename: WORKER_ENTRY.href,
    minThreads: plan.workers,
    maxThreads: plan.workers,
    workerData,
  });
  const { signal } = plan;
  let onAbort = (): void => {};
  let onPoolError = (_error: unknown): void => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(createAbortError(signal?.reason));
    onPoolError = reject;
  });
  let destroying = false;
  // piscina reports a worker failure outside any task, and a result that arrives for a task the
  // pool already dropped while being destroyed ("Unexpected message from Worker"), as an 'error'
  // event; unheard, that event is an uncaught exception. The first fails the run; the second is
  // expected once we stop early, and harmless.
  pool.on('error', (error: unknown) => {
    if (!destroying) onPoolError(error);
  });
  signal?.addEventListener('abort', onAbort, { once: true });
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (next < plan.chunks.length && !failed && signal?.aborted !== true) {
      const chunk = plan.chunks[next++];
      const task = { scenarioHash: plan.scenarioHash, masterSeed: plan.masterSeed, ...chunk };
      await plan.accept((await pool.run(task)) as ReplicateBatch);
    }
  };
  const lanes = Array.from({ length: Math.min(plan.chunks.length, plan.workers * LANES_PER_WORKER) }, lane);
  try {
    await Promise.race([Promise.all(lanes), aborted]);
    if (signal?.aborted) throw createAbortError(signal.reason);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    destroying = true;
    await pool.destroy();
    await Promise.allSettled(lanes);
  }
}
