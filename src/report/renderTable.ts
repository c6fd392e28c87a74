import { escapeHtml } from './escapeHtml.ts';

/** A column of {@link renderTable}: its header and whether it holds numbers (right-aligned). */
export interface TableColumn {
  header: string;
  numeric?: boolean;
}

/**
 * Renders an HTML table from plain-text cells (escaped here) with an optional caption and class.
 *
 * @param columns - Headers, numeric columns right-aligned.
 * @param rows - Cell text per row.
 * @param options - Plain-text `caption`; `className` (e.g. `kv` for field–value tables).
 * @returns The table's HTML.
 * @example
 * renderTable([{ header: 'Region' }, { header: 'Engineers', numeric: true }], [['US', '600']]);
 */
export function renderTable(
  columns: readonly TableColumn[],
  rows: ReadonlyArray<readonly string[]>,
  options: { caption?: string; className?: string } = {},
): string {
  const { caption, className } = options;
  const cls = (column: TableColumn): string => (column.numeric ? ' class="num"' : '');
  const head = columns.map((c) => `<th scope="col"${cls(c)}>${escapeHtml(c.header)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell, i) => `<td${cls(columns[i] ?? { header: '' })}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table${className === undefined ? '' : ` class="${escapeHtml(className)}"`}>${caption === undefined ? '' : `<caption class="note">${escapeHtml(caption)}</caption>`}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>\n`;
}
