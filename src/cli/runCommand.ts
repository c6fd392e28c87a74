import { createNotePrinter } from './createNotePrinter.ts';
import { createWarningPrinter } from './createWarningPrinter.ts';
import { parseOutputFormat } from './parseOutputFormat.ts';
import { capThreadsPerReplicate } from './capThreadsPerReplicate.ts';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { loadScenario } from '../scenario/loadScenario.ts';
import { compileScenario, type ResultLayout } from '../../sim-core/index.ts';
import { chooseChunkSize, computeShardRange, countPoolWorkers, parseShardSpec, type ShardSpec, streamMonteCarlo } from '../montecarlo/index.ts';
import type { SummaryStatistic } from '../stats/computeSummaryStatistics.ts';
import { chooseBandWorkers } from '../stats/chooseBandWorkers.ts';
import { createManifest } from '../outputs/createManifest.ts';
import { createReplicateStore } from '../outputs/createReplicateStore.ts';
import { writeDirectoryAtomically } from '../outputs/writeDirectoryAtomically.ts';
import { writeRunFiles } from '../outputs/writeRunFiles.ts';
import { writeShardFiles } from '../outputs/writeShardFiles.ts';
import { BLOCKS_LABEL, createProgressReporter, type ProgressLabel, type ProgressReporter, REPLICATES_LABEL } from './progressReporter.ts';
import { UsageError } from './exitCodes.ts';
import { threadedWorkerModule } from '../threads/threadedWorkerModule.ts';
import { barrierSpinMs } from '../threads/barrierSpin.ts';
import { runResumable } from './resumeRun.ts';
import { formatImpactCsv, formatImpactMonthlyCsv } from '../impact/formatImpactCsv.ts';
import { formatImpactJson, measureDisruptionImpact } from '../impact/measureDisruptionImpact.ts';
import { createImpactExtrasCollector } from '../impact/createImpactExtrasCollector.ts';
import { resolveCitedSources } from '../outputs/resolveCitedSources.ts';
import { checkRunFits, parseMemoryLimit } from './runResources.ts';
import { parseCount, parseOverrides, parseSeed } from './parseOverrides.ts';
import { checkOutputFolder, claimOutputFolder, releaseOutputFolder } from './checkOutputFolder.ts';
import { resolveExceedOptions } from './resolveExceedOptions.ts';
import { writeCommandResult } from './writeCommandResult.ts';
import { MIN_RUNS_FOR_RANGE } from '../report/describeMaterialResult.ts';

/** Options of `crm-sim run`, as parsed by commander (all text; see {@link parseRunOptions}). */
export interface RunOptions {
  replicates: string;
  seed: string;
  workers?: string;
  years?: string;
  out?: string;
  set: string[];
  json?: boolean;
  quiet?: boolean;
  /** `k/K`: run only shard k of K and write a shard folder. */
  shard?: string;
  /** `csv` (default) or `parquet` (CSV and Parquet). */
  format?: string;
  keepSeries?: boolean;
  /** Also write report.html and charts/ into the output folder. */
  report?: boolean;
  /** Threads that step each replicate together (default 1). */
  threadsPerReplicate?: string;
  /** Run resumably into this folder, or continue the interrupted run there (src/cli/resumeRun.ts). */
  resume?: string;
  /** Memory limit, e.g. `16GiB` (default $CRM_SIM_MAX_MEMORY, else 80% of RAM). */
  maxMemory?: string;
  /** Also measure each struck stage's impact with paired runs (impact.json); implied by `report`. */
  measureImpact?: boolean;
  /** Cap on the replicates of each counterfactual run (default {@link IMPACT_REPLICATE_CAP}). */
  impactReplicates?: string;
  /** Replace `--out` when it holds a finished crm-sim output folder. */
  overwrite?: boolean;
  /** `--exceed '<metric id>><value>'` (repeatable): extra exceedance probabilities in summary.json. */
  exceed?: string[];
}

