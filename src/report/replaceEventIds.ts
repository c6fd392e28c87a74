/** An id unlike an ordinary word (camelCase, a digit or an underscore: `cnQuotaNdpr`, `quota2`), safe to replace wherever it stands. */
function isDistinctive(id: string): boolean {
  return /[A-Z0-9_]/.test(id);
}

/**
 * Replaces the event ids a text mentions by the events' descriptions in quotes, so readers never
 * meet an internal id. A distinctive id (camelCase, with a digit or an underscore) is replaced as a
 * whole word anywhere; an id that is an ordinary lowercase word (`t`, `ban`, `quota`) only where it
 * is referred to, after "as " or "see ", so that the word itself in a source note is left alone.
 *
 * @param text - Any text, e.g. a `source:`.
 * @param ids - Event ids of the scenario.
 * @param describe - Id → description.
 * @returns The text with descriptions.
 * @example
 * replaceEventIds('as cnQuotaNdpr', ['cnQuotaNdpr'], () => 'CN export quota'); // 'as “CN export quota”'
 * replaceEventIds('45000 t REO, as t', ['t'], () => 'US tariff'); // '45000 t REO, as “US tariff”'
 */
export function replaceEventIds(text: string, ids: readonly string[], describe: (id: string) => string): string {
  const known = ids.filter((id) => /^\w+$/.test(id)).sort((a, b) => b.length - a.length);
  const distinctive = known.filter(isDistinctive);
  const plain = known.filter((id) => !isDistinctive(id));
  let out = text;
  if (distinctive.length > 0) out = out.replace(new RegExp(`\\b(${distinctive.join('|')})\\b`, 'g'), (id) => `“${describe(id)}”`);
  if (plain.length > 0) out = out.replace(new RegExp(`\\b(as|see) (${plain.join('|')})\\b`, 'g'), (_, word: string, id: string) => `${word} “${describe(id)}”`);
  return out;
}
