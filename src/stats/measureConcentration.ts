/** How far a mean of paired differences rests on a few runs (see {@link measureConcentration}). */
export interface Concentration {
  /** Runs counted: the finite differences, zeros included. */
  runs: number;
  /**
   * The fewest runs, largest |d| first and of the mean's sign, whose differences sum to at least
   * half of Σ|d| (and so to at least half of the net total); 0 when the mean or Σ|d| is 0.
   */
  carriedBy: number;
  /** Whether `carriedBy` ≤ max(2, 15% of `runs`); false below {@link MIN_RUNS_ASSESSED} runs. */
  concentrated: boolean;
}

/** Below this many runs half of any sum is always in 1 or 2 runs, so no run count can tell. */
export const MIN_RUNS_ASSESSED = 5;

/** The share of the runs at or below which the half is "few": see the TSDoc of {@link measureConcentration}. */
export const FEW_RUNS_SHARE = 0.15;

/**
 * Whether a mean of paired differences is carried by a few runs, so that its t interval, which
 * leans on the differences being near normal, says less than "clearly" suggests. k is the smallest number of
 * runs whose differences, taken largest |d| first among those of the mean's sign, sum to at least
 * half of Σ|d| over all runs; since Σ|d| ≥ |Σd|, those k runs then hold at least half of the net
 * total too, which is what "half or more of it from k of n runs" says in a report. The mean is
 * called concentrated when k ≤ max(2, 15% of n) (4 of 30 runs, 15 of 100).
 *
 * Why 15%: a share that well-behaved differences do not reach, while "most runs about 0, a few
 * large" does. Over a large sample, half of Σ|d| takes the top 24% of |d| when d is normal around 0
 * (beyond √(2 ln 2) ≈ 1.18 standard deviations), more when the mean is away from 0 (every run the
 * same: ⌈n/2⌉, 50%), 19% for an exponential d and 16% for a lognormal with σ = 1. Simulated, 10,000
 * samples each, among those whose 95% t interval excludes 0: at 30 runs normal d (mean 0.3 to 1 sd)
 * and t(3) d are flagged in 0% and 0.6%, exponential in 2.3%, lognormal σ = 1 in 19% and σ = 1.5 in
 * 80%; 4 runs in 30 (on average) of about 420 among runs of about 0 ± 5, as the audit's case, in
 * 100%. At 100 runs: 0%, 0%, 2.3%, 38%, 100%, 100%; at 20 runs: 0%, 1.7%, 9%, 28%, 77%,
 * 97%. The interval's coverage is not what fails most (at 30 runs it covers the mean in 94% of
 * exponential samples, 93% of the 4-in-30 mixture's, 89% of the lognormal's): what the flag adds is
 * that a "clear" mean is a mean over rare runs, which "end users clearly receive more" does not
 * tell. The floor of 2 keeps one or two dominant runs flagged at 5 to 13 runs, where 15% is under 2;
 * there normal d is flagged in 4–7% of its clear samples at 10 runs, so a short run's flag is
 * weaker evidence. Below {@link MIN_RUNS_ASSESSED} runs even equal differences put half the sum in 1
 * or 2 runs, so nothing is flagged and the few runs are their own caveat. The measure is
 * descriptive, not a test: it adds no p-value.
 *
 * NaN and infinite values are left out (a run undefined in either arm).
 *
 * @param differences - Per-run paired differences (alternative − reference), any unit.
 * @returns The runs counted, k and the flag.
 * @example
 * measureConcentration([...Array(26).fill(0), 420, 420, 420, 420]); // { runs: 30, carriedBy: 2, concentrated: true }
 */
export function measureConcentration(differences: ArrayLike<number>): Concentration {
  const finite: number[] = [];
  for (let i = 0; i < differences.length; i++) if (Number.isFinite(differences[i])) finite.push(differences[i]);
  const runs = finite.length;
  let net = 0;
  let absolute = 0;
  for (const d of finite) {
    net += d;
    absolute += Math.abs(d);
  }
  if (net === 0 || absolute === 0) return { runs, carriedBy: 0, concentrated: false };
  // Same sign as the mean, largest first: the runs that carry it. Sorted copies keep the result independent of run order.
  const carrying = finite.filter((d) => Math.sign(d) === Math.sign(net)).map(Math.abs).sort((a, b) => b - a);
  let carriedBy = 0;
  let sum = 0;
  while (carriedBy < carrying.length && sum < absolute / 2) sum += carrying[carriedBy++];
  const concentrated = runs >= MIN_RUNS_ASSESSED && carriedBy <= Math.max(2, FEW_RUNS_SHARE * runs);
  return { runs, carriedBy, concentrated };
}
