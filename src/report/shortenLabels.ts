import { measureTextWidth } from './measureTextWidth.ts';

const ELLIPSIS = '…';

/**
 * Labels shortened to fit a width, each still telling its item apart from the others: a label
 * that fits is kept; a longer one keeps its start and end around an ellipsis
 * (`a1-mitig-drc-cob…0-components`), with the split chosen so that no other label also starts
 * with that start and ends with that end (so two long names sharing a long prefix keep their
 * distinguishing tails, and two sharing a suffix their heads). Only when no split does (the names
 * differ only deep in the middle) is the item's position put in front (`#2 a1-mitig…`).
 *
 * @param labels - Full labels, distinct.
 * @param maxWidth - Width in pixels a label may take.
 * @param fontSize - Font size in pixels of the labels.
 * @returns One label per input, distinct, each within `maxWidth` as far as a label can be.
 * @example
 * shortenLabels(['a1-mitig-drc-cobalt-stockpile90', 'a1-mitig-drc-cobalt-stockpile90-components'], 170, 11);
 * // ['a1-mitig-drc-cobalt-stockpile90', 'a1-mitig-drc-c…90-components'] (the first fits)
 */
export function shortenLabels(labels: readonly string[], maxWidth: number, fontSize: number): string[] {
  const fits = (text: string): boolean => measureTextWidth(text, fontSize, false) <= maxWidth;
  return labels.map((label, index) => {
    if (fits(label)) return label;
    const others = labels.filter((_, i) => i !== index);
    const chars = [...label];
    for (let budget = largestBudget(chars, fits); budget > 0; budget -= 1) {
      const head = preferredSplits(budget).find((h) => fits(join(chars, h, budget - h)) && isUnambiguous(chars.slice(0, h).join(''), chars.slice(chars.length - (budget - h)).join(''), others));
      if (head !== undefined) return join(chars, head, budget - head);
    }
    const prefix = `#${index + 1} `;
    const numbered = largestBudget(chars, (text) => fits(prefix + text));
    return prefix + join(chars, Math.ceil(numbered * 0.6), numbered - Math.ceil(numbered * 0.6));
  });
}

function join(chars: readonly string[], head: number, tail: number): string {
  return chars.slice(0, head).join('') + ELLIPSIS + (tail > 0 ? chars.slice(chars.length - tail).join('') : '');
}

/** The most characters of the label that fit with an ellipsis (split 60/40 for measuring). */
function largestBudget(chars: readonly string[], fits: (text: string) => boolean): number {
  let budget = 0;
  while (budget + 1 < chars.length && fits(join(chars, Math.ceil((budget + 1) * 0.6), budget + 1 - Math.ceil((budget + 1) * 0.6)))) budget += 1;
  return budget;
}

/** Head lengths to try, nearest to a 60/40 split first, so the label reads as its start and end. */
function preferredSplits(budget: number): number[] {
  const preferred = Math.ceil(budget * 0.6);
  return Array.from({ length: budget + 1 }, (_, head) => head).sort((a, b) => Math.abs(a - preferred) - Math.abs(b - preferred) || b - a);
}

/** True when no other label could be read as `head…tail`. */
function isUnambiguous(head: string, tail: string, others: readonly string[]): boolean {
  return others.every((other) => !(other.startsWith(head) && other.endsWith(tail) && other.length >= head.length + tail.length) && other !== `${head}${ELLIPSIS}${tail}`);
}
