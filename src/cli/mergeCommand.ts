import { availableParallelism } from 'node:os';
import { parseOutputFormat } from './parseOutputFormat.ts';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkShardSet } from '../outputs/checkShardSet.ts';
import { describeUncheckedShards } from '../outputs/describeUncheckedShards.ts';
import { currentCommandLine, describeCode, redactCommandLine, type RunManifest } from '../outputs/createManifest.ts';
import { describeShardCommits, listShardCommits } from '../outputs/describeShardCommits.ts';
import { describeMergeSources } from '../outputs/describeMergeSources.ts';
import { SOURCE_SHA256 } from '../runtime/sourceFingerprint.ts';
import { readShardFolder, ShardError, type ShardFolder } from '../outputs/readShardFolder.ts';
import { writeDirectoryAtomically } from '../outputs/writeDirectoryAtomically.ts';
import { writeRunFiles } from '../outputs/writeRunFiles.ts';
import type { ReplicateSummaries, SummaryStatistic } from '../stats/computeSummaryStatistics.ts';
import { chooseBandWorkers } from '../stats/chooseBandWorkers.ts';
import { checkOutputFolder } from './checkOutputFolder.ts';
import { writeCommandResult } from './writeCommandResult.ts';
import { UsageError } from './exitCodes.ts';
import { countOf } from '../text/countOf.ts';
import { resolveExceedOptions } from './resolveExceedOptions.ts';
import { parseMemoryLimit } from './runResources.ts';
import { estimateMergeMemory } from '../scenario/estimateRunMemory.ts';
import { formatBytes } from '../scenario/checkRunResources.ts';
import { BLOCKS_LABEL, createProgressReporter, type ProgressReporter } from './progressReporter.ts';

/** Options of `crm-sim merge`, as parsed by commander. */
export interface MergeOptions {
  out: string;
  format?: string;
  keepSeries?: boolean;
  json?: boolean;
  quiet?: boolean;
  /** `--exceed '<metric id>><value>'` (repeatable), as for `crm-sim run`. */
  exceed?: string[];
  /** `--max-memory <size>`, as for `crm-sim run`. */
  maxMemory?: string;
}

/** A merge, checked and typed; tests may set the block memory. */
export interface MergeSettings {
  dirs: string[];
  out: string;
  parquet: boolean;
  keepSeries: boolean;
  /** Memory for one block of series across replicates (default 256 MiB). */
  blockBytes?: number;
  /** Threads for the band pass; default `chooseBandWorkers(cores, N × series × ticks)`. */
  bandWorkers?: number;
  /** `--exceed` options (src/cli/resolveExceedOptions.ts). */
  exceed?: string[];
  /** The command line the manifest records; default this process's. */
  commandLine?: string[];
  /**
   * The scenario file the manifest records (`scenario.path`); default the shards' own. `queue
   * collect` gives the path given to `queue submit`: its workers ran the store's copy of the
   * scenario, and a plain `crm-sim run` records the path the user gave.
   */
  scenarioPath?: string;
  /** A resumed run's: the commands that took it up after `commandLine` started it, in order (recorded when there are some). */
  resumeCommandLines?: string[][];
  /** Memory the merge may plan to use; default `$CRM_SIM_MAX_MEMORY`, else 80% of RAM (a resumed run passes its own). */
  memoryLimit?: { bytes: number; source: string };
  /**
   * Writes more files into the folder before it appears (`run --resume`: impact.json and
   * sources.json), given the run's summaries in replicate order.
   */
  writeMore?: (temporaryDir: string, summaries: readonly ReplicateSummaries[]) => Promise<void>;
}

/**
 * The manifest of the merged run: the shards' (same code, scenario, seed, replicates), without
 * `shard`, with the merge's `--exceed` conditions and command line (a resumed run's: the starting
 * one, then those that resumed it), the largest worker count (and
 * requested count, when it differs) and thread count, the earliest start, now as the finish and the
 * shards' summed wall time. Key order is that of a run manifest. `gitCommit` is this merge's (the
 * shards' may differ: they merge when their sources agree), each shard's in `shardGitCommits`, and
 * `mergeSourceSha256` (last) where this merge's code is not the shards' (describeMergeSources).
 */
