/**
 * Replaces the event ids a text mentions (whole words, e.g. `as cnQuotaNdpr`) by the events'
 * descriptions in quotes, so readers never meet an internal id.
 *
 * @param text - Any text, e.g. a `source:`.
 * @param ids - Event ids of the scenario.
 * @param describe - Id → description.
 * @returns The text with descriptions.
 * @example
 * replaceEventIds('as cnQuotaNdpr', ['cnQuotaNdpr'], () => 'CN export quota'); // 'as “CN export quota”'
 */
export function replaceEventIds(text: string, ids: readonly string[], describe: (id: string) => string): string {
  const known = ids.filter((id) => /^\w+$/.test(id)).sort((a, b) => b.length - a.length);
  if (known.length === 0) return text;
  return text.replace(new RegExp(`\\b(${known.join('|')})\\b`, 'g'), (id) => `“${describe(id)}”`);
}
