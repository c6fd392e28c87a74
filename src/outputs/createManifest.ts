import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT_URL } from '../runtime/moduleLocation.ts';
import { SOURCE_SHA256 } from '../runtime/sourceFingerprint.ts';
import { overrideText } from '../scenario/applySets.ts';

/** Provenance of one run, written as `manifest.json`. Key order is fixed by construction. */
export interface RunManifest {
  tool: 'crm-sim';
  /** Version from package.json. */
  version: string;
  /** `git rev-parse HEAD` of the code that ran, or null outside a git checkout. */
  gitCommit: string | null;
  /**
   * SHA-256 of the sources that ran (scripts/hashSources.mjs), uncommitted changes included: runs
   * agree on it exactly when their code does. Null for a build made before it was recorded.
   */
  sourceSha256: string | null;
  /**
   * SHA-256 of the package-lock.json the dependencies were installed from (they are pinned there, not
   * in `sourceSha256`), or null where the package has none (session 24: a paper names its whole stack).
   */
  packageLockSha256: string | null;
  scenario: {
    /** Scenario file as given by the user, or null. */
    path: string | null;
    /**
     * SHA-256 (hex) of the resolved scenario text (`scenario.resolved.yaml` in the folder, defaults,
     * `extends:` and `--set` applied), not of the file at `path`: `sha256sum scenario.resolved.yaml` gives it.
     */
    sha256: string;
  };
  /**
   * The command-line overrides applied to the scenario, in order, as `path=value` (`--set`, then
   * `--years` as `years=Y`); the resolved scenario marks each changed object's `source` too.
   */
  overrides: string[];
  /**
   * Only when given: the run's `--exceed` conditions, as typed (they add exceedance probabilities to
   * summary.json, so the run is reproduced with them).
   */
  exceed?: string[];
  masterSeed: number;
  replicates: number;
  /** The command line that wrote the folder (`crm-sim` and its arguments; for a resumed run, the one that started it). */
  commandLine?: string[];
  /**
   * Only in a resumed run (`crm-sim run --resume DIR`): the commands that took it up after
   * `commandLine` started it, in order; the last one finished it, and the output options it gives
   * (`--format`, `--exceed`, …) replace the starting command's.
   */
  resumeCommandLines?: string[][];
  /** Pool threads the run used (0: inline). */
  workers: number;
  /** Only when it differs from `workers`: the worker count asked for (e.g. `--workers 3` for 2 replicates). */
  workersRequested?: number;
  /** Only above 1: threads that stepped each replicate (`--threads-per-replicate`; the results are the same for any). */
  threadsPerReplicate?: number;
  ticks: number;
  nodeVersion: string;
  /** Operating system and CPU architecture of the run, `process.platform-process.arch` (`linux-x64`). */
  platform: string;
  /** UTC timestamps, ISO 8601. */
  startedAt: string;
  finishedAt: string;
  /** Wall-clock duration of the run in seconds. */
  wallSeconds: number;
  /** Only in a shard folder (`crm-sim run --shard k/K`): which part of the run it holds. */
  shard?: ShardManifest;
  /**
   * Only in a merged run (`crm-sim merge`, `queue collect`, the final merge of `run --resume`): the
   * `gitCommit` of each shard folder (part) it was merged from, one per folder in replicate order
   * (null where a shard recorded none). The run's own `gitCommit` is then the merge's: shards merge
   * whenever their sources agree (`sourceSha256`), so they may name other commits (one that changed docs only).
   */
  shardGitCommits?: Array<string | null>;
  /**
   * Only in a merged run whose merging process ran other code than its shards (`sourceSha256`,
   * which stays the shards'): the merge's own fingerprint. The replicates are the shards' code's; the
   * statistics written from them (summary.json, bands, exceedance) are the merge's.
   */
  mergeSourceSha256?: string;
}

