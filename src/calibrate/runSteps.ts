import { setImmediate as nextTurn } from 'node:timers/promises';
import { createAbortError } from '../montecarlo/createAbortError.ts';

/**
 * A computation split into steps: a generator that yields (nothing) at each point where it may be
 * paused, and returns its result. Calibration's evaluations are these, so the same code runs straight
 * through (tests, scripts) or lets the event loop turn between replicates (the CLI: Ctrl-C works).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end at once and returns the result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs `steps` letting the event loop turn after each one (signal handlers, progress), and stops
 * with an AbortError at the first pause after `signal` aborts.
 * @throws AbortError (an Error named `AbortError`) when `signal` aborts.
 * @example const evaluation = await runPausing(evaluationSteps(calibration, values), signal);
 */
export async function runPausing<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T> {
  for (;;) {
    if (signal?.aborted) throw createAbortError(signal.reason);
    const step = steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}
