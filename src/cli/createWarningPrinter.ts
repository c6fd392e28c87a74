import { formatProblem, type Problem } from '../scenario/scenarioError.ts';
import { createOncePrinter } from './createOncePrinter.ts';

/**
 * A scenario warning printer for a command: writes `warning: <file:line:col: key: …>` to stderr,
 * each distinct warning once (a sweep loads its file once per point, a compare several files
 * that extend one base). Warnings show with `--quiet` too: they are not progress.
 *
 * @param write - Where the lines go; default stderr.
 * @returns The printer.
 * @example
 * const warn = createWarningPrinter();
 * for (const warning of loaded.warnings) warn(warning);
 */
export function createWarningPrinter(write: (text: string) => void = (text) => process.stderr.write(text)): (warning: Problem) => void {
  return createOncePrinter('warning', formatProblem, write);
}
