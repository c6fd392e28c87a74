import { createNotePrinter } from '../cli/createNotePrinter.ts';
import { createWarningPrinter } from '../cli/createWarningPrinter.ts';
import { parseOutputFormat } from '../cli/parseOutputFormat.ts';
import { resolve } from 'node:path';
import { resumeCacheFor } from './armCache.ts';
import { UsageError } from '../cli/exitCodes.ts';
import { createArmProgress } from './createArmProgress.ts';
import { createCommandManifest } from './createCommandManifest.ts';
import { defaultOutputFolder } from './defaultOutputFolder.ts';
import { formatComparisonCsv } from './formatComparisonCsv.ts';
import { formatComparisonJson } from './formatComparisonJson.ts';
import { chooseDisplayNames } from '../report/applyStrategyTitles.ts';
import { formatComparisonTable } from './formatComparisonTable.ts';
import { formatCostEffectivenessCsv } from './formatCostEffectivenessCsv.ts';
import { formatStockpileReleasesCsv } from './computeStockpileReleases.ts';
import { formatOverTimeCsv, writeOverTimeParquet } from './formatOverTimeCsv.ts';
import { formatReversalSplitCsv } from './formatReversalSplitCsv.ts';
import { type MonteCarloCliOptions, parseMonteCarloOptions } from './parseMonteCarloOptions.ts';
import { runComparison } from './runComparison.ts';
import { writeOutputFiles } from './writeOutputFiles.ts';
import { checkOutputFolder } from '../cli/checkOutputFolder.ts';
import { stripExecutionFields } from '../outputs/createManifest.ts';
import { writeArmReplicatesParquet } from '../outputs/writeParquetTables.ts';
import { writeArmReplicatesCsv } from '../outputs/writeReplicatesCsv.ts';
import { writeCommandResult } from '../cli/writeCommandResult.ts';
import { addsOnlyDisruptions } from './addsOnlyDisruptions.ts';

/** Options of `crm-sim compare`, as parsed by commander. */
export interface CompareOptions extends MonteCarloCliOptions {
  out?: string;
  json?: boolean;
  quiet?: boolean;
  /** Also write report.html and charts/ into the output folder. */
  report?: boolean;
  /** Rows of the stdout table per alternative (default 10). */
  top?: string;
  /** Every metric that differs in the stdout table. */
  all?: boolean;
  /** `csv` (default), or `parquet` for replicates.parquet beside the CSVs. */
  format?: string;
}

/** Rows of the stdout table: `--all` (every metric), `--top N` (N ≥ 1) or 10. */
export function parseTableRows(options: Pick<CompareOptions, 'top' | 'all'>): number {
  if (options.all && options.top !== undefined) throw new UsageError('compare: give --top N or --all, not both');
  if (options.all) return Infinity;
  if (options.top === undefined) return 10;
  const rows = Number(options.top);
  if (!Number.isInteger(rows) || rows < 1) throw new UsageError(`--top: expected an integer ≥ 1, found "${options.top}"`);
  return rows;
}

/**
 * `crm-sim compare <a> <b> [...]`: runs every scenario with the same seed and replicate indices,
 * writes comparison.json, comparison.csv, replicates.csv (every arm's per-replicate summaries; also as
 * replicates.parquet with `--format parquet`), over-time.csv (month by month, each strategy's home
 * levels and paired differences for the targeted materials; also as over-time.parquet with
 * `--format parquet`), stockpile-releases.csv (when a strategy holds a stockpile: per replicate, when it
 * first released and how much), cost-effectiveness.csv,
 * reversal-split.csv (when an alternative has reversible policies), manifest.json and each scenario's resolved YAML
 * atomically, and prints the table of the largest differences (or comparison.json with `--json`)
 * followed by the folder.
 *
 * @param paths - Scenario files; the first is the reference.
 * @param options - Command-line options.
 * @param signal - Aborts the run (Ctrl-C).
 * @throws UsageError with fewer than two scenarios or malformed options; ScenarioError for invalid files.
 */