function mergeManifests(shards: readonly ShardFolder[], settings: MergeSettings): RunManifest {
  // Everything up to `overrides`; the fields after it are set below, in a run manifest's order.
  const {
    shard: _s, exceed: _e, masterSeed, replicates, commandLine: _c, resumeCommandLines: _m, workers: _w, workersRequested: _r, threadsPerReplicate: _p,
    ticks, nodeVersion, platform: _pl, packageLockSha256: _lock, startedAt: _a, finishedAt: _f, wallSeconds: _t, ...rest
  } = shards[0].manifest;
  // Shards may run on other machines (queue workers): the stack of each, once, not shard 0's for all (review 24).
  const distinct = (values: ReadonlyArray<string | null | undefined>): string | undefined => {
    const known = [...new Set(values.filter((v): v is string => typeof v === 'string'))];
    return known.length === 0 ? undefined : known.join(', ');
  };
  const platform = distinct(shards.map((shard) => shard.manifest.platform));
  const lock = distinct(shards.map((shard) => shard.manifest.packageLockSha256));
  // packageLockSha256 keeps its place after sourceSha256: the spread below would move it to the end.
  const { tool, version, gitCommit: _g, sourceSha256, ...first } = rest;
  // The commit of the process writing the merged folder, not shard 0's: the shards' are listed in `shardGitCommits`.
  const { gitCommit } = describeCode();
  const mergeSources = describeMergeSources(shards, SOURCE_SHA256);
  // Keeps its place in the key order: the key exists already in `first`.
  const scenario = settings.scenarioPath === undefined ? first.scenario : { ...first.scenario, path: settings.scenarioPath };
  const exceed = settings.exceed ?? [];
  const workers = Math.max(...shards.map((shard) => shard.manifest.workers));
  const requested = Math.max(...shards.map((shard) => shard.manifest.workersRequested ?? shard.manifest.workers));
  const threads = Math.max(...shards.map((shard) => shard.manifest.threadsPerReplicate ?? 1));
  const started = Math.min(...shards.map((shard) => Date.parse(shard.manifest.startedAt)));
  const wall = shards.reduce((sum, shard) => sum + shard.manifest.wallSeconds, 0);
  return {
    tool, version, gitCommit, sourceSha256,
    packageLockSha256: lock ?? null,
    ...first,
    scenario,
    ...(exceed.length === 0 ? {} : { exceed: [...exceed] }),
    masterSeed,
    replicates,
    commandLine: settings.commandLine === undefined ? currentCommandLine() : redactCommandLine(settings.commandLine),
    ...(settings.resumeCommandLines === undefined || settings.resumeCommandLines.length === 0 ? {} : { resumeCommandLines: settings.resumeCommandLines.map(redactCommandLine) }),
    workers,
    ...(requested === workers ? {} : { workersRequested: requested }),
    ...(threads > 1 ? { threadsPerReplicate: threads } : {}),
    ticks,
    nodeVersion,
    platform: platform ?? 'unknown',
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date().toISOString(),
    wallSeconds: Math.round(wall * 1000) / 1000,
    shardGitCommits: listShardCommits(shards),
    ...(mergeSources === undefined ? {} : { mergeSourceSha256: mergeSources.mergeSourceSha256 }),
  };
}

/**
 * Refuses a merge that would not fit in memory before its band pass: it holds every replicate's
 * summaries and the band pass's blocks (src/scenario/estimateRunMemory.ts), against
 * the limit (--max-memory, $CRM_SIM_MAX_MEMORY or 80% of RAM), as a run is checked.
 * @throws UsageError with the estimate, its largest terms and the limit.
 */
function checkMergeFits(layout: ShardFolder['layout'], replicates: number, blockBytes: number | undefined, limit: { bytes: number; source: string }): void {
  const estimate = estimateMergeMemory(layout, replicates, blockBytes);
  if (estimate.bytes <= limit.bytes) return;
  const terms = estimate.parts.slice(0, 3).map((p) => `${p.name} ${formatBytes(p.bytes)}`).join('; ');
  throw new UsageError(`merge: expected a merge that fits in memory (limit ${formatBytes(limit.bytes)}: ${limit.source}), found an estimated ` +
    `${formatBytes(estimate.bytes)} for ${countOf(replicates, 'replicate')} (largest terms: ${terms}); merge on a machine with more memory, or raise --max-memory if it has it`);
}

/** replicates × series × ticks of the merged run. */
function countValues(shards: readonly ShardFolder[]): number {
  const { layout, manifest } = shards[0];
  return manifest.replicates * layout.series.length * layout.ticks;
}