/** A run, checked and typed. Tests may set the memory knobs; the CLI uses the defaults. */
export interface RunSettings {
  scenarioPath: string;
  replicates: number;
  masterSeed: number;
  workers: number;
  /** `--set` overrides, `--years` last. */
  sets: string[];
  /** Overrides recorded in the manifest when they differ from `sets` (a queued job runs a scenario they were applied to already). */
  overrides?: string[];
  /** Output folder; default outputs/<scenario>-<UTC timestamp, ms>[-shard<k>of<K>][-n]. */
  out?: string;
  /** Replace `out` when it holds a finished crm-sim output folder (atomically; anything else is refused). */
  overwrite?: boolean;
  shard?: ShardSpec;
  parquet: boolean;
  keepSeries: boolean;
  /** Cap on the result bytes of one task (default 32 MiB). */
  chunkBytes?: number;
  /** Memory for one block of series across replicates (default 256 MiB). */
  blockBytes?: number;
  /** Threads for the band pass; default `chooseBandWorkers(workers, N × series × ticks)`. */
  bandWorkers?: number;
  /** Threads that step each replicate together (src/threads; same results); default 1. */
  threadsPerReplicate?: number;
  /** Memory the run may plan to use (src/cli/runResources.ts); default from the environment. */
  memoryLimit?: { bytes: number; source: string };
  /** Write impact.json (paired runs without the disruptive events, src/impact) and sources.json. */
  measureImpact?: boolean;
  /** Replicates of each counterfactual: min(replicates, cap); default {@link IMPACT_REPLICATE_CAP}. */
  impactReplicateCap?: number;
  /** `--exceed` options, resolved against the layout when the scenario is loaded (src/cli/resolveExceedOptions.ts). */
  exceed?: string[];
  /** `--report`: the command renders report.html once the folder is written (recorded for `--resume`). */
  report?: boolean;
  /** `--quiet`: no progress lines (warnings still show). */
  quiet?: boolean;
  /** The command line the manifest records; default this process's. */
  commandLine?: string[];
  /** The scenario's warnings were printed already (the parts of a `--resume` run): do not repeat them. */
  warned?: boolean;
  /** Print the scenario's notes (a home policy reversible by default) before the run: `crm-sim run` without `--quiet`, not queue jobs. */
  notes?: boolean;
  /** What the progress line calls the replicates (default `replicate(s)`; a `--resume` run names the part). */
  progressLabel?: ProgressLabel;
}

/**
 * Default cap on the replicates of each counterfactual run of `--measure-impact`: paired
 * differences with common random numbers are narrow with a few dozen runs, and each struck stage
 * (plus one run without every disruption) costs that many replicates again.
 */
export const IMPACT_REPLICATE_CAP = 30;

/** What a run wrote. */
export interface RunOutcome {
  /** Absolute path of the output (or shard) folder. */
  dir: string;
  /** Summary statistics (full runs only). */
  summaryStats?: SummaryStatistic[];
  /** `--resume DIR` found the run finished in DIR already: nothing ran. */
  alreadyComplete?: boolean;
}

/**
 * Checks `crm-sim run` options: counts, `--shard k/K`, `--format csv|parquet`, and that a shard
 * run gets no option that only a full run can honour (`--json`, `--format parquet`, `--keep-series`
 * go to `crm-sim merge`).
 *
 * @param scenarioPath - The scenario argument.
 * @param options - As parsed by commander.
 * @returns The settings.
 * @throws UsageError on a bad value.
 * @example
 * parseRunOptions('scenarios/baseline.yaml', { replicates: '10', seed: '1', set: [] });
 */
