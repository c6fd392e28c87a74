import { describe, expect, it } from 'vitest';
import { createMonteCarloPool } from '../../src/montecarlo/createMonteCarloPool.ts';
import { runMonteCarlo } from '../../src/montecarlo/runMonteCarlo.ts';
import { streamMonteCarlo } from '../../src/montecarlo/streamMonteCarlo.ts';
import type { FakeCompiled } from '../fixtures/montecarlo/fakeReplicateWorker.ts';

const workerModule = new URL('../fixtures/montecarlo/fakeReplicateWorker.ts', import.meta.url);
const narrow: FakeCompiled = { ticks: 4, seriesCount: 2, summaryCount: 3 };
const wide: FakeCompiled = { ticks: 6, seriesCount: 5, summaryCount: 2 };

/** Every value of every result, in replicate order. */
function valuesOf(results: Awaited<ReturnType<typeof runMonteCarlo>>): number[][] {
  return results.map((result) => [result.replicate, ...result.series, ...result.summaries]);
}

describe('createMonteCarloPool', () => {
  it('serves runs of different scenarios in turn, each with the values of its own inline run', async () => {
    const pool = createMonteCarloPool(2, workerModule);
    try {
      for (const compiled of [narrow, wide, narrow]) {
        const pooled = await runMonteCarlo({ compiled, masterSeed: 3, replicates: 9, workers: 0, pool, chunkSize: 2, workerModule });
        const inline = await runMonteCarlo({ compiled, masterSeed: 3, replicates: 9, workers: 0, workerModule });
        expect(valuesOf(pooled)).toEqual(valuesOf(inline));
        expect(pooled[0].series.length).toBe(compiled.ticks * compiled.seriesCount);
      }
    } finally {
      await pool.destroy();
    }
  });

  it('stays usable after a run on it was aborted or its consumer failed', async () => {
    const pool = createMonteCarloPool(2, workerModule);
    try {
      const controller = new AbortController();
      const slow: FakeCompiled = { ...narrow, delayMs: 30 };
      const aborted = streamMonteCarlo({ compiled: slow, masterSeed: 1, replicates: 40, workers: 0, pool, chunkSize: 1, workerModule,
        signal: controller.signal, onBatch: () => controller.abort() });
      await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
      const failing = streamMonteCarlo({ compiled: narrow, masterSeed: 1, replicates: 12, workers: 0, pool, chunkSize: 1, workerModule,
        onBatch: (batch) => {
          if (batch.firstReplicate === 2) throw new Error('disk full');
        } });
      await expect(failing).rejects.toThrow(/disk full/);
      const after = await runMonteCarlo({ compiled: wide, masterSeed: 5, replicates: 6, workers: 0, pool, workerModule });
      expect(after.map((result) => result.replicate)).toEqual([0, 1, 2, 3, 4, 5]);
    } finally {
      await pool.destroy();
    }
  });

  it('refuses a run whose worker module differs from the pool\'s', async () => {
    const pool = createMonteCarloPool(1, workerModule);
    try {
      const other = new URL('../fixtures/montecarlo/otherWorker.ts', import.meta.url);
      await expect(streamMonteCarlo({ compiled: narrow, masterSeed: 1, replicates: 2, workers: 0, pool, workerModule: other, onBatch: () => {} }))
        .rejects.toThrow(RangeError);
    } finally {
      await pool.destroy();
    }
  });

  it('refuses a pool without threads', () => {
    expect(() => createMonteCarloPool(0, workerModule)).toThrow(RangeError);
  });
});
