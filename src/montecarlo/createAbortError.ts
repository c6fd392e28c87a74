/**
 * Creates the error a cancelled run rejects with: an `Error` named `AbortError` (as
 * `fetch` and `timers/promises` use), with the signal's reason as its cause.
 *
 * @param reason - `signal.reason`, kept as `cause`.
 * @returns The error.
 * @example
 * if (signal.aborted) throw createAbortError(signal.reason);
 */
export function createAbortError(reason?: unknown): Error {
  const error = new Error('the Monte Carlo run was aborted', { cause: reason });
  error.name = 'AbortError';
  return error;
}
