import { measureTextWidth } from './measureTextWidth.ts';

/** A non-breaking space: joins the words of a date range so a line never breaks inside it. */
const NBSP = '\u00a0';

/**
 * Wraps a timeline label into lines at most `width` pixels wide (DejaVu Sans), breaking only at
 * ordinary spaces: a date range (`Jan 2026 – Jun 2027`, `Jan 2026 – end of run`) stays whole, and a
 * ` · ` separator that a break lands next to is dropped, since the line break itself separates the
 * parts (`…(processing) ·` over `Jan 2026 – Jun 2027` read as a dangling dot; audit of the charts).
 * Non-breaking spaces are measured as spaces (the width table does not hold them).
 *
 * @param text - One label, months and years already joined by non-breaking spaces.
 * @param width - Widest line, pixels.
 * @param fontSize - Font size, pixels.
 * @returns The lines, a word wider than `width` on a line of its own.
 * @example
 * wrapTimelineLabel('Threat · CN export quota … (processing) · Jan 2026 – Jun 2027', 556, 11);
 * // ['Threat · CN export quota … (processing)', 'Jan 2026 – Jun 2027']
 */
export function wrapTimelineLabel(text: string, width: number, fontSize: number): string[] {
  const joined = text
    .replace(/ – end of run/g, `${NBSP}–${NBSP}end${NBSP}of${NBSP}run`)
    .replace(/ – /g, `${NBSP}–${NBSP}`)
    .replace(/(\b[A-Z][a-z]{2}) (\d{4})\b/g, `$1${NBSP}$2`);
  const fits = (line: string): boolean => measureTextWidth(line.replaceAll(NBSP, ' '), fontSize, false) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of joined.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && !fits(next)) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  lines.push(line);
  // A separator at either end of a line separates nothing there.
  return lines
    .map((l, i) => (i === lines.length - 1 ? l : l.replace(/ ·$/, '')))
    .map((l, i) => (i === 0 ? l : l.replace(/^· /, '')))
    .filter((l) => l !== '·');
}
