/**
 * A helper thread of a replicate stepped across threads. It receives each replicate's world (its
 * columns in shared memory) and then runs the tasks the main thread posts in the control block on its
 * range of cells, until told to stop; it never changes a store's structure.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runCellTask, type World } from '../../sim-core/index.ts';
import { spinWhileEqual } from './barrierSpin.ts';
import { DONE, FAILED, GENERATION, RANGE_STRIDE, RANGES, SPIN_US, STAGE, STOP, TASK, TICK } from './cellControl.ts';

const { control, helper } = workerData as { control: Int32Array; helper: number };
/** This helper's range and timing slots in the control block. */
const slots = RANGES + RANGE_STRIDE * helper;

/** Runs posted tasks until STOP: waits for a new generation, runs, reports done. */
function serve(world: World, generation: number): void {
  let seen = generation;
  for (;;) {
    if (spinWhileEqual(control, GENERATION, seen, Atomics.load(control, SPIN_US) / 1000) === seen) Atomics.wait(control, GENERATION, seen);
    seen = Atomics.load(control, GENERATION);
    const task = Atomics.load(control, TASK);
    if (task === STOP) {
      // Acknowledge, so the main thread does not post the next replicate's tasks while this loop
      // (holding the previous world) could still pick them up.
      Atomics.add(control, DONE, 1);
      Atomics.notify(control, DONE);
      return;
    }
    world.tick = Atomics.load(control, TICK);
    try {
      const started = performance.now();
      runCellTask(world, task, Atomics.load(control, STAGE), control[slots], control[slots + 1]);
      control[slots + 2] = Math.round((performance.now() - started) * 1000);
    } catch (error) {
      Atomics.store(control, FAILED, 1);
      process.stderr.write(`cell thread ${helper}: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    Atomics.add(control, DONE, 1);
    Atomics.notify(control, DONE);
  }
}

parentPort?.on('message', (message: { world: World; generation: number }) => serve(message.world, message.generation));
parentPort?.postMessage('ready');
