import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BARRIER_SPIN_MS, barrierSpinMs, createSpinGovernor, spinWhileEqual } from '../../src/threads/barrierSpin.ts';

const control = () => new Int32Array(new SharedArrayBuffer(8));

describe('spinWhileEqual', () => {
  it('returns the value at once when it already differs', () => {
    const block = control();
    block[1] = 7;
    expect(spinWhileEqual(block, 1, 0, 10_000)).toBe(7);
  });
  it('gives up after its budget and returns the unchanged value (the caller then sleeps)', () => {
    expect(spinWhileEqual(control(), 1, 0, 5)).toBe(0);
    expect(spinWhileEqual(control(), 1, 0, 0)).toBe(0);
  });
  it('sees a value another thread stores while it spins', async () => {
    const block = control();
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       setTimeout(() => { Atomics.store(workerData, 1, 3); Atomics.notify(workerData, 1); }, 20);`,
      { eval: true, workerData: block },
    );
    try {
      // A generous budget: the store lands long before it runs out, so the spin must return 3.
      expect(spinWhileEqual(block, 1, 0, 30_000)).toBe(3);
    } finally {
      await worker.terminate();
    }
  });
});

describe('barrierSpinMs', () => {
  it('spins while the threads fit the cores and sleeps at once when they do not', () => {
    expect(barrierSpinMs(1)).toBe(BARRIER_SPIN_MS);
    expect(barrierSpinMs(availableParallelism())).toBe(BARRIER_SPIN_MS);
    expect(barrierSpinMs(availableParallelism() + 1)).toBe(0);
  });
});

describe('createSpinGovernor', () => {
  /**
   * A governor for `threadsInProcess` threads on a fake process clock, and a driver: each barrier
   * passes 10 ms of wall time in which the process uses `cores` cores.
   */
  function governed(threadsInProcess: number, maxBudgetMs = 2) {
    const now = { wallMs: 0, cpuMs: 0 };
    const governor = createSpinGovernor(threadsInProcess, maxBudgetMs, { wallMs: () => now.wallMs, cpuMs: () => now.cpuMs });
    const idle = (ms: number) => { now.wallMs += ms; };
    const barriers = (count: number, cores: number) => {
      for (let i = 0; i < count; i++) {
        now.wallMs += 10;
        now.cpuMs += 10 * cores;
        governor.afterBarrier();
      }
      return governor.budgetMs;
    };
    return { governor, idle, barriers };
  }
  it('keeps spinning while both threads get a core, and decides only once a window has passed', () => {
    const { barriers } = governed(2);
    expect(barriers(1, 1)).toBe(2); // 10 ms: no window yet, even at one core
    expect(barriers(10, 2)).toBe(2);
  });
  it('stops spinning when the threads share one core, and spins again once they overlap on two', () => {
    const { barriers } = governed(2);
    expect(barriers(3, 1)).toBe(0);
    // Sleeping threads on two cores overlap their work (1.7 cores): the governor spins again.
    expect(barriers(3, 1.7)).toBe(2);
  });
  it('starts a fresh window on restart, so idle time between replicates does not count', () => {
    const { governor, idle, barriers } = governed(2);
    idle(100); // a replicate being built: no barrier, the helper idle
    governor.restart();
    expect(barriers(3, 2)).toBe(2);
  });
  it('counts every replicate thread of the process: two workers of two threads on three cores stop spinning', () => {
    expect(governed(4).barriers(3, 3)).toBe(0);
    // Control: the same three cores are plenty for one replicate's two threads.
    expect(governed(2).barriers(3, 3)).toBe(2);
  });
  it('never spins when given no budget', () => {
    expect(governed(2, 0).barriers(3, 2)).toBe(0);
  });
});
