import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMetricId } from '../outputs/formatMetricId.ts';
import { UsageError } from './exitCodes.ts';
import { parseCount } from './parseOverrides.ts';
import { resolveExceedConditions } from './resolveExceedOptions.ts';
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
 * used to say "complete already" and exit 0 without the Parquet files asked for). Checked: the
 * files of `--format parquet`, `--keep-series` and `--measure-impact`, each `--exceed` condition's
 * probability in summary.json, and `--impact-replicates` against impact.json's cap. `--report` is
 * not checked: a finished folder can still be given its report.
 *
 * @param dir - The finished run folder (it holds manifest.json).
 * @param options - The command line's options.
 * @throws UsageError naming the options, the files the folder lacks and what to do instead.
 * @example
 * checkFinishedOutputs('outputs/long', { format: 'parquet' }); // throws when outputs/long has no series.parquet
 */
export function checkFinishedOutputs(dir: string, options: RunOptions): void {
  const missing = FILE_OPTIONS.filter((o) => o.given(options) && !existsSync(join(dir, o.file))).map((o) => ({ option: o.option, lacks: o.file }));
  missing.push(...missingExceedances(dir, options.exceed ?? []), ...otherImpactReplicates(dir, options.impactReplicates));
  if (missing.length === 0) return;
  const given = missing.map((o) => o.option).join(', ');
  const lacks = missing.map((o) => o.lacks).join(', ');
  throw new UsageError(`--resume ${dir}: expected a run that can still take ${given}, found a finished run without ${lacks}; `
    + 'output options act only at the final merge, which is done: start a new run with --out for them');
}

/** Summary JSON as far as these checks read it. */
interface FinishedSummary {
  metrics?: Record<string, unknown>;
  exceedance?: { metric: string; material: string | null; stage: string | null; region: string | null; threshold: number }[];
}

/** The `--exceed` conditions whose probabilities the finished summary.json does not hold. */
function missingExceedances(dir: string, exceed: readonly string[]): { option: string; lacks: string }[] {
  if (exceed.length === 0) return [];
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as FinishedSummary;
  const ids = Object.keys(summary.metrics ?? {});
  const held = new Set((summary.exceedance ?? []).map((row) =>
    `${formatMetricId({ metric: row.metric, material: row.material ?? '', stage: row.stage ?? '', region: row.region ?? '', unit: '' })}>${row.threshold}`));
  return exceed.filter((condition) => resolveExceedConditions(ids, [condition]).some(({ index, threshold }) => !held.has(`${ids[index]}>${threshold}`)))
    .map((condition) => ({ option: `--exceed '${condition}'`, lacks: `its probability in summary.json` }));
}

/** `--impact-replicates n` when the finished impact.json was measured with another cap. */
function otherImpactReplicates(dir: string, impactReplicates: string | undefined): { option: string; lacks: string }[] {
  const path = join(dir, 'impact.json');
  if (impactReplicates === undefined || !existsSync(path)) return [];
  const cap = parseCount('impact-replicates', impactReplicates, 1);
  const measured = (JSON.parse(readFileSync(path, 'utf8')) as { replicateCap?: unknown }).replicateCap;
  return measured === cap ? [] : [{ option: `--impact-replicates ${impactReplicates}`, lacks: `impact.json measured with it (it holds --impact-replicates ${String(measured)})` }];
}