export function parseRunOptions(scenarioPath: string, options: RunOptions): RunSettings {
  const format = parseOutputFormat(options.format);
  const shard = options.shard === undefined ? undefined : parseShardSpec(options.shard);
  if (options.shard !== undefined && shard === undefined) {
    throw new UsageError(`--shard: expected k/K with 1 ≤ k ≤ K (e.g. 2/4), found "${options.shard}"`);
  }
  if (shard !== undefined && (options.json || format === 'parquet' || options.keepSeries || options.report || options.measureImpact || (options.exceed ?? []).length > 0)) {
    throw new UsageError('--shard writes a shard folder: give --json, --format, --keep-series and --exceed to crm-sim merge (and --report to crm-sim report on the merged folder; --measure-impact needs a full run)');
  }
  if (options.impactReplicates !== undefined && options.measureImpact !== true && options.report !== true && options.resume === undefined) {
    throw new UsageError('--impact-replicates sets the paired runs of impact.json: give it with --measure-impact or --report (without them no impact.json is written)');
  }
  const sets = parseOverrides(options.set, options.years);
  const threadsPerReplicate = options.threadsPerReplicate === undefined ? 1 : capThreadsPerReplicate(parseCount('threads-per-replicate', options.threadsPerReplicate, 1), availableParallelism());
  return {
    scenarioPath,
    replicates: parseCount('replicates', options.replicates, 1),
    masterSeed: parseSeed(options.seed),
    workers: options.workers === undefined ? Math.max(1, Math.floor(availableParallelism() / threadsPerReplicate)) : parseCount('workers', options.workers, 0),
    threadsPerReplicate,
    sets,
    out: options.out,
    overwrite: options.overwrite === true,
    shard,
    parquet: format === 'parquet',
    keepSeries: options.keepSeries === true,
    memoryLimit: parseMemoryLimit(options.maxMemory),
    measureImpact: options.measureImpact === true || options.report === true,
    impactReplicateCap: options.impactReplicates === undefined ? undefined : parseCount('impact-replicates', options.impactReplicates, 1),
    exceed: options.exceed ?? [],
    report: options.report === true,
    quiet: options.quiet === true,
    notes: options.quiet !== true,
  };
}

/**
 * Default output folder: outputs/<scenario>-<UTC timestamp with milliseconds>, with
 * -shard<k>of<K> for a shard (claimed with a -2, -3 suffix if a run started in the same millisecond).
 */
function defaultOutputDir(settings: RunSettings, started: Date): string {
  const stamp = started.toISOString().replace(/[-:]/g, '');
  const shard = settings.shard === undefined ? '' : `-shard${settings.shard.index}of${settings.shard.count}`;
  return resolve('outputs', `${basename(settings.scenarioPath).replace(/\.ya?ml$/, '')}-${stamp}${shard}`);
}

/**
 * Runs a scenario's Monte Carlo and writes its output folder (or shard folder) atomically.
 * Each batch of replicates is spilled to `.spill/` inside the temporary folder as it arrives and
 * bands are computed block by block of series (docs/statistics.md), so memory stays bounded
 * whatever the replicate count; the spill is removed before the folder is renamed into place.
 * On abort or failure no folder is left.
 *
 * @param settings - What to run (see {@link parseRunOptions}).
 * @param signal - Aborts the run (Ctrl-C).
 * @param progress - Progress reporter (default silent).
 * @returns The folder and, for a full run, the summary statistics.
 * @throws ScenarioError, UsageError (an output folder that cannot be written or is taken), OutputFolderExistsError, AbortError.
 * @example
 * const { dir } = await executeRun(parseRunOptions(path, options), signal);
 */
