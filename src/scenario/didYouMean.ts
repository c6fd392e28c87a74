/**
 * Optimal string alignment distance between two strings: insertions, deletions, substitutions and
 * transpositions of two adjacent characters, cost 1 each (a restricted Damerau–Levenshtein
 * distance; no substring is edited twice), so that `yeras` is one edit from `years`.
 * Example: `editDistance('ndrp', 'ndpr')` → 1.
 */
export function editDistance(a: string, b: string): number {
  // Three rows: two before the current one (for transpositions), the previous one and the current one.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, beforePrevious[j - 2] + 1);
      current.push(d);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * Other names of the chain's stages (lower case), far in spelling from the one the model uses: the
 * docs call the processing market "refined", and industry calls the stage refining or separation.
 */
const STAGE_SYNONYMS: Readonly<Record<string, string>> = {
  refining: 'processing', refined: 'processing', refinery: 'processing', refine: 'processing', separation: 'processing',
  smelting: 'processing', mine: 'mining', mines: 'mining', components: 'manufacturing', magnets: 'manufacturing',
};

/** The unit suffixes of scenario keys (`downtimeYears`, `budgetUsd`, `targetDays`), preferred among several keys that extend a word. */
const UNIT_SUFFIX = /^(Years|PerYear|Days|Weeks|Usd|UsdPerYear|UsdPerTonne|Tonnes|TonnesPerYear|Share)$/;

/**
 * The closest candidate to `word` when it is close enough to be a likely typo (distance at most a
 * third of the word's length, at least 1, case-insensitive; adjacent swaps count as one edit), else
 * the only candidate that starts with `word` (4 letters or more: `downtime` → `downtimeYears`), else
 * the candidate that `word` is another name of (`refining` → `processing`), else undefined.
 * Example: `didYouMean('demnd', ['demand', 'mining'])` → `'demand'`; `didYouMean('yeras', ['years'])` → `'years'`;
 * `didYouMean('refining', ['mining', 'processing'])` → `'processing'`.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const close = closestCandidate(word, candidates);
  if (close !== undefined) return close;
  const lower = word.toLowerCase();
  // A key written without its unit's suffix (`downtime` for `downtimeYears`): too many edits for a typo.
  const extended = lower.length >= 4 ? candidates.filter((c) => c.toLowerCase().startsWith(lower)) : [];
  const withUnit = extended.length > 1 ? extended.filter((c) => UNIT_SUFFIX.test(c.slice(word.length))) : extended;
  if (withUnit.length === 1) return withUnit[0];
  const synonym = Object.hasOwn(STAGE_SYNONYMS, lower) ? STAGE_SYNONYMS[lower] : undefined;
  return synonym !== undefined && candidates.includes(synonym) ? synonym : undefined;
}

/** The candidate closest to `word` within the typo distance of {@link didYouMean}, else undefined. */
function closestCandidate(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}
