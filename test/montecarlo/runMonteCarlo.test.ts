import { describe, expect, it } from 'vitest';
import { planReplicateChunks } from '../../src/montecarlo/planReplicateChunks.ts';
import type { ReplicateResult } from '../../sim-core/results.ts';
import { runMonteCarlo, type MonteCarloProgress } from '../../src/montecarlo/runMonteCarlo.ts';
import type { FakeCompiled } from '../fixtures/montecarlo/fakeReplicateWorker.ts';

const workerModule = new URL('../fixtures/montecarlo/fakeReplicateWorker.ts', import.meta.url);
const compiled: FakeCompiled = { ticks: 7, seriesCount: 3, summaryCount: 4 };

/** All bytes of all results, in order, for byte-level comparison. */
function toBytes(results: ReplicateResult[]): Buffer {
  return Buffer.concat(
    results.flatMap((result) => [
      Buffer.from(Int32Array.of(result.replicate).buffer),
      Buffer.from(result.series.buffer, result.series.byteOffset, result.series.byteLength),
      Buffer.from(result.summaries.buffer, result.summaries.byteOffset, result.summaries.byteLength),
    ]),
  );
}

describe('runMonteCarlo with an injected worker module', () => {
  it('gives byte-identical results for workers 0, 1, 2 and 4 and any chunk size', async () => {
    const runs = [];
    for (const [workers, chunkSize] of [[0, undefined], [1, undefined], [2, undefined], [4, 1], [2, 7]] as const) {
      runs.push(await runMonteCarlo({ compiled, masterSeed: 42, replicates: 23, workers, chunkSize, workerModule }));
    }
    const reference = toBytes(runs[0]);
    for (const run of runs) {
      expect(run.map((result) => result.replicate)).toEqual(Array.from({ length: 23 }, (_, i) => i));
      expect(toBytes(run).equals(reference)).toBe(true);
    }
    const otherSeed = await runMonteCarlo({ compiled, masterSeed: 43, replicates: 23, workers: 0, workerModule });
    expect(toBytes(otherSeed).equals(reference)).toBe(false);
  });

  it('returns usable typed arrays in shared memory from workers (copied, not transferred)', async () => {
    const [first] = await runMonteCarlo({ compiled, masterSeed: 1, replicates: 1, workers: 1, workerModule });
    expect(first.series).toBeInstanceOf(Float64Array);
    expect(first.series.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(first.summaries.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(first.series.length).toBe(21);
    expect(first.summaries.length).toBe(4);
  });

  it('merges by replicate index, not completion order', async () => {
    // Low replicates are slowest, so with chunk size 1 later replicates finish first.
    const slow: FakeCompiled = { ...compiled, slowFirstMs: 4 };
    const order: number[] = [];
    const results = await runMonteCarlo({
      compiled: slow,
      masterSeed: 5,
      replicates: 12,
      workers: 2,
      chunkSize: 1,
      workerModule,
      onProgress: ({ completedReplicates }) => order.push(completedReplicates),
    });
    expect(results.map((result) => result.replicate)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    const inline = await runMonteCarlo({ compiled: slow, masterSeed: 5, replicates: 12, workers: 0, workerModule });
    expect(toBytes(results).equals(toBytes(inline))).toBe(true);
    expect(order).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('reports progress up to the total', async () => {
    const reports: MonteCarloProgress[] = [];
    await runMonteCarlo({ compiled, masterSeed: 3, replicates: 10, workers: 2, workerModule, onProgress: (p) => reports.push(p) });
    // One report per chunk: planReplicateChunks(10, 2) has sizes 2 and 1 × 8.
    expect(reports.length).toBe(planReplicateChunks(10, 2).length);
    expect(reports.length).toBe(9);
    expect(reports.at(-1)).toEqual({ completedReplicates: 10, totalReplicates: 10 });
  });

  it('returns an empty list for zero replicates', async () => {
    expect(await runMonteCarlo({ compiled, masterSeed: 3, replicates: 0, workers: 2, workerModule })).toEqual([]);
  });

  it('rejects with the worker error when a replicate fails', async () => {
    const failing: FakeCompiled = { ...compiled, failAt: 6 };
    await expect(runMonteCarlo({ compiled: failing, masterSeed: 1, replicates: 10, workers: 2, workerModule }))
      .rejects.toThrow(/fake failure at replicate 6/);
    await expect(runMonteCarlo({ compiled: failing, masterSeed: 1, replicates: 10, workers: 0, workerModule }))
      .rejects.toThrow(/fake failure at replicate 6/);
  });

  it('rejects bad options', async () => {
    await expect(runMonteCarlo({ compiled, masterSeed: 1, replicates: -1, workers: 1, workerModule })).rejects.toThrow(RangeError);
    await expect(runMonteCarlo({ compiled, masterSeed: 1, replicates: 3, workers: 1.5, workerModule })).rejects.toThrow(RangeError);
    await expect(runMonteCarlo({ compiled, masterSeed: 1, replicates: 3, workers: 1, chunkSize: 0, workerModule })).rejects.toThrow(RangeError);
  });
});

describe('runMonteCarlo abort', () => {
  const slow: FakeCompiled = { ...compiled, delayMs: 50 };

  it('destroys the pool promptly and rejects with an AbortError', async () => {
    const controller = new AbortController();
    let completed = 0;
    const run = runMonteCarlo({
      compiled: slow, masterSeed: 1, replicates: 200, workers: 2, chunkSize: 1, workerModule, signal: controller.signal,
      onProgress: (p) => { completed = p.completedReplicates; },
    });
    setTimeout(() => controller.abort(), 300);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    // Promptly = in replicates, not milliseconds (timing is bench/'s): one replicate a task, 50 ms
    // each on 2 threads, so about 12 finish by the abort at 0.3 s, whatever the machine's speed; a
    // pool that ran on after the abort would finish all 200 before the rejection.
    expect(completed).toBeLessThan(100);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(runMonteCarlo({ compiled, masterSeed: 1, replicates: 5, workers: 2, workerModule, signal: controller.signal }))
      .rejects.toMatchObject({ name: 'AbortError', cause: new Error('stop') });
  });

  it('stops between chunks when running inline', async () => {
    const controller = new AbortController();
    let seen = 0;
    const run = runMonteCarlo({
      compiled: slow,
      masterSeed: 1,
      replicates: 100,
      workers: 0,
      chunkSize: 1,
      workerModule,
      signal: controller.signal,
      onProgress: ({ completedReplicates }) => {
        seen = completedReplicates;
        if (completedReplicates === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toBe(3);
  });
});
