import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReplicateResult, ResultLayout } from '../../sim-core/index.ts';
import type { SeriesBand } from '../stats/computeSeriesBands.ts';
import type { SummaryStatistic } from '../stats/computeSummaryStatistics.ts';
import type { RunManifest } from './createManifest.ts';
import { formatSummaryJson } from './formatSummaryJson.ts';
import { type AtomicWriteOptions, writeDirectoryAtomically } from './writeDirectoryAtomically.ts';
import { writeReplicatesCsv } from './writeReplicatesCsv.ts';
import { writeSeriesCsv } from './writeSeriesCsv.ts';

/** Everything a run folder holds. */
export interface RunOutputs {
  manifest: RunManifest;
  /** The scenario after defaults and `set` overrides, as YAML text. */
  resolvedYaml: string;
  layout: ResultLayout;
  /** One result per replicate (written sorted by replicate index). */
  results: readonly ReplicateResult[];
  /** From `computeSummaryStatistics(layout, results)`. */
  summaryStats: readonly SummaryStatistic[];
  /** From `computeSeriesBands(layout, results)`. */
  bands: readonly SeriesBand[];
}

/**
 * Writes a run folder atomically: `manifest.json`, `scenario.resolved.yaml`, `summary.json`,
 * `series.csv` and `replicates.csv`, all into `.<name>.tmp-<pid>` beside `dir`, then renamed to
 * `dir` (see {@link writeDirectoryAtomically}: refuses a non-empty `dir` unless `overwrite`; leaves
 * no folder behind on failure).
 *
 * Every file but `manifest.json` (which holds wall-clock times) is a pure function of the layout
 * and the set of results: fixed key and row order, shortest round-trip numbers, LF newlines.
 *
 * @param dir - Final output folder.
 * @param outputs - Contents to write.
 * @param options - `overwrite` an existing non-empty folder (default false).
 * @returns Resolves with the absolute path of the written folder.
 * @throws OutputFolderExistsError when `dir` is non-empty and `overwrite` is not set.
 * @example
 * await writeRunOutputs('outputs/baseline-42', { manifest, resolvedYaml, layout, results,
 *   summaryStats: computeSummaryStatistics(layout, results), bands: computeSeriesBands(layout, results) });
 */
export async function writeRunOutputs(
  dir: string,
  outputs: RunOutputs,
  options: AtomicWriteOptions = {},
): Promise<string> {
  return writeDirectoryAtomically(
    dir,
    async (temporaryDir) => {
      await writeFile(join(temporaryDir, 'manifest.json'), `${JSON.stringify(outputs.manifest, null, 2)}\n`);
      const yaml = outputs.resolvedYaml.replace(/\r\n?/g, '\n');
      await writeFile(join(temporaryDir, 'scenario.resolved.yaml'), yaml.endsWith('\n') ? yaml : `${yaml}\n`);
      await writeFile(join(temporaryDir, 'summary.json'), formatSummaryJson(outputs.summaryStats));
      await writeSeriesCsv(join(temporaryDir, 'series.csv'), outputs.layout, outputs.bands);
      await writeReplicatesCsv(join(temporaryDir, 'replicates.csv'), outputs.layout, outputs.results);
    },
    options,
  );
}
