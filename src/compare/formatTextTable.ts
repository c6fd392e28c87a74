/**
 * Lays out rows as an aligned plain-text table: columns separated by two spaces, the first
 * `leftColumns` columns left-aligned (names), the others right-aligned (numbers), a header line
 * and a dashed rule under it. Widths count UTF-16 code units (no wide characters expected).
 *
 * @param header - Column titles.
 * @param rows - Cells as text, one array per row, as long as `header`.
 * @param leftColumns - How many leading columns are left-aligned; default 1.
 * @returns The table, each line ending in LF.
 * @example
 * formatTextTable(['metric', 'mean'], [['a', '1'], ['bb', '22']]);
 */
export function formatTextTable(header: readonly string[], rows: readonly (readonly string[])[], leftColumns = 1): string {
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => row[c].length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return `${[line(header), rule, ...rows.map(line)].join('\n')}\n`;
}
