import { siblingModule } from '../runtime/moduleLocation.ts';

/**
 * The worker module (file URL) that runs each replicate on `threads` threads, for the
 * `workerModule` option of runMonteCarlo/streamMonteCarlo.
 * @param spinMs - how long those threads spin at a barrier before they sleep (barrierSpin.ts); give
 *   `barrierSpinMs(workers × threads)`, since every worker steps its own replicate at the same time
 * @example streamMonteCarlo({ ...options, workers: 1, workerModule: threadedWorkerModule(2, barrierSpinMs(2)) })
 */
export function threadedWorkerModule(threads: number, spinMs = 0): string {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads per replicate must be an integer ≥ 1, got ${threads}`);
  const url = siblingModule('./threadedReplicateWorker', import.meta.url);
  url.searchParams.set('threads', String(threads));
  url.searchParams.set('spinMs', String(spinMs));
  return url.href;
}

/** Barrier spin budget named in a worker module URL (`?spinMs=S`, tolerant of a suffix a loader appends), ms; 0 when it names none. */
export function spinMsOfModuleUrl(url: string): number {
  const spinMs = Number.parseFloat(new URL(url).searchParams.get('spinMs') ?? '0');
  return Number.isFinite(spinMs) && spinMs > 0 ? spinMs : 0;
}

/** Threads per replicate named in a worker module URL (`?threads=T`; tolerant of a suffix a loader appends). */
export function threadsOfModuleUrl(url: string): number {
  const threads = Number.parseInt(new URL(url).searchParams.get('threads') ?? '', 10);
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`worker module ${url} names no thread count`);
  return threads;
}
