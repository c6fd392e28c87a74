import { mkdir, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import type { ReplicateResult, ResultLayout } from '../../sim-core/index.ts';
import type { ReplicateBatch } from '../montecarlo/replicateTask.ts';
import type { ReplicateSummaries } from '../stats/computeSummaryStatistics.ts';

/**
 * A file of little-endian Float64 series values for a contiguous range of replicates, series-major:
 * the value of series s, replicate firstReplicate + r, tick t is element (s · replicateCount + r) · ticks + t.
 */
export interface SeriesSegment {
  path: string;
  firstReplicate: number;
  replicateCount: number;
  /**
   * SHA-256 (hex) the whole file must have (a shard folder's `series.f64`): `readSeriesBlocks` hashes
   * the file as it reads it and throws a ShardError before its last block when it differs.
   */
  sha256?: string;
}

/** Where a run's replicates go as they arrive: series to segment files on disk, summaries in memory. */
export interface ReplicateStore {
  /** Writes the batch's series as one segment file and keeps its summaries. */
  add(batch: ReplicateBatch): Promise<void>;
  /** Segment files sorted by first replicate; throws if a replicate of the range is missing. */
  segments(): SeriesSegment[];
  /** Summaries of every replicate, in replicate order; throws if one is missing. */
  summaries(): ReplicateSummaries[];
}

/**
 * Creates a store for replicates firstReplicate…firstReplicate+replicateCount−1 that spills each
 * batch's series to `dir/segment-<first>.f64` (see {@link SeriesSegment}) and keeps only the few
 * summary values per replicate in memory. Memory per batch: one transposed copy of it.
 *
 * @param dir - Folder for the segment files (created; the caller removes it).
 * @param layout - Result layout (series and summary counts, ticks).
 * @param firstReplicate - First replicate of the range.
 * @param replicateCount - Replicates in the range.
 * @returns The store.
 * @throws Error on a big-endian machine (the files are little-endian); from `add`, on a result
 *   outside the range, a duplicate, or arrays that do not match the layout.
 * @example
 * const store = await createReplicateStore(join(tmp, '.spill'), layout, 0, 1000);
 * await streamMonteCarlo({ ...options, onBatch: store.add });
 */
export async function createReplicateStore(
  dir: string,
  layout: ResultLayout,
  firstReplicate: number,
  replicateCount: number,
): Promise<ReplicateStore> {
  if (endianness() !== 'LE') throw new Error('series segment files need a little-endian machine');
  await mkdir(dir, { recursive: true });
  const summaryCount = layout.summaries.length;
  const summaries = new Float64Array(replicateCount * summaryCount);
  const seen = new Uint8Array(replicateCount);
  const segments: SeriesSegment[] = [];
  const place = (result: ReplicateResult): void => {
    const index = result.replicate - firstReplicate;
    if (!(index >= 0 && index < replicateCount)) throw new Error(`replicate ${result.replicate} is outside the run`);
    if (seen[index] === 1) throw new Error(`replicate ${result.replicate} arrived twice`);
    if (result.summaries.length !== summaryCount) {
      throw new Error(`replicate ${result.replicate}: ${result.summaries.length} summaries, layout has ${summaryCount}`);
    }
    seen[index] = 1;
    summaries.set(result.summaries, index * summaryCount);
  };
  return {
    async add(batch) {
      const values = transposeBatch(layout, batch.results);
      const path = join(dir, `segment-${String(batch.firstReplicate).padStart(9, '0')}.f64`);
      batch.results.forEach(place);
      await writeFile(path, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
      segments.push({ path, firstReplicate: batch.firstReplicate, replicateCount: batch.results.length });
    },
    segments() {
      checkComplete(seen, firstReplicate);
      return [...segments].sort((a, b) => a.firstReplicate - b.firstReplicate);
    },
    summaries() {
      checkComplete(seen, firstReplicate);
      return Array.from({ length: replicateCount }, (_, index) => ({
        replicate: firstReplicate + index,
        summaries: summaries.subarray(index * summaryCount, (index + 1) * summaryCount),
      }));
    },
  };
}

/** Copies a batch (replicate-major results, each series-major) into one series-major array. */
function transposeBatch(layout: ResultLayout, results: readonly ReplicateResult[]): Float64Array {
  const { ticks } = layout;
  const seriesCount = layout.series.length;
  const count = results.length;
  const values = new Float64Array(seriesCount * count * ticks);
  results.forEach((result, r) => {
    if (result.series.length !== seriesCount * ticks) {
      throw new Error(`replicate ${result.replicate}: ${result.series.length} series values, layout needs ${seriesCount * ticks}`);
    }
    for (let s = 0; s < seriesCount; s++) {
      values.set(result.series.subarray(s * ticks, (s + 1) * ticks), (s * count + r) * ticks);
    }
  });
  return values;
}

/** Throws naming the first missing replicate. */
function checkComplete(seen: Uint8Array, firstReplicate: number): void {
  const missing = seen.indexOf(0);
  if (missing >= 0) throw new Error(`replicate ${firstReplicate + missing} is missing`);
}
