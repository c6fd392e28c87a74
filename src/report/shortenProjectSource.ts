/** Longest shortened source, characters. */
const MAX_LENGTH = 55;

/**
 * A scripted project's `source:` text shortened to its name for a chart note: without the
 * `assumption:` label, what follows a `;`, a comma or "toward", and parentheses holding figures or
 * citations (those with a digit); if still long, the other parentheses, then cut at a word with "…".
 *
 * @param source - The project's `source:` text.
 * @returns The name, '' when there is none.
 * @example
 * shortenProjectSource('assumption: MP Materials Mountain Pass separation ramp toward ~6 kt NdPr/yr'); // 'MP Materials Mountain Pass separation ramp'
 * shortenProjectSource('assumption: US heavy-RE separation (MP Materials Dy/Tb circuit)'); // kept whole: no digit in the parentheses
 */
export function shortenProjectSource(source: string): string {
  let name = source.replace(/^\s*assumption\s*:\s*/i, '').split(/;|,\s| toward /)[0];
  name = name.replace(/\s*\([^)]*\d[^)]*\)/g, '').replace(/\s+/g, ' ').trim();
  // An unclosed parenthesis left by the cut at a comma or semicolon goes too.
  if (/\([^)]*$/.test(name)) name = name.replace(/\s*\([^)]*$/, '').trim();
  if (name.length <= MAX_LENGTH) return name;
  // Too long: the remaining parentheses go first, then words from the end.
  name = name.replace(/\s*\([^)]*\)/g, '').trim();
  if (name.length <= MAX_LENGTH) return name;
  const cut = name.slice(0, MAX_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[\s,;:(-]+$/, '')}…`;
}
