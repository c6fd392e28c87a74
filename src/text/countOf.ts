/**
 * A noun in the number a count asks for: the singular for exactly 1, else the plural.
 *
 * @param n - The count.
 * @param noun - Singular noun (or noun phrase, e.g. `block of series`).
 * @param pluralNoun - Plural (default: `noun` with `s` added).
 * @returns `noun` or `pluralNoun`.
 * @example
 * nounOf(1, 'replicate'); // 'replicate'
 */
export function nounOf(n: number, noun: string, pluralNoun = `${noun}s`): string {
  return n === 1 ? noun : pluralNoun;
}

/**
 * A count with its noun in the right number, for messages, sentences and headers.
 *
 * @param n - The count.
 * @param noun - Singular noun.
 * @param pluralNoun - Plural noun (default: `noun` with `s` added).
 * @returns e.g. `1 job`, `3 jobs`, `10,000 runs` (thousands grouped, as in the tables).
 * @example
 * countOf(2, 'shard'); // '2 shards'
 */
export function countOf(n: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${nounOf(n, noun, pluralNoun)}`;
}
