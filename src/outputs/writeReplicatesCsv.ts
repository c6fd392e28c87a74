import type { ResultLayout } from '../../sim-core/results.ts';
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
