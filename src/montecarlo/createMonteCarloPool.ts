import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { siblingModule } from '../runtime/moduleLocation.ts';
import type { ReplicateBatch, ReplicateTask, ReplicateWorkerData } from './replicateTask.ts';

/** A piscina pool of replicate workers, started once and reused by several Monte Carlo runs. */
export interface MonteCarloPool {
  /** Threads in the pool. */
  readonly workers: number;
  /** File URL of the worker module every thread loaded. */
  readonly workerModule: string;
  /**
   * Runs one task. The task carries its compiled scenario: a thread that already built a runner
   * for the scenario hash reuses it (about 3 ms of cloning per task, against about a second of
   * replicates); `signal` aborts the task by stopping its thread.
   */
  run<Compiled>(task: ReplicateTask<Compiled>, signal?: AbortSignal): Promise<ReplicateBatch>;
  /**
   * Subscribes to failures outside any task (a thread that cannot load its module); runs listen
   * while they wait so that such a failure rejects them instead of leaving them waiting.
   * @returns Unsubscribes.
   */
  onError(listener: (error: unknown) => void): () => void;
  /** Stops every thread; tasks still running are rejected. */
  destroy(): Promise<void>;
}

const WORKER_ENTRY = new URL('./replicateWorkerEntry.mjs', import.meta.url);
const DEFAULT_WORKER_MODULE = siblingModule('./replicateWorker', import.meta.url);

/**
 * Starts a pool of `workers` replicate threads (tsx and the engine loaded once per thread, about
 * 0.5–1 s each). Share it between the runs of a comparison, sweep or benchmark so that each pays
 * thread start-up and JIT warm-up once, not once per scenario.
 *
 * @param workers - Threads (integer ≥ 1).
 * @param workerModule - Module whose default export is a `ReplicateTaskHandler` (path or file URL);
 *   default the engine's `replicateWorker` (`.ts` from the sources, `.js` from `dist/`).
 * @returns The pool; destroy it when done.
 * @throws RangeError when `workers` is not an integer ≥ 1.
 * @example
 * const pool = createMonteCarloPool(2);
 * try { for (const compiled of arms) await streamMonteCarlo({ compiled, masterSeed, replicates, pool, onBatch }); }
 * finally { await pool.destroy(); }
 */
export function createMonteCarloPool(workers: number, workerModule: string | URL = DEFAULT_WORKER_MODULE): MonteCarloPool {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be an integer ≥ 1, got ${workers}`);
  const moduleUrl = toFileUrl(workerModule);
  const workerData: Partial<ReplicateWorkerData> = { workerModule: moduleUrl };
  const piscina = new Piscina({ filename: WORKER_ENTRY.href, minThreads: workers, maxThreads: workers, workerData });
  let destroying = false;
  const listeners = new Set<(error: unknown) => void>();
  // piscina reports a thread failure outside any task, and a result that arrives for a task it
  // already dropped (destroyed, or aborted) as an 'error' event, an uncaught exception if unheard.
  // The first goes to the runs waiting on the pool; the second is expected when stopping early.
  piscina.on('error', (error: unknown) => {
    if (destroying) return;
    for (const listener of listeners) listener(error);
  });
  return {
    workers,
    workerModule: moduleUrl,
    run: (task, signal) => piscina.run(task, signal === undefined ? undefined : { signal }) as Promise<ReplicateBatch>,
    onError: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy: async () => {
      destroying = true;
      await piscina.destroy();
    },
  };
}

/** Turns a path or URL into a file URL string. */
export function toFileUrl(module: string | URL): string {
  if (module instanceof URL) return module.href;
  return module.startsWith('file:') ? module : pathToFileURL(module).href;
}