export async function compareCommand(paths: string[], options: CompareOptions, signal: AbortSignal): Promise<void> {
  if (paths.length < 2) throw new UsageError('compare: give at least two scenario files (the first is the reference)');
  const settings = parseMonteCarloOptions(options);
  // An output folder that cannot be written is the command line's mistake: said before anything runs.
  if (options.out !== undefined) checkOutputFolder(options.out, { offerOverwrite: false });
  const rows = parseTableRows(options);
  const format = parseOutputFormat(options.format);
  const cache = resumeCacheFor('compare', options.resume, options.out);
  const startedAt = new Date();
  const progress = createArmProgress(options.quiet === true);
  const { report, loaded, arms, overTime, stockpileReleases } = await runComparison({
    paths, sets: settings.sets, masterSeed: settings.masterSeed, replicates: settings.replicates,
    workers: settings.workers, memoryLimit: settings.memoryLimit, signal, onProgress: progress.onProgress, cache, onWarning: createWarningPrinter(),
    onNote: options.quiet === true ? undefined : createNotePrinter(),
  });
  progress.stop();
  const manifest = createCommandManifest({
    command: 'compare', reference: { path: paths[0], loaded: loaded[0] }, arms: paths.length,
    scenarios: report.arms.map((arm, i) => ({ label: arm.label, path: arm.path, sha256: loaded[i].sha256 })),
    masterSeed: settings.masterSeed, replicates: settings.replicates, workers: settings.workers, overrides: settings.sets,
    ticks: Math.round(loaded[0].spec.years * loaded[0].spec.ticksPerYear), startedAt, finishedAt: new Date(), recordedCommands: cache?.recordedCommands(),
  });
  const json = formatComparisonJson(report);
  const parquetInfo = { metadata: { 'crm-sim.manifest': JSON.stringify(stripExecutionFields(manifest)) }, createdBy: `crm-sim ${manifest.version}` };
  const dir = options.out === undefined
    ? defaultOutputFolder(`compare-${report.arms.map((arm) => arm.label).join('-vs-')}`, startedAt)
    : resolve(options.out);
  await writeOutputFiles(dir, [
    { name: 'manifest.json', text: JSON.stringify(manifest, null, 2) },
    ...report.arms.map((arm, i) => ({ name: `${arm.label}.resolved.yaml`, text: loaded[i].resolvedYaml })),
    { name: 'comparison.json', text: json },
    { name: 'comparison.csv', text: formatComparisonCsv(report.alternatives, report.arms[0].label) },
    { name: 'replicates.csv', write: (path: string) => writeArmReplicatesCsv(path, arms) },
    { name: 'over-time.csv', text: formatOverTimeCsv(overTime) },
    ...(stockpileReleases.length === 0 ? [] : [{ name: 'stockpile-releases.csv', text: formatStockpileReleasesCsv(stockpileReleases) }]),
    ...(format === 'parquet' ? [
      { name: 'replicates.parquet', write: (path: string) => writeArmReplicatesParquet(path, arms, parquetInfo) },
      { name: 'over-time.parquet', write: (path: string) => writeOverTimeParquet(path, overTime, parquetInfo) },
    ] : []),
    ...(report.costEffectiveness === undefined || report.costEffectiveness.length === 0 ? [] : [{ name: 'cost-effectiveness.csv', text: formatCostEffectivenessCsv(report.costEffectiveness, report.arms[0].label) }]),
    // Only when an alternative has reversible policies, as comparison.json's reversalSplit.
    ...(report.reversalSplit === undefined || report.reversalSplit.length === 0 ? [] : [{ name: 'reversal-split.csv', text: formatReversalSplitCsv(report.reversalSplit, report.arms[0].label) }]),
  ]);
  cache?.remove(); // the outputs are written: the finished arms are no longer needed
  // The terminal names strategies as the report does (titles), with the file label that keys the files beside each.
  const names = chooseDisplayNames(report.arms.map((arm, i) => ({ label: arm.label, title: loaded[i].title })));
  writeCommandResult({ json, text: `${formatComparisonTable(report, rows, names, addsOnlyDisruptions(loaded.map((l) => l.spec), report.arms.map((arm) => arm.label)))}\n` }, dir, options);
  if (options.report) await (await import('../cli/commands/report.ts')).reportOutputFolder(dir, options.quiet === true);
}