/**
 * Merges shard folders of one run into its output folder, byte-identical to the folder a single
 * `crm-sim run` writes (all files but manifest.json, whose timing and worker count differ).
 *
 * @param settings - Shard folders, output folder and formats.
 * @param signal - Aborts between blocks of series.
 * @param progress - Progress reporter (default silent).
 * @returns The folder and the summary statistics.
 * @throws UsageError when the shards do not form one complete run, or a file differs from the
 *   SHA-256 its shard recorded (message names the problem); warns on stderr about shard folders
 *   that record no checksums (written by an older crm-sim).
 * @example
 * await executeMerge({ dirs: ['s1', 's2'], out: 'merged', parquet: false, keepSeries: false }, signal);
 */
export async function executeMerge(
  settings: MergeSettings,
  signal: AbortSignal,
  progress?: ProgressReporter,
): Promise<{ dir: string; summaryStats: SummaryStatistic[] }> {
  const report = progress ?? createProgressReporter(true);
  // A file, or a folder with files, at --out is the command line's mistake: said before any shard is read (merge has no --overwrite).
  checkOutputFolder(settings.out, { offerOverwrite: false });
  let shards: ShardFolder[];
  try {
    shards = checkShardSet(await Promise.all(settings.dirs.map(readShardFolder)));
  } catch (error) {
    if (error instanceof ShardError) throw new UsageError(`merge: ${error.message}`);
    throw error;
  }
  const unchecked = describeUncheckedShards(shards);
  if (unchecked !== undefined) process.stderr.write(`warning: merge: ${unchecked}\n`);
  const commits = describeShardCommits(shards);
  if (commits !== undefined) process.stderr.write(`warning: merge: ${commits}\n`);
  const mergeSources = describeMergeSources(shards, SOURCE_SHA256);
  if (mergeSources !== undefined) process.stderr.write(`warning: merge: ${mergeSources.warning}\n`);
  checkMergeFits(shards[0].layout, shards[0].manifest.replicates, settings.blockBytes, settings.memoryLimit ?? parseMemoryLimit(undefined));
  const exceedance = resolveExceedOptions(shards[0].layout, settings.exceed ?? []);
  let summaryStats: SummaryStatistic[] = [];
  const dir = await writeDirectoryAtomically(resolve(settings.out), async (temporaryDir) => {
    summaryStats = await writeRunFiles(temporaryDir, {
      layout: shards[0].layout,
      resolvedYaml: shards[0].resolvedYaml,
      segments: shards.map((shard) => shard.segment),
      summaries: shards.flatMap((shard) => shard.summaries),
      createManifest: () => mergeManifests(shards, settings),
      parquet: settings.parquet,
      keepSeries: settings.keepSeries,
      blockBytes: settings.blockBytes,
      exceedance,
      bandWorkers: settings.bandWorkers ?? chooseBandWorkers(availableParallelism(), countValues(shards)),
      signal,
      onBlock: (done, total) => {
        if (done === 0) report.start(BLOCKS_LABEL, total);
        else report.update(done);
        if (done === total) report.stop();
      },
    });
    await settings.writeMore?.(temporaryDir, shards.flatMap((shard) => shard.summaries));
  }, { signal }).catch((error: unknown) => {
    report.stop(); // a bar left running would keep the terminal's cursor hidden
    // A series.f64 whose SHA-256 differs is found as its last block is read (readSeriesBlocks).
    throw error instanceof ShardError ? new UsageError(`merge: ${error.message}`) : error;
  });
  return { dir, summaryStats };
}

/**
 * `crm-sim merge <dirs...> --out DIR`: checks that the shard folders belong to one run and cover
 * it exactly once (exit 2 naming missing or duplicate replicate ranges otherwise), then writes the
 * run's output folder. Prints the folder (or, with `--json`, the summary) on stdout.
 */
export async function mergeCommand(dirs: string[], options: MergeOptions, signal: AbortSignal): Promise<void> {
  const format = parseOutputFormat(options.format);
  const settings = { dirs, out: options.out, parquet: format === 'parquet', keepSeries: options.keepSeries === true, exceed: options.exceed ?? [], memoryLimit: parseMemoryLimit(options.maxMemory) };
  const outcome = await executeMerge(settings, signal, createProgressReporter(options.quiet === true));
  // As run --json: the summary alone on stdout, the folder on stderr (not with --quiet).
  const json = options.json === true ? readFileSync(join(outcome.dir, 'summary.json'), 'utf8') : '';
  writeCommandResult({ json, text: '' }, outcome.dir, options);
}