export async function executeRun(settings: RunSettings, signal: AbortSignal, progress?: ProgressReporter): Promise<RunOutcome> {
  const reporter = progress ?? createProgressReporter(true);
  // A path that cannot be written is the command line's mistake: say so before anything runs.
  if (settings.out !== undefined) checkOutputFolder(settings.out, { overwrite: settings.overwrite });
  const loaded = loadScenario(settings.scenarioPath, { set: settings.sets });
  // Warnings are not progress: they show with --quiet too (a part of a --resume run leaves them to the run).
  if (settings.warned !== true) loaded.warnings.forEach(createWarningPrinter());
  if (settings.notes === true && settings.warned !== true) loaded.notes.forEach(createNotePrinter());
  const compiled = compileScenario(loaded.spec);
  const layout: ResultLayout = compiled.layout;
  const exceedance = resolveExceedOptions(layout, settings.exceed ?? []);
  const { replicates, masterSeed, workers, shard } = settings;
  const range = shard === undefined ? { firstReplicate: 0, replicateCount: replicates } : computeShardRange(replicates, shard);
  const startedAt = new Date();
  const preferred = settings.out === undefined ? defaultOutputDir(settings, startedAt) : resolve(settings.out);
  checkRunFits(settings, loaded, layout, range.replicateCount, preferred);
  const dir = settings.out === undefined ? claimOutputFolder(preferred) : preferred;
  const outcome: RunOutcome = { dir };
  const bytesPerReplicate = (layout.series.length * layout.ticks + layout.summaries.length) * 8;
  const chunkSize = chooseChunkSize(range.replicateCount, workers, bytesPerReplicate, settings.chunkBytes);
  const threadsPerReplicate = settings.threadsPerReplicate ?? 1;
  // Every pool worker steps its own replicate at once: their threads spin at barriers only if all fit the cores.
  const threadsInUse = Math.max(1, countPoolWorkers(range.replicateCount, workers, chunkSize)) * threadsPerReplicate;
  const workerModule = threadsPerReplicate > 1 ? threadedWorkerModule(threadsPerReplicate, barrierSpinMs(threadsInUse), threadsInUse) : undefined;
  const manifestNow = () => createManifest({
    scenarioText: loaded.resolvedYaml, scenarioPath: settings.scenarioPath, overrides: settings.overrides ?? settings.sets, exceed: settings.exceed,
    masterSeed, replicates, commandLine: settings.commandLine,
    workers: countPoolWorkers(range.replicateCount, workers, chunkSize), workersRequested: workers, threadsPerReplicate,
    ticks: layout.ticks, startedAt, finishedAt: new Date(),
    shard: shard === undefined ? undefined : { index: shard.index, count: shard.count, ...range },
  });
  // A bar left running on Ctrl-C or an error would keep the terminal's cursor hidden.
  const stopOnError = (error: unknown): never => {
    reporter.stop();
    throw error;
  };
  outcome.dir = await writeDirectoryAtomically(dir, async (temporaryDir) => {
    const spill = join(temporaryDir, '.spill');
    const store = await createReplicateStore(spill, layout, range.firstReplicate, range.replicateCount);
    // impact.json pairs its counterfactuals with the run's own first replicates: keep their price paths as they pass.
    const impactExtras = shard === undefined && settings.measureImpact === true
      ? createImpactExtrasCollector(compiled, masterSeed, Math.min(replicates, settings.impactReplicateCap ?? IMPACT_REPLICATE_CAP)) : undefined;
    reporter.start(settings.progressLabel ?? REPLICATES_LABEL, range.replicateCount);
    await streamMonteCarlo({
      compiled, masterSeed, workers, signal,
      onBatch: impactExtras === undefined ? store.add : (batch) => { impactExtras.add(batch); return store.add(batch); },
      workerModule,
      replicates: range.replicateCount, firstReplicate: range.firstReplicate,
      chunkSize,
      onProgress: (p) => reporter.update(p.completedReplicates),
    });
    reporter.stop();
    const files = { layout, resolvedYaml: loaded.resolvedYaml, segments: store.segments(), summaries: store.summaries(),
      createManifest: manifestNow, blockBytes: settings.blockBytes, signal };
    if (shard !== undefined) await writeShardFiles(temporaryDir, files);
    else outcome.summaryStats = await writeRunFiles(temporaryDir, { ...files, parquet: settings.parquet,
      keepSeries: settings.keepSeries, exceedance, onBlock: (done, total) => reportBlocks(reporter, done, total),
      bandWorkers: settings.bandWorkers ?? chooseBandWorkers(workers, replicates * layout.series.length * layout.ticks) });
    if (shard === undefined && settings.measureImpact === true) {
      await writeReportInputs(temporaryDir, {
        settings, loaded, layout, summaries: store.summaries().map((s) => s.summaries), scriptedImpactExtras: impactExtras?.extras(), reporter, signal,
      });
    }
    await rm(spill, { recursive: true, force: true });
  }, { overwrite: settings.overwrite, signal }).catch((error: unknown) => {
    if (settings.out === undefined) releaseOutputFolder(dir);
    return stopOnError(error);
  });
  return outcome;
}

/**
 * Writes what the report needs beyond the run itself: `impact.json` (paired runs without the
 * scenario's disruptive events, stage by stage; src/impact), its estimates as tidy `impact.csv` and
 * `impact-monthly.csv`, and `sources.json` (the data rows the
 * scenario's sources cite), into the folder being written.
 */
