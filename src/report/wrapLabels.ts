import { measureTextWidth } from './measureTextWidth.ts';
import { shortenLabels } from './shortenLabels.ts';

/**
 * Chart labels broken at spaces onto at most two lines (joined by `\n`), each within `maxWidth`: a
 * scenario title such as "60-day US oxide stockpile, released into price spikes" keeps its words
 * instead of being cut mid-word. A label whose words do not fit on two lines ends its second line
 * with "…" after the last whole word that fits; labels that would then no longer tell their items
 * apart, or a word too long for a line, fall back to `shortenLabels` (one line, cut in the middle).
 *
 * @param labels - Full labels, distinct.
 * @param maxWidth - Width in pixels a line may take.
 * @param fontSize - Font size in pixels of the labels.
 * @returns One label per input, distinct, lines joined by `\n`.
 * @example
 * wrapLabels(['60-day US oxide stockpile, released into price spikes'], 170, 11);
 * // ['60-day US oxide stockpile,\nreleased into price spikes']
 */
export function wrapLabels(labels: readonly string[], maxWidth: number, fontSize: number): string[] {
  const fits = (text: string): boolean => measureTextWidth(text, fontSize, false) <= maxWidth;
  const wrapped = labels.map((label) => (fits(label) ? label : wrapOne(label, fits)));
  const distinct = new Set(wrapped.map((w) => w?.toLowerCase())).size === labels.length;
  if (wrapped.every((w) => w !== undefined) && distinct) return wrapped as string[];
  const short = shortenLabels(labels, maxWidth, fontSize);
  return labels.map((label, i) => (fits(label) ? label : wrapped[i] !== undefined && distinct ? wrapped[i] as string : short[i]));
}

/** `label` on two lines, the second cut after a whole word with "…" when needed; undefined when a word alone is too wide. */
function wrapOne(label: string, fits: (text: string) => boolean): string | undefined {
  const words = label.split(/\s+/).filter((w) => w !== '');
  if (words.some((w) => !fits(w))) return undefined;
  let first = 0;
  while (first < words.length && fits(words.slice(0, first + 1).join(' '))) first += 1;
  const rest = words.slice(first);
  if (fits(rest.join(' '))) return `${words.slice(0, first).join(' ')}\n${rest.join(' ')}`;
  let kept = rest.length - 1;
  while (kept > 0 && !fits(`${rest.slice(0, kept).join(' ')}…`)) kept -= 1;
  return kept === 0 ? undefined : `${words.slice(0, first).join(' ')}\n${rest.slice(0, kept).join(' ')}…`;
}
