import { formatProblem, type Problem } from '../scenario/scenarioError.ts';

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
  const printed = new Set<string>();
  return (warning) => {
    const text = `warning: ${formatProblem(warning)}\n`;
    if (printed.has(text)) return;
    printed.add(text);
    write(text);
  };
}
