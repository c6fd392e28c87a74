/**
 * Splits text on a separator character that is not inside brackets, braces or quotes, so that
 * `5%,[US, JP],"a,b"` split on ',' gives `5%`, `[US, JP]` and `"a,b"`. Parts are trimmed.
 *
 * @param text - The text.
 * @param separator - One character.
 * @returns The parts, in order (one part for text without the separator).
 * @example
 * splitTopLevel('1,[2,3]', ','); // ['1', '[2,3]']
 */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}
