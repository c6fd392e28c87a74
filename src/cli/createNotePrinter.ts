import { formatNote, type ScenarioNote } from '../scenario/findReversibleDefaults.ts';
import { createOncePrinter } from './createOncePrinter.ts';

/**
 * A scenario note printer for a command: writes `note: <file:line:col: key: …>` to stderr, each
 * distinct note once (a compare loads several files that extend one base). `run` and `compare` print
 * notes before they run, and not with `--quiet`; `validate` prints them for every valid file;
 * `sweep`, `stress` and queue jobs do not.
 *
 * @param write - Where the lines go; default stderr.
 * @returns The printer.
 * @example
 * const note = createNotePrinter();
 * for (const n of loaded.notes) note(n);
 */
export function createNotePrinter(write: (text: string) => void = (text) => process.stderr.write(text)): (note: ScenarioNote) => void {
  return createOncePrinter('note', formatNote, write);
}
