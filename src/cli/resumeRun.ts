import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadScenario } from '../scenario/loadScenario.ts';
import { executeMerge } from './mergeCommand.ts';
import { UsageError } from './exitCodes.ts';
import type { ProgressReporter } from './progressReporter.ts';
import { executeRun, parseRunOptions, type RunOptions, type RunOutcome, type RunSettings } from './runCommand.ts';

/**
 * `crm-sim run --resume DIR`: a run that survives being killed. The run is split into P parts,
 * each a shard k/P of the run (`crm-sim run --shard`) written atomically into `DIR.parts/`; when
 * every part is there they are merged into DIR (`crm-sim merge`), and DIR.parts is removed. Killed
 * at any moment, the same command (or `crm-sim run --resume DIR` alone: the scenario, overrides,
 * seed and replicates are recorded in DIR.parts/run.json) reuses the finished parts and runs the
 * rest. Parts are pure functions of (scenario, seed, replicate range), so the result is
 * byte-identical (all files but manifest.json) to an uninterrupted run, however often it was
 * killed.
 */

/** What identifies a resumable run (DIR.parts/run.json). */
export interface ResumeRecord {
  scenarioPath: string;
  sets: string[];
  replicates: number;
  masterSeed: number;
  parts: number;
  /** SHA-256 of the resolved scenario: a changed scenario file is refused, not mixed in. */
  sha256: string;
}

/** Default number of parts: at most this many (at most one replicate each). */
const DEFAULT_PARTS = 16;

/** The work folder of a resumable run into `dir`. */
export function partsFolder(dir: string): string {
  return `${resolve(dir)}.parts`;
}

/** Reads DIR.parts/run.json, or undefined when there is none. */
export function readResumeRecord(dir: string): ResumeRecord | undefined {
  const path = join(partsFolder(dir), 'run.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ResumeRecord) : undefined;
}

/** Whether a process with this pid is alive. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes DIR.parts/lock for this process (a dead holder's lock is taken over); returns its release. */
function takeLock(work: string): () => void {
  const path = join(work, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      // An empty or torn lock file (its writer killed mid-write) reads as 0, which must not count as
      // a live holder: process.kill(0, 0) would signal our own process group and say "alive".
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new UsageError(`--resume: ${work} is in use by process ${holder}`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new UsageError(`--resume: cannot lock ${work}`);
}

/** Refuses to resume a folder that holds another run. */
function checkSameRun(recorded: ResumeRecord, run: ResumeRecord, dir: string): void {
  for (const key of ['sha256', 'masterSeed', 'replicates'] as const) {
    if (recorded[key] !== run[key]) {
      throw new UsageError(`--resume ${dir}: ${partsFolder(dir)} holds another run (its ${key === 'sha256' ? 'scenario' : key} differs: ${recorded[key]} there, ${run[key]} now); remove it or choose another folder`);
    }
  }
}

/** Removes what killed part-writers left behind: hidden temporary folders. */
function removeLeftovers(work: string): void {
  for (const name of readdirSync(work)) if (name.startsWith('.')) rmSync(join(work, name), { recursive: true, force: true });
}

/**
 * Runs `settings` resumably into `settings.out` (see the module comment).
 * @param settings - A full run (not a shard) with an output folder.
 * @param parts - Parts to split a new run into (default min(16, replicates)).
 * @throws UsageError when DIR.parts holds another run or is in use; ScenarioError; AbortError.
 */
export async function executeResumableRun(settings: RunSettings, signal: AbortSignal, progress?: ProgressReporter, parts?: number): Promise<RunOutcome> {
  if (settings.shard !== undefined) throw new UsageError('--resume runs a whole run; a shard is resumed by running it again');
  const dir = resolve(settings.out as string);
  const work = partsFolder(dir);
  const loaded = loadScenario(settings.scenarioPath, { set: settings.sets });
  const record: ResumeRecord = {
    scenarioPath: settings.scenarioPath, sets: settings.sets, replicates: settings.replicates, masterSeed: settings.masterSeed,
    parts: parts ?? Math.min(DEFAULT_PARTS, settings.replicates), sha256: loaded.sha256,
  };
  const recorded = readResumeRecord(dir);
  if (recorded) checkSameRun(recorded, record, dir);
  await mkdir(work, { recursive: true });
  const release = takeLock(work);
  try {
    const count = (recorded ?? record).parts;
    if (!recorded) await writeAtomically(join(work, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
    if (existsSync(join(dir, 'manifest.json'))) return finish(dir, work); // killed after the merge, before cleaning up
    removeLeftovers(work);
    for (let k = 1; k <= count; k++) {
      const out = join(work, `part-${k}`);
      if (existsSync(out)) continue;
      await executeRun({ ...settings, shard: { index: k, count }, out, parquet: false, keepSeries: false }, signal, progress);
    }
    const dirs = Array.from({ length: count }, (_, i) => join(work, `part-${i + 1}`));
    const merged = await executeMerge({ dirs, out: dir, parquet: settings.parquet, keepSeries: settings.keepSeries, blockBytes: settings.blockBytes }, signal, progress);
    finish(dir, work);
    return merged;
  } finally {
    release();
  }
}

/** The run is in DIR: removes the work folder. */
function finish(dir: string, work: string): RunOutcome {
  rmSync(work, { recursive: true, force: true });
  return { dir };
}

/** Writes a small file atomically. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

/**
 * `crm-sim run [scenario] --resume DIR`: starts a resumable run into DIR, or continues the one
 * recorded in DIR.parts (without a scenario: with the scenario, overrides, seed and replicates
 * recorded there; with one: they must match).
 * @throws UsageError when there is nothing to resume, `--out` names another folder, or DIR.parts
 *   holds another run.
 */
export function runResumable(scenarioPath: string | undefined, options: RunOptions, signal: AbortSignal, progress?: ProgressReporter): Promise<RunOutcome> {
  const dir = options.resume as string;
  if (options.out !== undefined && resolve(options.out) !== resolve(dir)) throw new UsageError('--resume DIR writes the run to DIR: leave out --out');
  const recorded = readResumeRecord(dir);
  if (!recorded && existsSync(join(dir, 'manifest.json'))) return Promise.resolve({ dir: resolve(dir) }); // finished already
  if (scenarioPath === undefined && !recorded) {
    throw new UsageError(`--resume ${dir}: nothing to resume there (no ${join(partsFolder(dir), 'run.json')}); give the scenario to start a resumable run`);
  }
  const given = scenarioPath === undefined && recorded
    ? { ...options, set: recorded.sets, years: undefined, replicates: String(recorded.replicates), seed: String(recorded.masterSeed) }
    : options;
  const settings = parseRunOptions(scenarioPath ?? (recorded as ResumeRecord).scenarioPath, { ...given, out: dir });
  return executeResumableRun(settings, signal, progress);
}
