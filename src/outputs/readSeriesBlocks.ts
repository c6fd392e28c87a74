import { createHash, type Hash } from 'node:crypto';
import { type FileHandle, open } from 'node:fs/promises';
import { createAbortError } from '../montecarlo/createAbortError.ts';
import type { SeriesBlock } from '../stats/computeBlockBands.ts';
import type { SeriesSegment } from './createReplicateStore.ts';
import { verifySha256 } from './verifySha256.ts';

/** Default memory for one block of series across all replicates. */
export const DEFAULT_BLOCK_BYTES = 256 * 1024 * 1024;

/** Options of {@link readSeriesBlocks}. */
export interface SeriesBlockOptions {
  /** Bytes one block may hold (default 256 MiB); at least one series per block whatever the cap. */
  maxBytes?: number;
  /** Checked before each block; aborting rejects with an AbortError. */
  signal?: AbortSignal;
  /** Keep the blocks in a SharedArrayBuffer (for band worker threads). */
  shared?: boolean;
}

/**
 * Series per block so that a block (replicates × ticks × series doubles) fits in `maxBytes`.
 *
 * @param seriesCount - Series in the layout.
 * @param replicates - Replicates in the run.
 * @param ticks - Ticks per series.
 * @param maxBytes - Budget in bytes.
 * @returns Between 1 and seriesCount (1 when seriesCount is 0).
 * @example
 * chooseBlockSeries(946, 1000, 520, 256 * 2 ** 20); // 64
 */
export function chooseBlockSeries(seriesCount: number, replicates: number, ticks: number, maxBytes: number): number {
  const perSeries = Math.max(1, replicates * ticks * 8);
  return Math.max(1, Math.min(seriesCount, Math.floor(maxBytes / perSeries)));
}

/** Segment reads in flight at once while a block is read (libuv's thread pool has 4 threads by default). */
const READS_IN_FLIGHT = 4;

/**
 * Reads series back from segment files block by block of consecutive series: each yielded block
 * holds every replicate's values of its series (layout in {@link SeriesBlock}), so memory is
 * O(replicates × ticks × series per block), never the whole run. Blocks alternate between two
 * buffers, so a consumer may ask for the next block (which starts reading it) while it still uses
 * the last one, and no longer: consume a block before asking for the one after next. A segment
 * with `sha256` is hashed as it is read (every byte once, in order) and checked before the last
 * block is yielded.
 *
 * @param segments - Segment files tiling the run's replicates, in any order.
 * @param seriesCount - Series in the layout.
 * @param ticks - Ticks per series.
 * @param options - Memory budget and abort signal.
 * @returns Blocks in series order.
 * @throws Error when the segments overlap or leave a gap, or a file is shorter than expected;
 *   ShardError when a segment's SHA-256 differs from its `sha256`.
 * @example
 * for await (const block of readSeriesBlocks(store.segments(), layout.series.length, layout.ticks)) use(block);
 */
export async function* readSeriesBlocks(
  segments: readonly SeriesSegment[],
  seriesCount: number,
  ticks: number,
  options: SeriesBlockOptions = {},
): AsyncGenerator<SeriesBlock> {
  const ordered = [...segments].sort((a, b) => a.firstReplicate - b.firstReplicate);
  const replicateCount = checkTiling(ordered);
  const blockSeries = chooseBlockSeries(seriesCount, replicateCount, ticks, options.maxBytes ?? DEFAULT_BLOCK_BYTES);
  const length = blockSeries * replicateCount * ticks;
  const allocate = () => (options.shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length));
  const buffers = blockSeries < seriesCount ? [allocate(), allocate()] : [allocate()];
  const largest = Math.max(0, ...ordered.map((segment) => segment.replicateCount));
  const scratches = Array.from({ length: Math.min(READS_IN_FLIGHT, ordered.length) }, () => new Float64Array(blockSeries * largest * ticks));
  const offsets: number[] = [];
  for (let i = 0, offset = 0; i < ordered.length; offset += ordered[i].replicateCount, i++) offsets.push(offset);
  const hashes = ordered.map((segment) => (segment.sha256 === undefined ? undefined : createHash('sha256')));
  const files = createHandleCache();
  try {
    if (seriesCount === 0) verifySegments(ordered, hashes);
    for (let first = 0, index = 0; first < seriesCount; first += blockSeries, index++) {
      if (options.signal?.aborted) throw createAbortError(options.signal.reason);
      const count = Math.min(blockSeries, seriesCount - first);
      const values = buffers[index % buffers.length].subarray(0, count * replicateCount * ticks);
      // Each lane reads every READS_IN_FLIGHT-th segment into its own scratch; segments fill disjoint parts of the block.
      await Promise.all(scratches.map(async (scratch, lane) => {
        for (let i = lane; i < ordered.length; i += scratches.length) {
          const segment = ordered[i];
          const place = { first, count, offset: offsets[i], replicateCount, ticks };
          await copySegmentBlock(await files.get(segment.path), segment, place, scratch, values, hashes[i]);
        }
      }));
      if (first + count === seriesCount) verifySegments(ordered, hashes);
      yield { firstSeries: first, seriesCount: count, replicateCount, ticks, values };
    }
  } finally {
    await files.closeAll();
  }
}

