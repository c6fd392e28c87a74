import { siblingModule } from '../runtime/moduleLocation.ts';

/**
 * The worker module (file URL) that runs each replicate on `threads` threads, for the
 * `workerModule` option of runMonteCarlo/streamMonteCarlo.
 * @example streamMonteCarlo({ ...options, workerModule: threadedWorkerModule(2) })
 */
export function threadedWorkerModule(threads: number): string {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads per replicate must be an integer ≥ 1, got ${threads}`);
  const url = siblingModule('./threadedReplicateWorker', import.meta.url);
  url.searchParams.set('threads', String(threads));
  return url.href;
}

/** Threads per replicate named in a worker module URL (`?threads=T`; tolerant of a suffix a loader appends). */
export function threadsOfModuleUrl(url: string): number {
  const threads = Number.parseInt(new URL(url).searchParams.get('threads') ?? '', 10);
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`worker module ${url} names no thread count`);
  return threads;
}