/** The part of a run a shard folder holds: shard k of K, replicates first…first+count−1. */
export interface ShardManifest {
  index: number;
  count: number;
  firstReplicate: number;
  replicateCount: number;
  /**
   * SHA-256 (hex) of each file `merge` reads, by file name (`scenario.resolved.yaml`, `layout.json`,
   * `summaries.f64`, `series.f64`), recorded as the shard was written; absent in shard folders written
   * before crm-sim recorded them. Never in a run's manifest (`merge` drops `shard`).
   */
  files?: Record<string, string>;
}

/** Inputs of {@link createManifest}. */
export interface ManifestInput {
  /** Scenario text that is hashed (the resolved YAML, so `set` overrides count). */
  scenarioText: string;
  scenarioPath?: string;
  /** Command-line overrides (`path=value`, or `--years=Y` as the loader takes them); default none. */
  overrides?: readonly string[];
  /** `--exceed` conditions; recorded only when there are some. */
  exceed?: readonly string[];
  /** The command line to record; default `crm-sim` and this process's arguments. */
  commandLine?: readonly string[];
  masterSeed: number;
  replicates: number;
  /** Pool threads used (see `countPoolWorkers`). */
  workers: number;
  /** Worker count asked for; recorded as `workersRequested` when it differs from `workers`. */
  workersRequested?: number;
  /** Threads per replicate; recorded when above 1. */
  threadsPerReplicate?: number;
  ticks: number;
  startedAt: Date;
  finishedAt: Date;
  /** Measured duration in seconds; default finishedAt − startedAt. */
  wallSeconds?: number;
  /** For a shard folder. */
  shard?: ShardManifest;
}

const PACKAGE_ROOT = fileURLToPath(PACKAGE_ROOT_URL);

/**
 * Creates the manifest of a run: code version, commit and source fingerprint, scenario hash, seed, sizes, Node
 * version and UTC timing. The timing fields differ between runs; nothing else in it does for
 * the same code, scenario and options.
 *
 * @param input - What was run and when.
 * @returns The manifest (plain JSON data).
 * @example
 * createManifest({ scenarioText, masterSeed: 42, replicates: 100, workers: 2, ticks: 520,
 *   startedAt, finishedAt: new Date() });
 */
export function createManifest(input: ManifestInput): RunManifest {
  const started = input.startedAt.getTime();
  const finished = input.finishedAt.getTime();
  return {
    tool: 'crm-sim',
    ...describeCode(),
    scenario: {
      path: input.scenarioPath ?? null,
      sha256: createHash('sha256').update(input.scenarioText, 'utf8').digest('hex'),
    },
    overrides: (input.overrides ?? []).map(overrideText),
    ...(input.exceed === undefined || input.exceed.length === 0 ? {} : { exceed: [...input.exceed] }),
    masterSeed: input.masterSeed,
    replicates: input.replicates,
    commandLine: redactCommandLine(input.commandLine ?? currentCommandLine()),
    workers: input.workers,
    ...(input.workersRequested === undefined || input.workersRequested === input.workers ? {} : { workersRequested: input.workersRequested }),
    ...(input.threadsPerReplicate === undefined || input.threadsPerReplicate <= 1 ? {} : { threadsPerReplicate: input.threadsPerReplicate }),
    ticks: input.ticks,
    nodeVersion: process.version,
    platform: `${process.platform}-${process.arch}`,
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    wallSeconds: input.wallSeconds ?? (finished - started) / 1000,
    ...(input.shard === undefined ? {} : { shard: { ...input.shard } }),
  };
}

/** Manifest fields that describe the execution, not the results: command line, timing, workers and threads. */
const EXECUTION_FIELDS = ['commandLine', 'resumeCommandLines', 'workers', 'workersRequested', 'threadsPerReplicate', 'startedAt', 'finishedAt', 'wallSeconds'] as const;

/** `crm-sim` and this process's arguments, as a manifest records them (credentials in URLs masked). */
export function currentCommandLine(): string[] {
  return redactCommandLine(['crm-sim', ...process.argv.slice(2)]);
}

/**
 * A URL's user and password (`redis://user:secret@host`), wherever an argument holds one: up to the
 * last `@` before the path, since a password typed with an unescaped `@` (`:p@ss@db`) must not leak its tail.
 */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)[^/\s]*@/gi;

