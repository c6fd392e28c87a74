import { describe, expect, it } from 'vitest';
import type { ReplicateResult } from '../../sim-core/results.ts';
import type { ReplicateBatch } from '../../src/montecarlo/replicateTask.ts';
import { runMonteCarlo } from '../../src/montecarlo/runMonteCarlo.ts';
import { streamMonteCarlo } from '../../src/montecarlo/streamMonteCarlo.ts';
import type { FakeCompiled } from '../fixtures/montecarlo/fakeReplicateWorker.ts';

const workerModule = new URL('../fixtures/montecarlo/fakeReplicateWorker.ts', import.meta.url);
const compiled: FakeCompiled = { ticks: 5, seriesCount: 2, summaryCount: 3 };

describe('streamMonteCarlo', () => {
  it('runs a replicate range starting at firstReplicate, with the same values as a full run', async () => {
    const full = await runMonteCarlo({ compiled, masterSeed: 9, replicates: 12, workers: 0, workerModule });
    const batches: ReplicateBatch[] = [];
    await streamMonteCarlo({ compiled, masterSeed: 9, replicates: 5, firstReplicate: 4, workers: 2, chunkSize: 2, workerModule,
      onBatch: (batch) => void batches.push(batch) });
    const results = batches.flatMap((batch) => batch.results).sort((a, b) => a.replicate - b.replicate);
    expect(results.map((result) => result.replicate)).toEqual([4, 5, 6, 7, 8]);
    results.forEach((result: ReplicateResult) => {
      expect(Array.from(result.series)).toEqual(Array.from(full[result.replicate].series));
    });
    expect(batches.every((batch) => batch.results[0].replicate === batch.firstReplicate)).toBe(true);
  });

  it('keeps at most two batches per worker in flight while a slow consumer stores them', async () => {
    let inside = 0;
    let most = 0;
    let total = 0;
    await streamMonteCarlo({ compiled, masterSeed: 1, replicates: 24, workers: 2, chunkSize: 1, workerModule,
      onBatch: async (batch) => {
        inside++;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 20));
        total += batch.results.length;
        inside--;
      } });
    expect(total).toBe(24);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
  });

  it('rejects with the consumer error and stops the pool', async () => {
    const run = streamMonteCarlo({ compiled, masterSeed: 1, replicates: 20, workers: 2, chunkSize: 1, workerModule,
      onBatch: (batch) => {
        if (batch.firstReplicate === 3) throw new Error('disk full');
      } });
    await expect(run).rejects.toThrow(/disk full/);
  });

  it('rejects a negative first replicate', async () => {
    await expect(streamMonteCarlo({ compiled, masterSeed: 1, replicates: 2, firstReplicate: -1, workers: 0, workerModule, onBatch: () => {} }))
      .rejects.toThrow(RangeError);
  });
});
