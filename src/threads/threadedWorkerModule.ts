import { siblingModule } from '../runtime/moduleLocation.ts';

/**
 * The worker module (file URL) that runs each replicate on `threads` threads, for the
 * `workerModule` option of runMonteCarlo/streamMonteCarlo.
 * @param spinMs - how long those threads spin at a barrier before they sleep (barrierSpin.ts); give
 *   `barrierSpinMs(workers × threads)`, since every worker steps its own replicate at the same time
 * @param threadsInProcess - `workers × threads`: what the spin governor compares the process's CPU time with
 * @example streamMonteCarlo({ ...options, workers: 1, workerModule: threadedWorkerModule(2, barrierSpinMs(2), 2) })
 */
export function threadedWorkerModule(threads: number, spinMs = 0, threadsInProcess = threads): string {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads per replicate must be an integer ≥ 1, got ${threads}`);
  const url = siblingModule('./threadedReplicateWorker', import.meta.url);
  url.searchParams.set('threads', String(threads));
  url.searchParams.set('spinMs', String(spinMs));
  url.searchParams.set('threadsInProcess', String(threadsInProcess));
  return url.href;
}

/** A non-negative number named in a worker module URL (tolerant of a suffix a loader appends), or `fallback`. */
function numberOfModuleUrl(url: string, name: string, fallback: number): number {
  const value = Number.parseFloat(new URL(url).searchParams.get(name) ?? '');
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Barrier spin budget named in a worker module URL (`?spinMs=S`), ms; 0 when it names none. */
export function spinMsOfModuleUrl(url: string): number {
  return numberOfModuleUrl(url, 'spinMs', 0);
}

/** Threads stepping replicates in the worker's process named in a module URL (`?threadsInProcess=N`); its `threads` when it names none. */
export function threadsInProcessOfModuleUrl(url: string): number {
  return Math.max(1, Math.round(numberOfModuleUrl(url, 'threadsInProcess', threadsOfModuleUrl(url))));
}

/** Threads per replicate named in a worker module URL (`?threads=T`; tolerant of a suffix a loader appends). */
export function threadsOfModuleUrl(url: string): number {
  const threads = Number.parseInt(new URL(url).searchParams.get('threads') ?? '', 10);
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`worker module ${url} names no thread count`);
  return threads;
}
