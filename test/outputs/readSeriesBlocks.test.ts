import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResultLayout } from '../../sim-core/results.ts';
import { runMonteCarlo } from '../../src/montecarlo/runMonteCarlo.ts';
import { createReplicateStore, type SeriesSegment } from '../../src/outputs/createReplicateStore.ts';
import { chooseBlockSeries, readSeriesBlocks } from '../../src/outputs/readSeriesBlocks.ts';
import { ShardError } from '../../src/outputs/shardError.ts';
import { sha256Hex } from '../../src/outputs/verifySha256.ts';
import { computeBlockBands } from '../../src/stats/computeBlockBands.ts';
import { computeSeriesBands } from '../../src/stats/computeSeriesBands.ts';
import type { FakeCompiled } from '../fixtures/montecarlo/fakeReplicateWorker.ts';

const workerModule = new URL('../fixtures/montecarlo/fakeReplicateWorker.ts', import.meta.url);
const compiled: FakeCompiled = { ticks: 6, seriesCount: 5, summaryCount: 2 };
const key = (metric: string) => ({ metric, material: '', stage: '', region: '', unit: 'x' });
const layout: ResultLayout = {
  ticks: 6, ticksPerYear: 12, startYear: 2025,
  series: ['a', 'b', 'c', 'd', 'e'].map(key), summaries: [key('s1'), key('s2')],
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-blocks-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createReplicateStore and readSeriesBlocks', () => {
  it('give back every value and the in-memory bands for any chunking and block size', async () => {
    const results = await runMonteCarlo({ compiled, masterSeed: 4, replicates: 11, workers: 0, workerModule });
    const expected = computeSeriesBands(layout, results);
    for (const [chunk, blockBytes] of [[1, 8], [3, 6 * 11 * 8 * 2], [11, 1e9], [4, 6 * 11 * 8 * 3]] as const) {
      const store = await createReplicateStore(join(root, `c${chunk}-${blockBytes}`), layout, 0, 11);
      for (let first = 0; first < 11; first += chunk) {
        const batch = results.slice(first, first + chunk);
        await store.add({ firstReplicate: first, results: batch });
      }
      expect(store.summaries().map((entry) => Array.from(entry.summaries))).toEqual(results.map((result) => Array.from(result.summaries)));
      const bands = [];
      for await (const block of readSeriesBlocks(store.segments(), 5, 6, { maxBytes: blockBytes })) {
        expect(block.seriesCount).toBeLessThanOrEqual(Math.max(1, Math.floor(blockBytes / (11 * 6 * 8))));
        for (let s = 0; s < block.seriesCount; s++) {
          for (let r = 0; r < 11; r++) {
            const row = block.values.subarray((s * 11 + r) * 6, (s * 11 + r + 1) * 6);
            expect(Array.from(row)).toEqual(Array.from(results[r].series.subarray((block.firstSeries + s) * 6, (block.firstSeries + s + 1) * 6)));
          }
        }
        bands.push(...computeBlockBands(layout.series, block));
      }
      expect(bands).toEqual(expected);
    }
  });

  it('writes one series-major segment file per batch, named by first replicate', async () => {
    const [result] = await runMonteCarlo({ compiled, masterSeed: 4, replicates: 1, workers: 0, workerModule });
    const dir = join(root, 'spill');
    const store = await createReplicateStore(dir, layout, 7, 1);
    await store.add({ firstReplicate: 7, results: [{ ...result, replicate: 7 }] });
    expect(await readdir(dir)).toEqual(['segment-000000007.f64']);
    expect(store.segments()).toEqual([{ path: join(dir, 'segment-000000007.f64'), firstReplicate: 7, replicateCount: 1 }]);
  });

  it('refuses duplicates, outsiders, missing replicates and gaps', async () => {
    const results = await runMonteCarlo({ compiled, masterSeed: 4, replicates: 3, workers: 0, workerModule });
    const store = await createReplicateStore(join(root, 's'), layout, 0, 3);
    await store.add({ firstReplicate: 0, results: [results[0]] });
    await expect(store.add({ firstReplicate: 0, results: [results[0]] })).rejects.toThrow(/arrived twice/);
    await expect(store.add({ firstReplicate: 5, results: [{ ...results[1], replicate: 5 }] })).rejects.toThrow(/outside the run/);
    expect(() => store.summaries()).toThrow(/replicate 1 is missing/);
    const gap = [{ path: join(root, 'x'), firstReplicate: 0, replicateCount: 1 }, { path: join(root, 'y'), firstReplicate: 2, replicateCount: 1 }];
    await expect(readSeriesBlocks(gap, 5, 6).next()).rejects.toThrow(/expected replicate 1/);
    await writeFile(join(root, 'short.f64'), new Uint8Array(8));
    await expect(readSeriesBlocks([{ path: join(root, 'short.f64'), firstReplicate: 0, replicateCount: 1 }], 5, 6).next())
      .rejects.toThrow(/file ends/);
  });

  it('hashes each segment as it reads it, whatever the block size, and refuses one whose SHA-256 differs', async () => {
    const results = await runMonteCarlo({ compiled, masterSeed: 4, replicates: 5, workers: 0, workerModule });
    const store = await createReplicateStore(join(root, 'h'), layout, 0, 5);
    await store.add({ firstReplicate: 0, results: results.slice(0, 2) });
    await store.add({ firstReplicate: 2, results: results.slice(2) });
    const sums = await Promise.all(store.segments().map(async (segment) => sha256Hex(await readFile(segment.path))));
    const hashed = store.segments().map((segment, i) => ({ ...segment, sha256: sums[i] }));
    const readAll = async (segments: SeriesSegment[], maxBytes: number) => {
      let seen = 0;
      for await (const block of readSeriesBlocks(segments, 5, 6, { maxBytes })) seen += block.seriesCount;
      return seen;
    };
    for (const maxBytes of [1, 2 * 5 * 6 * 8, 1e9]) expect(await readAll(hashed, maxBytes)).toBe(5);
    const wrong = hashed.map((segment, i) => (i === 1 ? { ...segment, sha256: sums[0] } : segment));
    const error = await readAll(wrong, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShardError);
    expect((error as Error).message).toContain(`${join(root, 'h')}: ${basename(hashed[1].path)} does not match its checksum`);
    expect((error as Error).message).toContain(`records SHA-256 ${sums[0].slice(0, 16)}…, the file has ${sums[1].slice(0, 16)}…`);
    // Checked before the last block is yielded: a consumer never gets every block of a changed file.
    const blocks: number[] = [];
    await expect((async () => {
      for await (const block of readSeriesBlocks(wrong, 5, 6, { maxBytes: 1 })) blocks.push(block.firstSeries);
    })()).rejects.toThrow(ShardError);
    expect(blocks).toEqual([0, 1, 2, 3]);
  });

  it('sizes blocks from the memory budget', () => {
    expect(chooseBlockSeries(946, 1000, 520, 256 * 2 ** 20)).toBe(64);
    expect(chooseBlockSeries(946, 10_000, 520, 256 * 2 ** 20)).toBe(6);
    expect(chooseBlockSeries(946, 10_000, 520, 1)).toBe(1);
    expect(chooseBlockSeries(3, 1, 1, 1e9)).toBe(3);
  });
});
