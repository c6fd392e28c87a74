import { Piscina } from 'piscina';
import { pathToFileURL } from 'node:url';
import type { ReplicateResult } from '../../sim-core/results.ts';
import { computeScenarioHash } from './computeScenarioHash.ts';
import { createAbortError } from './createAbortError.ts';
import { createReplicateMerger, type ReplicateMerger } from './createReplicateMerger.ts';
import { planReplicateChunks, type ReplicateChunk } from './planReplicateChunks.ts';
import type { ReplicateBatch, ReplicateTaskHandler, ReplicateWorkerData } from './replicateTask.ts';

/** Progress report, sent after each completed chunk. */
export interface MonteCarloProgress {
  completedReplicates: number;
  totalReplicates: number;
}

/** Options of {@link runMonteCarlo}. */
export interface MonteCarloOptions<Compiled = unknown> {
  /** Output of `compileScenario`: plain structured-cloneable data, sent once to each worker. */
  compiled: Compiled;
  masterSeed: number;
  /** Number of replicates (integer ≥ 0), indexed 0…replicates−1. */
  replicates: number;
  /** Pool threads (integer ≥ 1), or 0 to run inline on the main thread. */
  workers: number;
  /** Replicates per task; default ⌈replicates / (max(workers, 1) · 4)⌉. */
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

const DEFAULT_WORKER_MODULE = new URL('./replicateWorker.ts', import.meta.url);
const WORKER_ENTRY = new URL('./replicateWorkerEntry.mjs', import.meta.url);

/**
 * Runs replicates of a compiled scenario, on one piscina pool (started once, `workers` threads)
 * or inline, and returns the results sorted by replicate index.
 *
 * Each task is a contiguous range of replicates; workers compile the scenario once (runner cache
 * keyed by scenario hash) and transfer result buffers back. Results are merged by replicate
 * index, so the output is identical for any worker count, chunk size or completion order (given
 * an engine whose replicate depends only on seed and index).
 *
 * TypeScript workers: the pool runs `replicateWorkerEntry.mjs`, which imports the worker module
 * with tsx's loader (inherited under `tsx`, registered on demand otherwise).
 *
 * @param options - What to run and how.
 * @returns Results of replicates 0…replicates−1, in order.
 * @throws AbortError (an Error named `AbortError`) when `signal` aborts; RangeError on bad options.
 * @example
 * const results = await runMonteCarlo({ compiled, masterSeed: 42, replicates: 200, workers: 2 });
 */
export async function runMonteCarlo<Compiled>(options: MonteCarloOptions<Compiled>): Promise<ReplicateResult[]> {
  const { replicates, workers, signal } = options;
  if (!Number.isInteger(replicates) || replicates < 0) {
    throw new RangeError(`replicates must be an integer ≥ 0, got ${replicates}`);
  }
  if (!Number.isInteger(workers) || workers < 0) {
    throw new RangeError(`workers must be an integer ≥ 0, got ${workers}`);
  }
  if (!Number.isFinite(options.masterSeed)) {
    throw new RangeError(`masterSeed must be a finite number, got ${options.masterSeed}`);
  }
  const chunks = planReplicateChunks(replicates, workers, options.chunkSize);
  if (signal?.aborted) throw createAbortError(signal.reason);
  const merger = createReplicateMerger(replicates);
  if (replicates === 0) return merger.finish();
  let completed = 0;
  const accept = (batch: ReplicateBatch): void => {
    completed += merger.add(batch);
    options.onProgress?.({ completedReplicates: completed, totalReplicates: replicates });
  };
  const run = {
    scenarioHash: computeScenarioHash(options.compiled),
    workerModule: toFileUrl(options.workerModule ?? DEFAULT_WORKER_MODULE),
    chunks,
    accept,
  };
  if (workers === 0) await runInline(options, run);
  else await runInPool(options, run);
  return merger.finish();
}

/** What the inline and pool runners share. */
interface RunPlan {
  scenarioHash: string;
  workerModule: string;
  chunks: ReplicateChunk[];
  accept: (batch: ReplicateBatch) => void;
}

/** Runs the chunks one by one on this thread, yielding to the event loop between chunks. */
async function runInline<Compiled>(options: MonteCarloOptions<Compiled>, plan: RunPlan): Promise<void> {
  const module = (await import(plan.workerModule)) as { default: ReplicateTaskHandler<Compiled> };
  for (const chunk of plan.chunks) {
    if (options.signal?.aborted) throw createAbortError(options.signal.reason);
    const { compiled, masterSeed } = options;
    plan.accept(module.default({ scenarioHash: plan.scenarioHash, compiled, masterSeed, ...chunk }));
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (options.signal?.aborted) throw createAbortError(options.signal.reason);
}

/** Runs the chunks on one pool of `workers` threads; destroys it when done, failed or aborted. */
async function runInPool<Compiled>(options: MonteCarloOptions<Compiled>, plan: RunPlan): Promise<void> {
  const workerData: ReplicateWorkerData<Compiled> = {
    workerModule: plan.workerModule,
    scenarioHash: plan.scenarioHash,
    compiled: options.compiled,
  };
  const pool = new Piscina({
    filename: WORKER_ENTRY.href,
    minThreads: options.workers,
    maxThreads: options.workers,
    workerData,
  });
  const { signal } = options;
  let onAbort = (): void => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(createAbortError(signal?.reason));
  });
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const tasks = plan.chunks.map(async (chunk) => {
      const task = { scenarioHash: plan.scenarioHash, masterSeed: options.masterSeed, ...chunk };
      plan.accept((await pool.run(task)) as ReplicateBatch);
    });
    await Promise.race([Promise.all(tasks), aborted]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool.destroy();
  }
}

/** Turns a path or URL into a file URL string. */
function toFileUrl(module: string | URL): string {
  if (module instanceof URL) return module.href;
  return module.startsWith('file:') ? module : pathToFileURL(module).href;
}
