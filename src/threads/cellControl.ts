/**
 * Layout of the shared control block of one replicate's threads (an Int32Array on a
 * SharedArrayBuffer): the main thread writes a task and bumps GENERATION; each helper runs its
 * range and adds one to DONE. Atomics order every access, so the columns written before a bump or an
 * add are visible to the thread that sees it.
 */
export const GENERATION = 0;
export const TASK = 1;
export const STAGE = 2;
export const TICK = 3;
export const DONE = 4;
/** Set to 1 by a helper whose task threw (it still counts as done, so the main thread wakes). */
export const FAILED = 5;
/** How long helpers spin at a barrier before they sleep, µs (set by the main thread; barrierSpin.ts). */
export const SPIN_US = 6;
/**
 * Helper h's slots start at RANGES + RANGE_STRIDE · h: the first cell of its range, one past its
 * last, the time its last task took, µs, and the generation of the last task it finished (the last
 * two written by the helper; the main thread checks the generation, see {@link SERVED}).
 */
export const RANGES = 7;
/** Control slots per helper. */
export const RANGE_STRIDE = 4;
/** Offset, in a helper's slots, of the generation of the last task it finished. */
export const SERVED = 3;
/** Task code that sends helpers back to their event loop (end of a replicate). */
export const STOP = -1;

/** Allocates a control block for `helpers` helper threads. */
export function createCellControl(helpers: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * (RANGES + RANGE_STRIDE * helpers)));
}
