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
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : pluralNoun}`;
}