export async function writeReportInputs(dir: string, input: {
  settings: RunSettings; loaded: ReturnType<typeof loadScenario>; layout: ResultLayout; summaries: Float64Array[];
  /** What impact.json needs of the run's own first replicates (price paths, end users' spending) (see `createImpactExtrasCollector`); without them the scenario runs again for them. */
  scriptedImpactExtras?: Float64Array[];
  reporter: ProgressReporter; signal: AbortSignal;
}): Promise<void> {
  const { settings, reporter } = input;
  const sources = resolveCitedSources(input.loaded.spec, settings.scenarioPath);
  if (sources !== undefined) await writeFile(join(dir, 'sources.json'), `${JSON.stringify(sources, null, 2)}\n`);
  let started = false;
  const impact = await measureDisruptionImpact({
    spec: input.loaded.spec, layout: input.layout, summaries: input.summaries, masterSeed: settings.masterSeed, runReplicates: settings.replicates,
    replicateCap: settings.impactReplicateCap ?? IMPACT_REPLICATE_CAP, workers: settings.workers, scriptedImpactExtras: input.scriptedImpactExtras, signal: input.signal,
    onProgress: (done, total) => {
      if (!started) reporter.start({ singular: 'paired run without the disruptions (impact.json)', plural: 'paired runs without the disruptions (impact.json)' }, total);
      started = true;
      reporter.update(done);
    },
  });
  if (started) reporter.stop();
  await writeFile(join(dir, 'impact.json'), formatImpactJson(impact));
  await writeFile(join(dir, 'impact.csv'), formatImpactCsv(impact));
  await writeFile(join(dir, 'impact-monthly.csv'), formatImpactMonthlyCsv(impact));
}

/** Shows the band phase as its own progress phase. */
function reportBlocks(reporter: ProgressReporter, done: number, total: number): void {
  if (done === 0) reporter.start(BLOCKS_LABEL, total);
  else reporter.update(done);
  if (done === total) reporter.stop();
}

/**
 * The warning of `run --report --replicates 1` (a report can be made from one run, but none of its
 * intervals or distributions can: src/report shows a mean's 95% CI as n/a, the median and the
 * percentiles of one run are its value, a chance is 0% or 100% with a Wilson interval of 0% to 79%
 * or 21% to 100%, and ranges of runs need {@link MIN_RUNS_FOR_RANGE}).
 *
 * @param replicates - The run's replicates.
 * @param report - `--report` was given.
 * @returns The line for stderr, or undefined when there is nothing to warn about.
 * @example
 * singleReplicateReportWarning(1, true); // 'warning: --report with --replicates 1: …'
 */
export function singleReplicateReportWarning(replicates: number, report: boolean): string | undefined {
  if (!report || replicates !== 1) return undefined;
  return "warning: --report with --replicates 1: one run has no spread and no interval: the report's 95% CIs of means are n/a, " +
    "its medians, percentiles and fan-chart bands are that one run's values, and each chance is 0% or 100% with a 95% CI about 80 points wide; " +
    `give --replicates ${MIN_RUNS_FOR_RANGE} or more for the report's ranges of runs (the default is 100)\n`;
}

/**
 * `crm-sim run <scenario>`: loads and validates the scenario (with `--set` and `--years`), runs the
 * Monte Carlo on a worker pool (all replicates, or one `--shard`), and writes the output folder
 * atomically. Prints the folder (or, with `--json`, the summary) on stdout; progress goes to stderr.
 */
export async function runCommand(scenarioPath: string | undefined, options: RunOptions, signal: AbortSignal): Promise<void> {
  if (scenarioPath === undefined && options.resume === undefined) throw new UsageError('run: expected a scenario file (or --resume DIR)');
  const progress = createProgressReporter(options.quiet === true);
  const settings = options.resume === undefined ? parseRunOptions(scenarioPath as string, options) : undefined;
  // Before the run, with --quiet too (a warning, not progress); a --resume run given no scenario has its recorded replicates, not these.
  const oneRun = scenarioPath === undefined ? undefined : singleReplicateReportWarning(settings?.replicates ?? Number(options.replicates), options.report === true);
  if (oneRun !== undefined) process.stderr.write(oneRun);
  const outcome = settings === undefined ? await runResumable(scenarioPath, options, signal, progress) : await executeRun(settings, signal, progress);
  // A resumable run renders its report itself, before its parts folder (the record that asks for one) goes.
  if (options.report === true && options.resume === undefined) await (await import('./commands/report.ts')).reportOutputFolder(outcome.dir, options.quiet === true);
  // summary.json as written (with its exceedance block); an already complete --resume folder has one too
  const json = options.json === true ? readFileSync(join(outcome.dir, 'summary.json'), 'utf8') : '';
  writeCommandResult({ json, text: '' }, outcome.dir, options);
}
