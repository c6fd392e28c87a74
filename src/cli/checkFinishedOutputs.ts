import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './exitCodes.ts';
import type { RunOptions } from './runCommand.ts';

/** An output option given on the command line, and the file a finished run folder holds when it was in force. */
const FILE_OPTIONS: { given: (options: RunOptions) => boolean; file: string; option: string }[] = [
  { given: (o) => o.format === 'parquet', file: 'series.parquet', option: '--format parquet' },
  { given: (o) => o.keepSeries === true, file: 'replicate-series.csv', option: '--keep-series' },
  { given: (o) => o.measureImpact === true, file: 'impact.json', option: '--measure-impact' },
];

/**
 * Refuses output options given to `run --resume DIR` that a finished DIR does not have: they act
 * only at the final merge, which is done, so they would be silently ignored (a resumed finished run
 * used to say "complete already" and exit 0 without the Parquet files asked for). `--report` is not
 * checked: a finished folder can still be given its report.
 *
 * @param dir - The finished run folder (it holds manifest.json).
 * @param options - The command line's options.
 * @throws UsageError naming the options, the files the folder lacks and what to do instead.
 * @example
 * checkFinishedOutputs('outputs/long', { format: 'parquet' }); // throws when outputs/long has no series.parquet
 */
export function checkFinishedOutputs(dir: string, options: RunOptions): void {
  const missing = FILE_OPTIONS.filter((o) => o.given(options) && !existsSync(join(dir, o.file)));
  if (missing.length === 0) return;
  const given = missing.map((o) => o.option).join(', ');
  const files = missing.map((o) => o.file).join(', ');
  throw new UsageError(`--resume ${dir}: expected a run that can still take ${given}, found a finished run without ${files}; `
    + 'output options act only at the final merge, which is done: start a new run with --out for them');
}
