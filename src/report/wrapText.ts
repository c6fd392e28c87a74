import { measureTextWidth } from './measureTextWidth.ts';

/**
 * Breaks text at spaces into lines at most `width` pixels wide as DejaVu Sans draws them (a
 * single word wider than that keeps its own line); continuation lines get `indent`.
 *
 * @param text - One line of text.
 * @param width - Widest line, pixels.
 * @param fontSize - Font size, pixels.
 * @param indent - Put before every line but the first (default none).
 * @returns The lines.
 * @example
 * wrapText('Threat · CN export quota …', 560, 11); // ['Threat · CN export quota …', '…']
 */
export function wrapText(text: string, width: number, fontSize: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && line !== indent && measureTextWidth(next, fontSize, false) > width) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = next;
  }
  return [...lines, line];
}
