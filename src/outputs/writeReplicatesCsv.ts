import type { ResultLayout } from '../../sim-core/index.ts';
import type { ReplicateSummaries } from '../stats/computeSummaryStatistics.ts';
import { createTextFileWriter } from './createTextFileWriter.ts';
import { formatCsvField } from './formatCsvField.ts';
import { formatCsvNumber } from './formatCsvNumber.ts';

/** Header of `replicates.csv`. */
export const REPLICATES_CSV_HEADER = 'replicate,metric,material,stage,region,unit,value';

/**
 * Writes `replicates.csv`: every per-replicate summary value, one row per replicate and summary
 * key with the key's unit (replicates ascending by index whatever the input order, then layout
 * order), LF line ends, numbers shortest round-trip, empty value for NaN.
 *
 * @param path - File to create (must not exist).
 * @param layout - Result layout (summary keys).
 * @param results - One result (or its summaries) per replicate.
 * @returns Resolves when the file is closed.
 * @throws Error if a result's summaries do not match the layout.
 * @example
 * await writeReplicatesCsv(join(dir, 'replicates.csv'), layout, results);
 */
export async function writeReplicatesCsv(
  path: string,
  layout: ResultLayout,
  results: readonly ReplicateSummaries[],
): Promise<void> {
  const names = layout.summaries.map(({ metric, material, stage, region, unit }) =>
    [metric, material, stage, region, unit].map(formatCsvField).join(','),
  );
  const ordered = [...results].sort((a, b) => a.replicate - b.replicate);
  const writer = await createTextFileWriter(path);
  try {
    await writer.write(`${REPLICATES_CSV_HEADER}\n`);
    for (const result of ordered) {
      const { summaries } = result;
      if (summaries.length !== names.length) {
        throw new Error(
          `replicates.csv: replicate ${result.replicate} has ${summaries.length} summaries, layout has ${names.length}`,
        );
      }
      for (let i = 0; i < names.length; i++) {
        await writer.write(`${result.replicate},${names[i]},${formatCsvNumber(summaries[i])}\n`);
      }
    }
  } finally {
    await writer.close();
  }
}

/** Header of a comparison's `replicates.csv`: replicates.csv's with the arm first. */
export const ARM_REPLICATES_CSV_HEADER = `arm,${REPLICATES_CSV_HEADER}`;

/**
 * Writes a comparison's `replicates.csv`: every arm's per-replicate summary values, one row per arm,
 * replicate and summary key (`arm` = the arm's label, then the columns of a run's replicates.csv).
 * Arms keep their own layouts (an alternative may have summaries the reference lacks, such as its
 * policies' `policyReversed`); replicate i of every arm ran with the same random draws (common
 * random numbers), so rows pair by (replicate, key) for paired analyses.
 *
 * @param path - File to create (must not exist).
 * @param arms - Each arm's label, layout and results.
 * @returns Resolves when the file is closed.
 * @example
 * await writeArmReplicatesCsv(join(dir, 'replicates.csv'), [{ label: 'threat', layout, results }]);
 */
export async function writeArmReplicatesCsv(
  path: string,
  arms: readonly { label: string; layout: ResultLayout; results: readonly ReplicateSummaries[] }[],
): Promise<void> {
  const writer = await createTextFileWriter(path);
  try {
    await writer.write(`${ARM_REPLICATES_CSV_HEADER}\n`);
    for (const arm of arms) {
      const label = formatCsvField(arm.label);
      const names = arm.layout.summaries.map(({ metric, material, stage, region, unit }) => [metric, material, stage, region, unit].map(formatCsvField).join(','));
      for (const result of [...arm.results].sort((a, b) => a.replicate - b.replicate)) {
        if (result.summaries.length !== names.length) throw new Error(`replicates.csv: arm ${arm.label} replicate ${result.replicate} has ${result.summaries.length} summaries, layout has ${names.length}`);
        for (let i = 0; i < names.length; i++) await writer.write(`${label},${result.replicate},${names[i]},${formatCsvNumber(result.summaries[i])}\n`);
      }
    }
  } finally {
    await writer.close();
  }
}
