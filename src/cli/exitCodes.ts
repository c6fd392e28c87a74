/** Exit codes of the command line (see README). */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;
export const EXIT_INVALID_SCENARIO = 3;
export const EXIT_INTERRUPTED = 130;

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {}

/**
 * An interrupt after which work was kept (`--resume`): an AbortError (exit 130) printed as
 * `crm-sim: <message>`, which says what was kept and how to finish, instead of "no output written".
 */
export class InterruptedError extends Error {
  override name = 'AbortError';
}
