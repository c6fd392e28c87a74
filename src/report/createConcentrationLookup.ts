import { measureConcentration, type Concentration } from '../stats/measureConcentration.ts';
import type { ConcentrationOf } from './readConcentrations.ts';
import type { ComparedStrategies } from './renderComparisonSection.ts';
import type { ComparisonEntry } from './readComparisonJson.ts';
import type { ReplicateValues } from './readReplicatesCsv.ts';

/**
 * The lookup `readConcentrations` gives, over arms already read, memoised per alternative and
 * metric: an entry's per-run differences are its alternative's arm minus the reference's, paired by
 * replicate, and it is left undefined unless they match it (as many finite pairs as its `n`, the
 * same mean to rounding), so a file stated the other way round or relabelled is not judged on the
 * wrong runs.
 *
 * @param arms - Per arm (file label), per metric id, values in replicate order (`readArmReplicates`).
 * @param strategies - The compared strategies.
 * @returns The lookup.
 * @example
 * createConcentrationLookup(arms, strategies)(entry)?.carriedBy;
 */
export function createConcentrationLookup(arms: ReadonlyMap<string, ReplicateValues>, strategies: ComparedStrategies): ConcentrationOf {
  const armOf = (label: string): string => strategies.alternatives.find((a) => a.label === label)?.file ?? label;
  const reference = arms.get(strategies.reference.file ?? strategies.reference.label);
  const memo = new Map<string, Concentration | undefined>();
  return (entry) => {
    // The entry's mean and count are in the key: the check below is of this entry, not of the first one asked about.
    const key = `${entry.alternative}|${entry.metric}|${entry.meanDifference}|${entry.n}`;
    if (!memo.has(key)) memo.set(key, judge(reference?.get(entry.metric), arms.get(armOf(entry.alternative))?.get(entry.metric), entry));
    return memo.get(key);
  };
}

/** The concentration of `alternative − reference` run by run, when those runs are the entry's. */
function judge(reference: readonly number[] | undefined, alternative: readonly number[] | undefined, entry: ComparisonEntry): Concentration | undefined {
  if (reference === undefined || alternative === undefined || reference.length !== alternative.length) return undefined;
  const differences = alternative.map((b, i) => b - reference[i]).filter(Number.isFinite);
  if (differences.length === 0 || (Number.isFinite(entry.n) && differences.length !== entry.n)) return undefined;
  const mean = differences.reduce((s, d) => s + d, 0) / differences.length;
  const scale = differences.reduce((s, d) => s + Math.abs(d), 0) / differences.length;
  // The same runs give the same mean up to summation order; anything further off is another file's or the other sign.
  if (Math.abs(mean - entry.meanDifference) > 1e-9 * Math.max(scale, Math.abs(entry.meanDifference)) + 1e-12) return undefined;
  return measureConcentration(differences);
}
