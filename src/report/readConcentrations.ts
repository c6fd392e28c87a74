import type { Concentration } from '../stats/measureConcentration.ts';
import type { ComparedStrategies } from './renderComparisonSection.ts';
import type { ComparisonEntry } from './readComparisonJson.ts';
import { readArmReplicates } from './readArmReplicates.ts';
import { createConcentrationLookup } from './createConcentrationLookup.ts';
import { ReportInputError } from './reportInputError.ts';

/** An entry's concentration (`measureConcentration` of its per-run paired differences), or undefined when they cannot be had. */
export type ConcentrationOf = (entry: ComparisonEntry) => Concentration | undefined;

/**
 * Reads a compare folder's `replicates.csv` once and gives, for an entry of comparison.json (its
 * difference stated alternative − reference, as the report sections state it), how far its mean
 * rests on a few runs: the per-run differences are the alternative's arm minus the reference's,
 * paired by replicate. comparison.json keeps only means and intervals, so this is where the runs
 * come from. An entry is left undefined unless its runs match it (as many finite pairs as its `n`,
 * the same mean to rounding): a file stated the other way round, relabelled or from another run is
 * then not judged rather than judged on the wrong runs.
 *
 * @param dir - The compare output folder.
 * @param strategies - The compared strategies, each with its file label (`file`, the arm in replicates.csv).
 * @returns The lookup, or undefined without replicates.csv or without its arm column.
 * @throws ReportInputError when replicates.csv is damaged.
 * @example
 * const of = await readConcentrations(dir, strategies); of?.(entry)?.concentrated;
 */
export async function readConcentrations(dir: string, strategies: ComparedStrategies): Promise<ConcentrationOf | undefined> {
  let arms;
  try {
    arms = await readArmReplicates(dir, () => true);
  } catch (error) {
    // A replicates.csv without the columns (a run's, or a folder from before compare wrote arms) judges nothing; a damaged one still fails.
    if (error instanceof ReportInputError && error.message.includes('unexpected header')) return undefined;
    throw error;
  }
  if (arms === undefined) return undefined;
  return createConcentrationLookup(arms, strategies);
}
