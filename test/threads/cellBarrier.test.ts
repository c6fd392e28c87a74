import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { awaitHelpers, awaitNextTask, postTask, reportTaskDone } from '../../src/threads/cellBarrier.ts';
import { createCellControl, DONE, GENERATION, RANGE_STRIDE, RANGES, SERVED } from '../../src/threads/cellControl.ts';

describe('the barrier protocol of a replicate\'s threads', () => {
  it('counts generations past the largest 32-bit integer as the helpers do', () => {
    const control = createCellControl(1);
    control[GENERATION] = 2 ** 31 - 1;
    const generation = postTask(control);
    expect(generation).toBe(-(2 ** 31));
    expect(awaitNextTask(control, 2 ** 31 - 1)).toBe(generation);
    reportTaskDone(control, 0, generation);
    expect(() => awaitHelpers(control, 1, generation, 0)).not.toThrow();
  });

  it('posts a task as one more generation with no helper done yet', () => {
    const control = createCellControl(2);
    control[DONE] = 2;
    expect(postTask(control)).toBe(1);
    expect(postTask(control)).toBe(2);
    expect(control[GENERATION]).toBe(2);
    expect(control[DONE]).toBe(0);
  });

  it('returns once every helper has reported the posted task', () => {
    const control = createCellControl(2);
    const generation = postTask(control);
    reportTaskDone(control, 1, generation);
    reportTaskDone(control, 0, generation);
    expect(() => awaitHelpers(control, 2, generation, 0)).not.toThrow();
    expect(control[RANGES + RANGE_STRIDE + SERVED]).toBe(generation);
  });

  it('throws, instead of going on, when a report is for another task', () => {
    const control = createCellControl(2);
    const generation = postTask(control);
    reportTaskDone(control, 0, generation);
    // A late report of the previous task counts as done but served the wrong generation.
    reportTaskDone(control, 1, generation - 1);
    expect(() => awaitHelpers(control, 2, generation, 0)).toThrow(/out of step \(helper 1 reported task 0, expected 1/);
  });

  it('throws when one helper reported twice', () => {
    const control = createCellControl(1);
    const generation = postTask(control);
    reportTaskDone(control, 0, generation);
    reportTaskDone(control, 0, generation);
    expect(() => awaitHelpers(control, 1, generation, 0)).toThrow(/2 reports for 1 helpers/);
  });

  // The other side is played by a plain thread that stores and notifies as the protocol does.
  const afterDelay = (control: Int32Array, code: string, ms = 20) =>
    new Worker(`const { workerData: c } = require('node:worker_threads'); setTimeout(() => { ${code} }, ${ms});`, { eval: true, workerData: control });
  /**
   * A waiting test thread cannot be interrupted by vitest's timeout: if the code under test waits on
   * the wrong value or index, this thread wakes it after 10 s with values no correct run has, so
   * that the test fails instead of hanging.
   */
  const watchdog = (control: Int32Array) => afterDelay(control, `Atomics.store(c, ${GENERATION}, 999); Atomics.store(c, ${DONE}, 99);
    Atomics.store(c, ${RANGES + SERVED}, -7); for (let i = 0; i < c.length; i++) Atomics.notify(c, i);`, 10_000);

  it('wakes a sleeping helper when the main thread posts', async () => {
    const control = createCellControl(1);
    const main = afterDelay(control, `Atomics.store(c, ${DONE}, 0); Atomics.add(c, ${GENERATION}, 1); Atomics.notify(c, ${GENERATION});`);
    const guard = watchdog(control);
    try {
      expect(awaitNextTask(control, 0)).toBe(1);
    } finally {
      await Promise.all([main.terminate(), guard.terminate()]);
    }
  });

  it('wakes the sleeping main thread when a helper reports', async () => {
    const control = createCellControl(1);
    const generation = postTask(control);
    const helper = afterDelay(control, `Atomics.store(c, ${RANGES + SERVED}, ${generation}); Atomics.add(c, ${DONE}, 1); Atomics.notify(c, ${DONE});`);
    const guard = watchdog(control);
    try {
      awaitHelpers(control, 1, generation, 0);
      expect(control[DONE]).toBe(1);
    } finally {
      await Promise.all([helper.terminate(), guard.terminate()]);
    }
  });

  it('a helper returns at once when a task is already posted', () => {
    const control = createCellControl(1);
    postTask(control);
    expect(awaitNextTask(control, 0)).toBe(1);
  });
});
