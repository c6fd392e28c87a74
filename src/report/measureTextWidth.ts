/**
 * Advance widths (thousandths of an em) of DejaVu Sans, the widest font of the charts' font
 * stack, for ASCII 32–126 followed by {@link EXTRA}; read from DejaVuSans.ttf and -Bold.ttf.
 */
const REGULAR = [318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838, 838, 500, 1000, 318, 838, 318, 518, 518, 1000, 838, 838, 400, 950];
const BOLD = [348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838, 838, 500, 1000, 380, 838, 380, 657, 657, 1000, 838, 838, 412, 1002];
const EXTRA = '×–—·→’“”…−≥›%';
/** Width of characters not in the table: a wide letter, so text is never under-measured. */
const FALLBACK = 0.8;

/**
 * Width of a text line in pixels as DejaVu Sans draws it, from a table of advance widths. Vega
 * in Node has no canvas to measure text and otherwise guesses 0.8 em per character, which makes
 * charts far wider than their text; this is exact for DejaVu Sans and an upper bound for the
 * narrower fonts (Arial, Helvetica) a reader's machine may substitute.
 *
 * @param text - One line of text.
 * @param fontSize - Font size in pixels.
 * @param bold - Bold weight (wider).
 * @returns Width in pixels.
 * @example
 * measureTextWidth('2030', 11, false); // 27.984
 */
export function measureTextWidth(text: string, fontSize: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const index = code >= 32 && code < 127 ? code - 32 : EXTRA.includes(char) ? 95 + EXTRA.indexOf(char) : -1;
    em += index < 0 ? FALLBACK : table[index] / 1000;
  }
  return em * fontSize;
}
