import { ReportInputError } from './reportInputError.ts';

/** What an output folder holds: a run, a comparison of strategies, a sweep, or a stress test. */
export type FolderKind = 'run' | 'compare' | 'sweep' | 'stress';

/**
 * Tells the kind of an output folder from its file names: `comparison.json` → compare;
 * `sweep.csv`, `sweep.json` or `tornado.json` → sweep; `summary.json` or `series.csv` → run;
 * `stress.json` alone → stress.
 *
 * @param files - Names of the files in the folder.
 * @param dir - The folder (for the error message).
 * @returns The kind.
 * @throws ReportInputError when none of those files is there.
 * @example
 * detectFolderKind(new Set(['manifest.json', 'summary.json']), dir); // 'run'
 */
export function detectFolderKind(files: ReadonlySet<string>, dir: string): FolderKind {
  if (files.has('comparison.json')) return 'compare';
  if (files.has('sweep.csv') || files.has('sweep.json') || files.has('tornado.json')) return 'sweep';
  if (files.has('summary.json') || files.has('series.csv')) return 'run';
  if (files.has('stress.json')) return 'stress';
  // A shard of a run (run --shard k/K) has its series as binary files: it becomes a report once merged.
  if (files.has('summaries.f64') && files.has('series.f64')) throw new ReportInputError(`${dir} is a shard folder (run --shard): merge every shard of the run first (crm-sim merge SHARD... --out DIR), then report on DIR`);
  throw new ReportInputError(`${dir} is not a crm-sim output folder: it has no summary.json, series.csv, comparison.json, sweep.csv, sweep.json, tornado.json or stress.json`);
}