/** Where a segment's part of a block goes. */
interface BlockPlace {
  /** First series and series count of the block. */
  first: number;
  count: number;
  /** Index of the segment's first replicate within the run. */
  offset: number;
  replicateCount: number;
  ticks: number;
}

/**
 * Reads a segment's series first…first+count−1 (contiguous in its file) and copies them into the
 * block; feeds the bytes read to `hash` (blocks come in series order, so each file is hashed in order).
 */
async function copySegmentBlock(
  handle: FileHandle,
  segment: SeriesSegment,
  place: BlockPlace,
  scratch: Float64Array,
  values: Float64Array,
  hash: Hash | undefined,
): Promise<void> {
  const { first, count, offset, replicateCount, ticks } = place;
  const perSeries = segment.replicateCount * ticks;
  const read = scratch.subarray(0, count * perSeries);
  await readDoubles(handle, segment.path, read, first * perSeries);
  hash?.update(new Uint8Array(read.buffer, read.byteOffset, read.byteLength));
  for (let s = 0; s < count; s++) {
    values.set(scratch.subarray(s * perSeries, (s + 1) * perSeries), (s * replicateCount + offset) * ticks);
  }
}

/** Open segment files kept between blocks (at most this many; the oldest is closed first). */
const MAX_OPEN_FILES = 256;

/** A small first-in-first-out cache of read-only file handles. */
function createHandleCache(): { get(path: string): Promise<FileHandle>; closeAll(): Promise<void> } {
  const handles = new Map<string, FileHandle>();
  return {
    async get(path) {
      const cached = handles.get(path);
      if (cached !== undefined) return cached;
      if (handles.size >= MAX_OPEN_FILES) {
        const [oldest, handle] = handles.entries().next().value as [string, FileHandle];
        handles.delete(oldest);
        await handle.close();
      }
      const handle = await open(path, 'r');
      handles.set(path, handle);
      return handle;
    },
    async closeAll() {
      const all = [...handles.values()];
      handles.clear();
      await Promise.all(all.map((handle) => handle.close()));
    },
  };
}

/** Checks each hashed segment, now read whole, against its `sha256` (ShardError naming the first that differs). */
function verifySegments(ordered: readonly SeriesSegment[], hashes: readonly (Hash | undefined)[]): void {
  ordered.forEach((segment, i) => {
    const hash = hashes[i];
    if (hash !== undefined && segment.sha256 !== undefined) verifySha256(segment.path, segment.sha256, hash.digest('hex'));
  });
}

/** Checks that sorted segments are contiguous from the first one's start; returns the replicate count. */
function checkTiling(ordered: readonly SeriesSegment[]): number {
  let next = ordered[0]?.firstReplicate ?? 0;
  for (const segment of ordered) {
    if (segment.firstReplicate !== next) {
      throw new Error(`series segments: expected replicate ${next}, found a segment starting at ${segment.firstReplicate}`);
    }
    next += segment.replicateCount;
  }
  return next - (ordered[0]?.firstReplicate ?? 0);
}

/** Fills `target` with doubles read from an open file starting at element `position`. */
async function readDoubles(handle: FileHandle, path: string, target: Float64Array, position: number): Promise<void> {
  const bytes = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
  let done = 0;
  while (done < bytes.length) {
    const { bytesRead } = await handle.read(bytes, done, bytes.length - done, position * 8 + done);
    if (bytesRead === 0) throw new Error(`${path}: file ends before byte ${position * 8 + bytes.length}`);
    done += bytesRead;
  }
}
