import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { awaitHelpers, awaitNextTask, postTask, reportTaskDone } from '../../src/threads/cellBarrier.ts';
import { createCellControl, DONE, GENERATION, RANGE_STRIDE, RANGES, SERVED } from '../../src/threads/cellControl.ts';

describe('the barrier protocol of a replicate\'s threads', () => {
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
  const afterDelay = (control: Int32Array, code: string) =>
    new Worker(`const { workerData: c } = require('node:worker_threads'); setTimeout(() => { ${code} }, 20);`, { eval: true, workerData: control });

  it('wakes a sleeping helper when the main thread posts', async () => {
    const control = createCellControl(1);
    const main = afterDelay(control, `Atomics.store(c, ${DONE}, 0); Atomics.add(c, ${GENERATION}, 1); Atomics.notify(c, ${GENERATION});`);
    try {
      expect(awaitNextTask(control, 0)).toBe(1);
    } finally {
      await main.terminate();
    }
  });

  it('wakes the sleeping main thread when a helper reports', async () => {
    const control = createCellControl(1);
    const generation = postTask(control);
    const helper = afterDelay(control, `Atomics.store(c, ${RANGES + SERVED}, ${generation}); Atomics.add(c, ${DONE}, 1); Atomics.notify(c, ${DONE});`);
    try {
      awaitHelpers(control, 1, generation, 0);
      expect(control[DONE]).toBe(1);
    } finally {
      await helper.terminate();
    }
  });

  it('a helper returns at once when a task is already posted', () => {
    const control = createCellControl(1);
    postTask(control);
    expect(awaitNextTask(control, 0)).toBe(1);
  });
});
