import { computeScenarioHash } from './computeScenarioHash.ts';
import { createAbortError } from './createAbortError.ts';
import { type MonteCarloPool, toFileUrl } from './createMonteCarloPool.ts';
import { planReplicateChunks } from './planReplicateChunks.ts';
import type { ReplicateBatch } from './replicateTask.ts';
import { type ChunkRunPlan, runChunksInline, runChunksInPool } from './runChunks.ts';
import { siblingModule } from '../runtime/moduleLocation.ts';

/** Progress report, sent after each completed chunk. */
export interface MonteCarloProgress {
  completedReplicates: number;
  totalReplicates: number;
}

/** Options shared by {@link streamMonteCarlo} and `runMonteCarlo`. */
export interface MonteCarloOptions<Compiled = unknown> {
  /** Output of `compileScenario`: plain structured-cloneable data, sent once to each worker. */
  compiled: Compiled;
  masterSeed: number;
  /** Number of replicates (integer ≥ 0) to run, indexed firstReplicate…firstReplicate+replicates−1. */
  replicates: number;
  /** Index of the first replicate (default 0); a shard of a larger run starts later. */
  firstReplicate?: number;
  /** Pool threads (integer ≥ 1), or 0 to run inline on the main thread; ignored when `pool` is given. */
  workers: number;
  /**
   * A pool started once and shared by several runs (see `createMonteCarloPool`); this run does not
   * destroy it. Without it, a run with `workers` ≥ 1 starts and destroys its own.
   */
  pool?: MonteCarloPool;
  /** Replicates per task; default ⌈replicates / (max(workers, 1) · 4)⌉ (see `chooseChunkSize` for a memory cap). */
  chunkSize?: number;
  onProgress?: (progress: MonteCarloProgress) => void;
  /** Aborting destroys the pool at once and rejects with an `AbortError`. */
  signal?: AbortSignal;
  /**
   * Module whose default export is a `ReplicateTaskHandler` (path or file URL); default the
   * engine's `replicateWorker.ts`. Tests inject a fake.
   */
  workerModule?: string | URL;
}

/** Options of {@link streamMonteCarlo}: where each batch goes. */
export interface StreamMonteCarloOptions<Compiled = unknown> extends MonteCarloOptions<Compiled> {
  /**
   * Receives each batch (a contiguous range of replicates, in replicate order) as it completes, in
   * completion order. It may be async: at most two tasks per worker are in flight and the next
   * task of a lane starts only after its batch was accepted, so memory stays bounded.
   */
  onBatch: (batch: ReplicateBatch) => void | Promise<void>;
}

const DEFAULT_WORKER_MODULE = siblingModule('./replicateWorker', import.meta.url);

/**
 * Runs replicates of a compiled scenario, on a piscina pool (its own, started once with `workers`
 * threads, or a shared `pool`) or inline, handing each completed batch to `onBatch` instead of keeping results.
 *
 * Each task is a contiguous range of replicates; workers compile the scenario once (runner cache
 * keyed by scenario hash) and send results back in shared memory (nothing is transferred, so no
 * buffer is detached in a worker). Batches arrive in completion order;
 * consumers place them by replicate index, so what they build is identical for any worker
 * count, chunk size or timing (given an engine whose replicate depends only on seed and index).
 *
 * @param options - What to run and where the batches go.
 * @returns Resolves when every batch was accepted.
 * @throws AbortError (an Error named `AbortError`) when `signal` aborts; RangeError on bad options;
 *   the first error of a worker or of `onBatch`.
 * @example
 * await streamMonteCarlo({ compiled, masterSeed: 42, replicates: 200, workers: 2, onBatch: store.add });
 */
export async function streamMonteCarlo<Compiled>(options: StreamMonteCarloOptions<Compiled>): Promise<void> {
  const { replicates, signal, pool } = options;
  const workers = pool?.workers ?? options.workers;
  const firstReplicate = options.firstReplicate ?? 0;
  checkCount('replicates', replicates);
  checkCount('workers', workers);
  checkCount('firstReplicate', firstReplicate);
  if (pool !== undefined && options.workerModule !== undefined && toFileUrl(options.workerModule) !== pool.workerModule) {
    throw new RangeError(`workerModule ${toFileUrl(options.workerModule)} differs from the pool's ${pool.workerModule}`);
  }
  if (!Number.isFinite(options.masterSeed)) {
    throw new RangeError(`masterSeed must be a finite number, got ${options.masterSeed}`);
  }
  const chunks = planReplicateChunks(replicates, workers, options.chunkSize).map((chunk) => ({
    firstReplicate: chunk.firstReplicate + firstReplicate,
    replicateCount: chunk.replicateCount,
  }));
  if (signal?.aborted) throw createAbortError(signal.reason);
  if (replicates === 0) return;
  let completed = 0;
  const plan: ChunkRunPlan<Compiled> = {
    compiled: options.compiled,
    masterSeed: options.masterSeed,
    workers,
    pool,
    signal,
    scenarioHash: computeScenarioHash(options.compiled),
    workerModule: toFileUrl(options.workerModule ?? DEFAULT_WORKER_MODULE),
    chunks,
    accept: async (batch) => {
      await options.onBatch(batch);
      completed += batch.results.length;
      options.onProgress?.({ completedReplicates: completed, totalReplicates: replicates });
    },
  };
  if (workers === 0) await runChunksInline(plan);
  else await runChunksInPool(plan);
}

/** Throws a RangeError unless the value is an integer ≥ 0. */
function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be an integer ≥ 0, got ${value}`);
}

