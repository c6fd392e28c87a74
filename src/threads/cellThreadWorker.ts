/**
 * A helper thread of a replicate stepped across threads. It receives each replicate's world (its
 * columns in shared memory) and then runs the tasks the main thread posts in the control block on its
 * range of cells, until told to stop; it never changes a store's structure.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runCellTask, type World } from '../../sim-core/index.ts';
import { awaitNextTask, reportTaskDone } from './cellBarrier.ts';
import { FAILED, RANGE_STRIDE, RANGES, STAGE, STOP, TASK, TICK } from './cellControl.ts';

const { control, helper } = workerData as { control: Int32Array; helper: number };
/** This helper's range and timing slots in the control block. */
const slots = RANGES + RANGE_STRIDE * helper;

/** Runs posted tasks until STOP: waits for a new generation, runs, reports done. */
function serve(world: World, generation: number): void {
  let seen = generation;
  for (;;) {
    const next = awaitNextTask(control, seen);
    // The main thread posts one task at a time and waits for it: a generation that moved by more
    // than one means a task was never run here. Say so, so the main thread throws instead of
    // adding up cells this thread never settled.
    if (next !== ((seen + 1) | 0)) fail(`woke at task generation ${next} after ${seen}: a task was skipped`);
    seen = next;
    const task = Atomics.load(control, TASK);
    if (task === STOP) {
      // Acknowledge, so the main thread does not post the next replicate's tasks while this loop
      // (holding the previous world) could still pick them up.
      reportTaskDone(control, helper, seen);
      return;
    }
    world.tick = Atomics.load(control, TICK);
    try {
      const started = performance.now();
      runCellTask(world, task, Atomics.load(control, STAGE), control[slots], control[slots + 1]);
      control[slots + 2] = Math.round((performance.now() - started) * 1000);
    } catch (error) {
      fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    reportTaskDone(control, helper, seen);
  }
}

/** Marks this replicate's threads failed (the main thread throws after the barrier) and says why on stderr. */
function fail(reason: string): void {
  Atomics.store(control, FAILED, 1);
  process.stderr.write(`cell thread ${helper}: ${reason}\n`);
}

parentPort?.on('message', (message: { world: World; generation: number }) => serve(message.world, message.generation));
parentPort?.postMessage('ready');
