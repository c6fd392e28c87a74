import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResultLayout } from '../../sim-core/results.ts';
import { runMonteCarlo } from '../../src/montecarlo/runMonteCarlo.ts';
import { createReplicateStore } from '../../src/outputs/createReplicateStore.ts';
import { chooseBlockSeries, readSeriesBlocks } from '../../src/outputs/readSeriesBlocks.ts';
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

  it('sizes blocks from the memory budget', () => {
    expect(chooseBlockSeries(946, 1000, 520, 256 * 2 ** 20)).toBe(64);
    expect(chooseBlockSeries(946, 10_000, 520, 256 * 2 ** 20)).toBe(6);
    expect(chooseBlockSeries(946, 10_000, 520, 1)).toBe(1);
    expect(chooseBlockSeries(3, 1, 1, 1e9)).toBe(3);
  });
});
