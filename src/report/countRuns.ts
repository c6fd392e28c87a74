import { countOf } from '../text/countOf.ts';

/**
 * A count of runs with the noun in the right number, for sentences and headers.
 *
 * @param n - Number of runs (or pairs, with `noun`).
 * @param noun - Singular noun (default `run`); the plural adds `s`.
 * @returns e.g. `1 run`, `8 runs`, `1 pair`, `10,000 runs` (thousands grouped, as in the tables).
 * @example
 * countRuns(1); // '1 run'
 */
export function countRuns(n: number, noun = 'run'): string {
  return countOf(n, noun);
}
