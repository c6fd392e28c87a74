import { MAX_QUOTED_CHARACTERS } from './scenarioLimits.ts';

/**
 * Cuts a text for a one-line message: texts longer than `max` (default {@link MAX_QUOTED_CHARACTERS})
 * keep their start, followed by `…` and their length. Example: a 5,000-character text → `aaa… (5000 characters)`.
 */
export function shortenText(text: string, max = MAX_QUOTED_CHARACTERS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length} characters)`;
}

/**
 * Quotes a text for a one-line message (JSON escapes, so control characters stay visible), cut
 * like {@link shortenText}. Example: `quoteText('kt/yr')` → `"kt/yr"`;
 * a 5,000-character text → `"aaa…" (5000 characters)`.
 */
export function quoteText(text: string): string {
  if (text.length <= MAX_QUOTED_CHARACTERS) return JSON.stringify(text);
  return `${JSON.stringify(`${text.slice(0, MAX_QUOTED_CHARACTERS)}…`)} (${text.length} characters)`;
}
