/**
 * Replaces the event ids a text refers to by the events' descriptions in quotes, so readers never
 * meet an internal id. An id is replaced where the text points to it, after "as", "see" or "cf."
 * (any case, any space: the way scenario files cite another event, `as cnQuotaNdpr`), never as a
 * bare word: ids are often ordinary words (`licensing`, `t`, `ban`) that source notes use as words.
 * One pass, so a description put in is never rewritten.
 *
 * @param text - Any text, e.g. a `source:`.
 * @param ids - Event ids of the scenario.
 * @param describe - Id → description.
 * @returns The text with descriptions.
 * @example
 * replaceEventIds('as cnQuotaNdpr', ['cnQuotaNdpr'], () => 'CN export quota'); // 'as “CN export quota”'
 * replaceEventIds('45000 t REO, see t', ['t'], () => 'US tariff'); // '45000 t REO, see “US tariff”'
 */
export function replaceEventIds(text: string, ids: readonly string[], describe: (id: string) => string): string {
  const known = ids.filter((id) => /^\w+$/.test(id)).sort((a, b) => b.length - a.length);
  if (known.length === 0) return text;
  const reference = new RegExp(`\\b(as|see|cf\\.)(\\s+)(${known.join('|')})\\b`, 'gi');
  const exact = new Set(known);
  // Ids are case-sensitive: the pattern matches any case for the pointer word, so check the id itself.
  return text.replace(reference, (match, word: string, space: string, id: string) => (exact.has(id) ? `${word}${space}“${describe(id)}”` : match));
}