/**
 * A text with the user and password of any URL in it replaced by `***` (`redis://***@db:6379`).
 * @example
 * redactUrlCredentials('redis://:p@ss@db:6379'); // 'redis://***@db:6379'
 */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@');
}

/**
 * A command line fit to be written into an output folder: the user and password of any URL in it
 * (`--redis redis://:secret@host:6379`) replaced by `***`, since manifests and reports are shared.
 * @example
 * redactCommandLine(['crm-sim', 'queue', 'work', '--redis', 'redis://:s3cret@db:6379']); // [..., 'redis://***@db:6379']
 */
export function redactCommandLine(args: readonly string[]): string[] {
  return args.map(redactUrlCredentials);
}

/**
 * The manifest without its execution fields (command lines, workers, threads and timing), without
 * `shard` and `shardGitCommits` and without the scenario files' paths (their sha256 stays): what identifies the results,
 * identical for a run, any of its shard+merge equivalents, any worker or thread count, and
 * however the scenario's path was typed. Parquet files carry it as key-value metadata so they stay byte-identical.
 *
 * @param manifest - A run or shard manifest.
 * @returns A copy without commandLine, resumeCommandLines, workers, workersRequested, threadsPerReplicate, startedAt, finishedAt, wallSeconds, shard, shardGitCommits and `scenario.path` (`scenarios[].path` for compare, sweep and stress).
 * @example
 * JSON.stringify(stripExecutionFields(manifest));
 */
export function stripExecutionFields(manifest: RunManifest): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...manifest };
  for (const field of EXECUTION_FIELDS) delete copy[field];
  // Which shards a run was merged from is how it was executed, not what it holds: a merge's Parquet files stay a single run's.
  delete copy.shard;
  delete copy.shardGitCommits;
  // The scenario path as typed (relative, absolute, a queue store's copy) names no result: its sha256 does.
  copy.scenario = withoutPath(copy.scenario);
  if (Array.isArray(copy.scenarios)) copy.scenarios = copy.scenarios.map(withoutPath);
  return copy;
}

/** A `{ path, sha256, … }` record without its `path`; anything else as it is. */
function withoutPath(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('path' in value)) return value;
  const { path: _path, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** What names the code that runs: package version, git commit, and the SHA-256 of its sources (see {@link RunManifest}). */
export function describeCode(): Pick<RunManifest, 'version' | 'gitCommit' | 'sourceSha256' | 'packageLockSha256'> {
  return { version: readPackageVersion(), gitCommit: readGitCommit(), sourceSha256: SOURCE_SHA256, packageLockSha256: readPackageLockSha256() };
}

let cachedLockSha256: string | null | undefined;

/** SHA-256 of package-lock.json at the package root, or null without one; read once per process. */
function readPackageLockSha256(): string | null {
  if (cachedLockSha256 !== undefined) return cachedLockSha256;
  try {
    cachedLockSha256 = createHash('sha256').update(readFileSync(join(PACKAGE_ROOT, 'package-lock.json'))).digest('hex');
  } catch {
    cachedLockSha256 = null;
  }
  return cachedLockSha256;
}

/** Reads `version` from the package.json at the package root. */
function readPackageVersion(): string {
  const text = readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8');
  return String((JSON.parse(text) as { version?: unknown }).version ?? 'unknown');
}

let cachedGitCommit: string | null | undefined;

/**
 * The HEAD commit of the package's git checkout, or null when git or the checkout is missing;
 * read once per process, so every manifest of one process names the same commit.
 */
function readGitCommit(): string | null {
  if (cachedGitCommit === undefined) cachedGitCommit = readGitCommitNow();
  return cachedGitCommit;
}

/** Asks git for HEAD. */
function readGitCommitNow(): string | null {
  try {
    const output = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: PACKAGE_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    const commit = output.trim();
    return /^[0-9a-f]{40,64}$/.test(commit) ? commit : null;
  } catch {
    return null;
  }
}
