import type { Concentration } from '../stats/measureConcentration.ts';

/**
 * A concentrated mean's caveat in words, for beside its figure: `half or more of it from 2 of 30 runs`
 * (the k runs of `measureConcentration`, which hold at least half of the net difference).
 *
 * @param c - From `measureConcentration`.
 * @param what - What "half" is of: `it` beside the figure, `the difference` where no figure precedes.
 * @returns The phrase.
 * @example
 * describeConcentration({ runs: 30, carriedBy: 2, concentrated: true }); // 'half or more of it from 2 of 30 runs'
 */
export function describeConcentration(c: Concentration, what: 'it' | 'the difference' = 'it'): string {
  return `half or more of ${what} from ${c.carriedBy} of ${c.runs} runs`;
}
