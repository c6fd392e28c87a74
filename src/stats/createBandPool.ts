import { Piscina } from 'piscina';
import { siblingModule } from '../runtime/moduleLocation.ts';
import type { SeriesKey } from '../../sim-core/index.ts';
import type { SeriesBlock } from './computeBlockBands.ts';
import type { BandRangeTask } from './computeBandRange.ts';
import type { SeriesBand } from './createSeriesBand.ts';

/** Computes the bands of blocks on worker threads. */
export interface BandPool {
  /** Bands of every series of a block whose values are in a SharedArrayBuffer. */
  compute(keys: readonly SeriesKey[], block: SeriesBlock): Promise<SeriesBand[]>;
  destroy(): Promise<void>;
}

const ENTRY = new URL('./bandWorkerEntry.mjs', import.meta.url);
/** The module the entry imports, in the tree that runs (`.ts` or `.js`). */
const BAND_MODULE = siblingModule('./computeBandRange', import.meta.url).href;

/**
 * Starts a piscina pool of `workers` threads that compute bands (the sort per series and tick
 * is the band pass's cost). A block is split into `workers` contiguous ranges of series, each
 * computed by `computeBandRange` on the shared values (no copy); results are put back in series
 * order, so the bands are the bytes `computeBlockBands` gives on one thread.
 *
 * @param workers - Threads (≥ 1).
 * @returns The pool; destroy it when done.
 * @throws Error (from `compute`) when the block's values are not in a SharedArrayBuffer.
 * @example
 * const pool = createBandPool(2);
 * bands.push(...(await pool.compute(layout.series, block)));
 * await pool.destroy();
 */
export function createBandPool(workers: number): BandPool {
  const pool = new Piscina({ filename: ENTRY.href, minThreads: workers, maxThreads: workers, workerData: { moduleUrl: BAND_MODULE } });
  return {
    async compute(keys, block) {
      if (!(block.values.buffer instanceof SharedArrayBuffer) || block.values.byteOffset !== 0) {
        throw new Error('createBandPool: block values must start a SharedArrayBuffer');
      }
      const blockKeys = keys.slice(block.firstSeries, block.firstSeries + block.seriesCount);
      const parts = Math.min(workers, block.seriesCount);
      const tasks = Array.from({ length: parts }, (_, part) => {
        const task: BandRangeTask = {
          shared: block.values.buffer as SharedArrayBuffer,
          keys: blockKeys,
          seriesCount: block.seriesCount,
          replicateCount: block.replicateCount,
          ticks: block.ticks,
          from: Math.floor((part * block.seriesCount) / parts),
          to: Math.floor(((part + 1) * block.seriesCount) / parts),
        };
        return pool.run(task) as Promise<SeriesBand[]>;
      });
      return (await Promise.all(tasks)).flat();
    },
    destroy: () => {
      // A result arriving after destroy dropped its task is reported as an 'error' event, which
      // would otherwise be an uncaught exception; nothing waits for it any more.
      pool.on('error', () => {});
      return pool.destroy();
    },
  };
}
