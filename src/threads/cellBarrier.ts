/**
 * The barrier protocol of a replicate's threads over the control block (cellControl.ts), both
 * sides in one place. The main thread writes a task, then {@link postTask}: DONE back to 0, one
 * more GENERATION, a wake-up. Each helper waits in {@link awaitNextTask}, runs its range, and calls
 * {@link reportTaskDone}: the generation it served into its own slot, then one more DONE. The main
 * thread runs its own range and {@link awaitHelpers}, which also checks that every helper served
 * exactly this task. Atomics order every access, so the columns written before a post or a report
 * are visible to the thread that sees it.
 */
import { spinWhileEqual } from './barrierSpin.ts';
import { DONE, GENERATION, RANGE_STRIDE, RANGES, SERVED, SPIN_US } from './cellControl.ts';

/** Main thread: posts the task written in the control block; returns its generation. */
export function postTask(control: Int32Array): number {
  Atomics.store(control, DONE, 0);
  const generation = (Atomics.add(control, GENERATION, 1) + 1) | 0;
  Atomics.notify(control, GENERATION);
  return generation;
}

/**
 * Main thread: waits (spinning up to `spinMs` between sleeps) until the `helpers` helpers have
 * finished the task of `generation`, then checks that each reported exactly that task.
 * @throws Error when a helper is out of step: the caller would otherwise add up cells that were
 *   never settled, and the run would give wrong results silently
 */
export function awaitHelpers(control: Int32Array, helpers: number, generation: number, spinMs: number): void {
  let done = Atomics.load(control, DONE);
  while (done < helpers) {
    if (spinWhileEqual(control, DONE, done, spinMs) === done) Atomics.wait(control, DONE, done);
    done = Atomics.load(control, DONE);
  }
  for (let h = 0; h < helpers; h++) {
    const served = Atomics.load(control, RANGES + RANGE_STRIDE * h + SERVED);
    if (done !== helpers || served !== generation) {
      throw new Error(`internal error: cell threads out of step (helper ${h} reported task ${served}, expected ${generation}; ${done} reports for ${helpers} helpers): the run stopped rather than give wrong results`);
    }
  }
}

/**
 * Helper: spins (as long as the main thread's SPIN_US says), then sleeps, until a task newer than
 * generation `seen` is posted; returns its generation.
 */
export function awaitNextTask(control: Int32Array, seen: number): number {
  let next = spinWhileEqual(control, GENERATION, seen, Atomics.load(control, SPIN_US) / 1000);
  // Atomics.wait returns when notified or when the value already differs: check again anyway.
  while (next === seen) {
    Atomics.wait(control, GENERATION, seen);
    next = Atomics.load(control, GENERATION);
  }
  return next;
}

/** Helper `helper`: reports the task of `generation` done (its slot first, then the count the main thread waits on). */
export function reportTaskDone(control: Int32Array, helper: number, generation: number): void {
  Atomics.store(control, RANGES + RANGE_STRIDE * helper + SERVED, generation);
  Atomics.add(control, DONE, 1);
  Atomics.notify(control, DONE);
}
