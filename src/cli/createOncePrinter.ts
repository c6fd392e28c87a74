/**
 * A printer that writes `<label>: <formatted item>` lines, each distinct line once: a compare loads
 * several files that extend one base, a sweep one file per point, and the same warning or note
 * must not repeat.
 *
 * @param label - The line's prefix, e.g. `warning`.
 * @param format - Turns an item into its located text.
 * @param write - Where the lines go.
 * @returns The printer.
 * @example
 * const warn = createOncePrinter('warning', formatProblem, (text) => process.stderr.write(text));
 */
export function createOncePrinter<T>(label: string, format: (item: T) => string, write: (text: string) => void): (item: T) => void {
  const printed = new Set<string>();
  return (item) => {
    const text = `${label}: ${format(item)}\n`;
    if (printed.has(text)) return;
    printed.add(text);
    write(text);
  };
}
