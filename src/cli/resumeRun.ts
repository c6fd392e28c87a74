import { createNotePrinter } from './createNotePrinter.ts';
import { createWarningPrinter } from './createWarningPrinter.ts';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { currentCommandLine, redactCommandLine, type RunManifest } from '../outputs/createManifest.ts';
import { isProcessAlive, removeStaleTemporaries } from '../outputs/removeStaleTemporaries.ts';
import { loadScenario } from '../scenario/loadScenario.ts';
import { findMalformedOverride } from '../scenario/applySets.ts';
import { SOURCE_SHA256 } from '../runtime/sourceFingerprint.ts';
import { executeMerge } from './mergeCommand.ts';
import { readShardFolder, ShardError } from '../outputs/readShardFolder.ts';
import { describeScenarioDifference } from '../outputs/describeScenarioDifference.ts';
import { SHARD_FILES } from '../outputs/writeShardFiles.ts';
import { checkFinishedOutputs } from './checkFinishedOutputs.ts';
import { InterruptedError, UsageError } from './exitCodes.ts';
import { countOf } from '../text/countOf.ts';
import { checkOutputFolder } from './checkOutputFolder.ts';
import { executeRun, parseRunOptions, writeReportInputs, type RunOptions, type RunOutcome, type RunSettings } from './runCommand.ts';
import { createProgressReporter, type ProgressReporter } from './progressReporter.ts';
import { compileScenario } from '../../sim-core/index.ts';
import type { ReplicateSummaries } from '../stats/computeSummaryStatistics.ts';

/**
 * `crm-sim run --resume DIR`: a run that survives being killed. The run is split into P parts,
 * each a shard k/P of the run (`crm-sim run --shard`) written atomically into `DIR.parts/`; when
 * every part is there they are merged into DIR (`crm-sim merge`), and DIR.parts is removed. Killed
 * at any moment, the same command (or `crm-sim run --resume DIR` alone: the scenario, overrides,
 * seed and replicates are recorded in DIR.parts/run.json) reuses the finished parts and runs the
 * rest. Parts are pure functions of (scenario, seed, replicate range), so the result is
 * byte-identical (all files but manifest.json) to an uninterrupted run, however often it was
 * killed.
 *
 * The record of completion is DIR/manifest.json (DIR appears by one rename, complete). Once it is
 * there, DIR.parts is garbage whatever it still holds: a kill while DIR.parts is being removed
 * can leave any subset of it, run.json included or not, and resume then only removes the rest.
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
  /** The code's fingerprint (manifest `sourceSha256`): parts of changed code are refused, not mixed in. Absent in records before it. */
  sourceSha256?: string | null;
  /** What the finished folder holds besides the run's data, as the starting command asked (absent in records before it). */
  outputs?: ResumeOutputs;
}

/**
 * The options of a resumable run that decide what its folder holds, not its replicates: they take
 * effect only at the final merge, so `crm-sim run --resume DIR` alone applies the ones recorded at
 * the start (an option given again replaces its recorded value).
 */
export interface ResumeOutputs {
  parquet: boolean;
  keepSeries: boolean;
  exceed: string[];
  measureImpact: boolean;
  impactReplicateCap?: number;
  report: boolean;
  /** The command that started the run (the final manifest records it). */
  commandLine: string[];
  /**
   * Every later command that took the run up (`crm-sim run [scenario] --resume DIR …`), in order,
   * the one that finishes it last (the final manifest records them as `resumeCommandLines`);
   * absent until the first resume.
   */
  resumeCommandLines?: string[][];
}

/** Default number of parts: at most this many (at most one replicate each). */
const DEFAULT_PARTS = 16;

/** The work folder of a resumable run into `dir`. */
export function partsFolder(dir: string): string {
  return `${resolve(dir)}.parts`;
}

/** What crm-sim puts in DIR.parts: the record, its temporary, the lock, the parts and their writers' temporaries. */
const PARTS_ENTRY = /^(run\.json|run\.json\.tmp|lock|part-\d+|\.part-\d+\.(tmp|old)-\d+)$/;
/** A part's writer's temporary folder (writeDirectoryAtomically.ts). */
const PART_TEMPORARY = /^\.part-\d+\.(tmp|old)-\d+$/;

/**
 * Refuses a DIR.parts that crm-sim did not make: a file, or a folder holding anything but what a
 * resumable run puts there ({@link PARTS_ENTRY}), so that resume never uses or removes a user's files.
 * @throws UsageError naming the folder, what was expected and what was found.
 */
export function checkPartsFolder(dir: string): void {
  const work = partsFolder(dir);
  if (!existsSync(work)) return;
  const expected = `expected the folder of --resume ${resolve(dir)}'s finished parts`;
  if (!statSync(work).isDirectory()) throw new UsageError(`${work}: ${expected}, found a file; move it away or choose another folder`);
  const foreign = readdirSync(work).sort().filter((name) => !PARTS_ENTRY.test(name));
  if (foreign.length > 0) {
    const names = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
    throw new UsageError(`${work}: ${expected} (run.json and part-N folders), found a folder with other files (${names}); not touching it: move it away or choose another folder`);
  }
}

/** Reads a small JSON file, or undefined when there is none; an unreadable one is a usage error. */
function readJson<T>(path: string, dir: string, remedy: string): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new UsageError(`--resume ${dir}: cannot read ${path} (${(error as Error).message}); ${remedy}`);
  }
}

/** How a value read from a record is shown in a message. */
function shown(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** A check of one key of run.json: what it expects (for the message) and whether a value fits. */
type KeyCheck = [expected: string, fits: (value: unknown) => boolean, optional?: boolean];
const isString = (v: unknown): boolean => typeof v === 'string';
const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
const isBoolean = (v: unknown): boolean => typeof v === 'boolean';
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;
const RECORD_KEYS: Record<string, KeyCheck> = {
  scenarioPath: ['a scenario file path (a non-empty string)', (v) => typeof v === 'string' && v !== ''],
  sets: ['a list of --set strings (path=value)', isStrings],
  replicates: ['an integer ≥ 1', isCount],
  masterSeed: [`an integer from 0 to ${Number.MAX_SAFE_INTEGER}`, (v) => Number.isSafeInteger(v) && (v as number) >= 0],
  parts: ['an integer ≥ 1', isCount],
  sha256: ['the scenario\'s SHA-256 (a string)', isString],
  sourceSha256: ['the sources\' SHA-256 (a string or null)', (v) => v === null || isString(v), true],
  outputs: ['an object (the output options)', (v) => typeof v === 'object' && v !== null && !Array.isArray(v), true],
};
const OUTPUT_KEYS: Record<string, KeyCheck> = {
  parquet: ['true or false', isBoolean],
  keepSeries: ['true or false', isBoolean],
  exceed: ['a list of --exceed strings', isStrings],
  measureImpact: ['true or false', isBoolean],
  impactReplicateCap: ['an integer ≥ 1', isCount, true],
  report: ['true or false', isBoolean],
  commandLine: ['a list of strings (the command line)', isStrings],
  resumeCommandLines: ['a list of command lines (lists of strings)', (v) => Array.isArray(v) && v.every(isStrings), true],
};

/**
 * Checks what run.json holds, key by key, so that a damaged record is reported at its file and key
 * (never as a flag the user did not give, never as an internal error).
 * @throws UsageError naming the file, the key, what was expected and what was found.
 */
function checkResumeRecord(value: unknown, path: string, work: string): ResumeRecord {
  const remedy = `remove ${work} to start over`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${path}: expected an object (the record of a resumable run), found ${shown(value)}; ${remedy}`);
  }
  const check = (object: Record<string, unknown>, keys: Record<string, KeyCheck>, prefix: string) => {
    for (const [key, [expected, fits, optional]] of Object.entries(keys)) {
      const found = object[key];
      if (found === undefined && optional === true) continue;
      if (!fits(found)) throw new UsageError(`${path}: ${prefix}${key}: expected ${expected}, found ${shown(found)}; ${remedy}`);
    }
  };
  const record = value as Record<string, unknown>;
  check(record, RECORD_KEYS, '');
  if (record.outputs !== undefined) check(record.outputs as Record<string, unknown>, OUTPUT_KEYS, 'outputs.');
  if ((record.parts as number) > (record.replicates as number)) {
    throw new UsageError(`${path}: parts: expected at most replicates (${shown(record.replicates)}), found ${shown(record.parts)}; ${remedy}`);
  }
  const malformed = findMalformedOverride(record.sets as string[]);
  if (malformed !== undefined) throw new UsageError(`${path}: sets: ${malformed}; ${remedy}`);
  return value as ResumeRecord;
}

/**
 * Reads DIR.parts/run.json, or undefined when there is none.
 * @throws UsageError when it is there but unreadable or damaged (naming the file and key).
 */
export function readResumeRecord(dir: string): ResumeRecord | undefined {
  const work = partsFolder(dir);
  const path = join(work, 'run.json');
  if (!existsSync(path)) return undefined;
  return checkResumeRecord(readJson<unknown>(path, dir, `remove ${work} to start over`), path, work);
}

/** The file that, with its manifest's `command`, identifies the output folder of another command. */
const COMMAND_FILES: Record<string, string> = { compare: 'comparison.json', sweep: 'sweep.json', stress: 'stress.json' };

/**
 * What identifies the finished run in DIR (from its manifest), or undefined while DIR is not finished.
 * @throws UsageError when DIR is the finished output folder of another command, or a shard folder.
 */
function readFinishedRun(dir: string): Pick<ResumeRecord, 'sha256' | 'masterSeed' | 'replicates'> | undefined {
  const manifest = readJson<RunManifest & { command?: unknown }>(join(dir, 'manifest.json'), dir, 'choose another folder');
  if (manifest?.tool === 'crm-sim' && manifest.command !== undefined) {
    const command = String(manifest.command);
    const file = COMMAND_FILES[command] ?? 'manifest.json';
    throw new UsageError(`--resume ${resolve(dir)}: expected a run output folder, found a ${command} output folder (${file}); choose another folder for the run`);
  }
  if (manifest?.tool === 'crm-sim' && manifest.shard !== undefined) {
    throw new UsageError(`--resume ${resolve(dir)}: expected a run output folder, found the folder of shard ${manifest.shard.index}/${manifest.shard.count} of a run (crm-sim merge combines shards); choose another folder for the run`);
  }
  // A manifest.json not by crm-sim makes no finished run: DIR is then someone else's folder (refused by checkOutputFolder).
  if (manifest?.tool !== 'crm-sim') return undefined;
  return { sha256: manifest.scenario?.sha256, masterSeed: manifest.masterSeed, replicates: manifest.replicates };
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
      if (holder !== process.pid && isProcessAlive(holder)) {
        throw new UsageError(`--resume: ${work} is in use by process ${holder}`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new UsageError(`--resume: cannot lock ${work}`);
}

/** How the keys checked by {@link checkSameRun} are named to the user. */
const RUN_KEY_NAMES = { masterSeed: 'seed', replicates: 'replicates' } as const;

/**
 * Refuses to resume a folder (DIR.parts, or the finished DIR) that holds another run, naming what
 * differs: the scenario's keys with both values (`years (2 in the folder, 1 in this run)`, as merge
 * does), then the seed and the replicate count. The hashes are shown only when the folder's
 * resolved scenario cannot be found (no finished part, and its scenario file changed since).
 */
function checkSameRun(recorded: Pick<ResumeRecord, 'sha256' | 'masterSeed' | 'replicates'>, run: ResumeRecord, resolvedYaml: string, dir: string, holder: string): void {
  const differences: string[] = [];
  if (recorded.sha256 !== run.sha256) {
    const held = readHeldScenario(holder, recorded);
    const keys = held === undefined ? '' : describeScenarioDifference({ label: 'the folder', yaml: held }, { label: 'this run', yaml: resolvedYaml });
    differences.push(keys !== '' ? `its scenario differs at ${keys}` : `its scenario differs (SHA-256 ${recorded.sha256} there, ${run.sha256} now)`);
  }
  for (const key of ['masterSeed', 'replicates'] as const) {
    if (recorded[key] !== run[key]) differences.push(`${RUN_KEY_NAMES[key]} (${recorded[key]} in the folder, ${run[key]} in this run)`);
  }
  if (differences.length > 0) throw new UsageError(`--resume ${dir}: ${holder} holds another run: ${differences.join('; ')}; remove it or choose another folder`);
}

/**
 * The resolved scenario of the run a folder holds: the finished DIR's `scenario.resolved.yaml`, a
 * finished part's, or (no part finished yet) the recorded scenario file with its overrides, when it
 * still resolves to the recorded hash; undefined when none is found.
 */
function readHeldScenario(holder: string, recorded: Pick<ResumeRecord, 'sha256'> & Partial<ResumeRecord>): string | undefined {
  const parts = existsSync(holder) && statSync(holder).isDirectory() ? readdirSync(holder).filter((name) => /^part-\d+$/.test(name)).sort() : [];
  for (const folder of [holder, ...parts.map((name) => join(holder, name))]) {
    const path = join(folder, SHARD_FILES.scenario);
    try {
      if (existsSync(path)) return readFileSync(path, 'utf8');
    } catch {
      // unreadable: try the next
    }
  }
  if (recorded.scenarioPath === undefined) return undefined;
  try {
    const loaded = loadScenario(recorded.scenarioPath, { set: recorded.sets ?? [] });
    return loaded.sha256 === recorded.sha256 ? loaded.resolvedYaml : undefined;
  } catch {
    return undefined;
  }
}

/** Refuses to add parts run by other code than the finished parts' (their merge would mix two models). */
function checkSameCode(recorded: ResumeRecord, run: ResumeRecord, dir: string, work: string): void {
  if (recorded.sourceSha256 === undefined || recorded.sourceSha256 === run.sourceSha256) return;
  throw new UsageError(
    `--resume ${dir}: the code changed since ${work} was started (sources ${recorded.sourceSha256 ?? 'unknown'} there, ${run.sourceSha256 ?? 'unknown'} now), ` +
      'and parts run by two versions of the model must not be merged; go back to that code to finish it, or remove the folder to start over',
  );
}

/** Removes what killed part-writers left behind: hidden temporary folders. */
function removeLeftovers(work: string): void {
  for (const name of readdirSync(work)) if (PART_TEMPORARY.test(name)) rmSync(join(work, name), { recursive: true, force: true });
}

/**
 * Runs `settings` resumably into `settings.out` (see the module comment).
 * @param settings - A full run (not a shard) with an output folder.
 * @param parts - Parts to split a new run into (default min(16, replicates)).
 * @returns The folder; `alreadyComplete` when DIR held the finished run (nothing ran).
 * @throws UsageError when DIR or DIR.parts holds another run or DIR.parts is in use; ScenarioError; AbortError.
 */
export async function executeResumableRun(settings: RunSettings, signal: AbortSignal, progress?: ProgressReporter, parts?: number): Promise<RunOutcome> {
  if (settings.shard !== undefined) throw new UsageError('--resume runs a whole run; a shard is resumed by running it again');
  const dir = resolve(settings.out as string);
  const work = partsFolder(dir);
  const loaded = loadScenario(settings.scenarioPath, { set: settings.sets });
  if (settings.warned !== true) loaded.warnings.forEach(createWarningPrinter());
  if (settings.notes === true && settings.warned !== true) loaded.notes.forEach(createNotePrinter());
  const invoked = redactCommandLine(settings.commandLine ?? currentCommandLine());
  const record: ResumeRecord = {
    scenarioPath: settings.scenarioPath, sets: settings.sets, replicates: settings.replicates, masterSeed: settings.masterSeed,
    parts: parts ?? Math.min(DEFAULT_PARTS, settings.replicates), sha256: loaded.sha256, sourceSha256: SOURCE_SHA256,
    outputs: {
      parquet: settings.parquet, keepSeries: settings.keepSeries, exceed: settings.exceed ?? [], measureImpact: settings.measureImpact === true,
      ...(settings.impactReplicateCap === undefined ? {} : { impactReplicateCap: settings.impactReplicateCap }),
      report: settings.report === true, commandLine: invoked,
    },
  };
  checkPartsFolder(dir);
  for (let look = 0; ; look++) {
    const finished = readFinishedRun(dir);
    if (finished) {
      checkSameRun(finished, record, loaded.resolvedYaml, dir, dir);
      return completeAlready(dir, settings);
    }
    // Not finished: DIR must be absent or empty, as for run --out, before any part runs or DIR.parts is made.
    try {
      checkOutputFolder(dir, { label: '--resume', offerOverwrite: false });
      break;
    } catch (error) {
      // Taken meanwhile by the merge of another process finishing this run: look once more.
      if (look > 0 || !existsSync(join(dir, 'manifest.json'))) throw error;
    }
  }
  await mkdir(work, { recursive: true });
  const release = takeLock(work);
  try {
    const read = readResumeRecord(dir); // under the lock: its last holder may have written it meanwhile
    if (read) {
      checkSameRun(read, record, loaded.resolvedYaml, dir, work);
      checkSameCode(read, record, dir, work);
    }
    if (existsSync(join(dir, 'manifest.json'))) return await completeAlready(dir, settings); // finished by the lock's last holder
    // run.json is written before any part: parts without it are of no known run.
    const orphans = read === undefined ? readdirSync(work).filter((name) => /^part-\d+$/.test(name)) : [];
    if (orphans.length > 0) throw new UsageError(`--resume ${dir}: ${work} holds parts (${orphans.sort().slice(0, 3).join(', ')}) but no run.json recording their run; remove ${work} to start over`);
    const recorded = read === undefined ? record : await recordResume(work, read, invoked);
    if (read === undefined) await writeAtomically(join(work, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
    removeLeftovers(work);
    await removeStaleTemporaries(dir); // a merge killed before its rename
    // The manifest records the command that started the run and every one that resumed it.
    const { commandLine = invoked, resumeCommandLines } = recorded.outputs ?? {};
    const merged = await runPartsAndMerge({ ...settings, out: dir, commandLine, resumeCommandLines }, recorded.parts, signal, progress).catch((error: unknown) => {
      if ((error as Error | undefined)?.name !== 'AbortError') throw error;
      // The finished parts stay: say so, and how to finish (not "no output written").
      const kept = readdirSync(work).filter((name) => /^part-\d+$/.test(name)).length;
      throw new InterruptedError(`interrupted; ${kept} of ${countOf(recorded.parts, 'part')} kept in ${work}; run the same command again (or crm-sim run --resume ${dir}) to finish`, { cause: error });
    });
    // Before DIR.parts goes: killed in between, the next resume finds the record that asks for it.
    await renderReportIfMissing(dir, settings.report === true, settings.quiet === true);
    rmSync(work, { recursive: true, force: true }); // killed during this, DIR.parts is removed by the next resume
    return merged;
  } finally {
    release();
  }
}

/**
 * Adds the command taking the run up to its record (DIR.parts/run.json, rewritten atomically), so
 * the final manifest names every command that worked on the run; a record from before output
 * options were recorded is left as it is.
 */
async function recordResume(work: string, recorded: ResumeRecord, invoked: string[]): Promise<ResumeRecord> {
  if (recorded.outputs === undefined) return recorded;
  const resumeCommandLines = [...(recorded.outputs.resumeCommandLines ?? []), invoked];
  const updated = { ...recorded, outputs: { ...recorded.outputs, resumeCommandLines } };
  await writeAtomically(join(work, 'run.json'), `${JSON.stringify(updated, null, 2)}\n`);
  return updated;
}

/** The parts whose folder cannot be read back whole (a file missing, truncated or changed), with the reason. */
async function findDamagedParts(dirs: readonly string[]): Promise<{ part: number; dir: string; reason: string }[]> {
  const damaged: { part: number; dir: string; reason: string }[] = [];
  for (const [i, dir] of dirs.entries()) {
    try {
      await readShardFolder(dir);
    } catch (error) {
      if (!(error instanceof ShardError)) throw error;
      damaged.push({ part: i + 1, dir, reason: error.message });
    }
  }
  return damaged;
}

/**
 * Runs the parts not yet in DIR.parts, then merges all of them into DIR (with impact.json and
 * sources.json when asked for). A damaged part (a disk failure, a user's edit) is removed and run
 * again, once; parts are pure functions of the record, so this is what the uninterrupted run wrote.
 */
async function runPartsAndMerge(settings: RunSettings & { out: string; resumeCommandLines?: string[][] }, count: number, signal: AbortSignal, progress?: ProgressReporter): Promise<RunOutcome> {
  const work = partsFolder(settings.out);
  const dirs = Array.from({ length: count }, (_, i) => join(work, `part-${i + 1}`));
  for (let attempt = 0; ; attempt++) {
    for (const [i, out] of dirs.entries()) {
      if (existsSync(out)) continue;
      const part = `of part ${i + 1}/${count} (${countOf(dirs.filter(existsSync).length, 'part')} done)`;
      const progressLabel = { singular: `replicate ${part}`, plural: `replicates ${part}` };
      await executeRun({ ...settings, shard: { index: i + 1, count }, out, parquet: false, keepSeries: false, warned: true, progressLabel }, signal, progress);
    }
    const damaged = await findDamagedParts(dirs);
    if (damaged.length === 0) break;
    if (attempt > 0) {
      const [first] = damaged;
      throw new UsageError(`--resume ${settings.out}: part ${first.part} is damaged again after it was run again (${first.reason}); check the disk, then remove ${work} to start over`);
    }
    for (const { part, dir, reason } of damaged) {
      process.stderr.write(`warning: --resume ${settings.out}: part ${part} is damaged (${reason}); running it again\n`);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const { parquet, keepSeries, blockBytes, exceed, commandLine, resumeCommandLines } = settings;
  const writeMore = settings.measureImpact === true ? (dir: string, summaries: readonly ReplicateSummaries[]) => {
    const loaded = loadScenario(settings.scenarioPath, { set: settings.sets });
    const layout = compileScenario(loaded.spec).layout;
    return writeReportInputs(dir, { settings, loaded, layout, summaries: summaries.map((s) => s.summaries), reporter: progress ?? createProgressReporter(true), signal });
  } : undefined;
  return executeMerge({ dirs, out: settings.out, parquet, keepSeries, blockBytes, exceed, commandLine, resumeCommandLines, writeMore, memoryLimit: settings.memoryLimit }, signal, progress)
    .catch((error: unknown) => {
      // Found only as the merge reads it (series.f64's SHA-256): name the part and the way out, not "merge:".
      const message = error instanceof UsageError && error.message.startsWith('merge: ') ? error.message : '';
      const at = message.indexOf(`${work}/part-`);
      const part = at < 0 ? undefined : /^\d+/.exec(message.slice(at + `${work}/part-`.length))?.[0];
      if (part === undefined) throw error;
      throw new UsageError(`--resume ${settings.out}: part ${part} is damaged (${(error as Error).message.slice('merge: '.length)}); delete ${join(work, `part-${part}`)} and run the same command again to redo it`);
    });
}

/**
 * DIR holds the finished run: removes what is left of DIR.parts (under its lock; a live holder is
 * removing it itself) and of killed writers beside DIR.
 */
async function completeAlready(dir: string, settings: Pick<RunSettings, 'report' | 'quiet'> = {}): Promise<RunOutcome> {
  const work = partsFolder(dir);
  checkPartsFolder(dir); // what is left of DIR.parts is removed: it must be crm-sim's
  // A kill between the final merge and the report leaves the record that asked for one.
  const recordedReport = existsSync(work) && readResumeRecord(dir)?.outputs?.report === true;
  await renderReportIfMissing(dir, settings.report === true || recordedReport, settings.quiet === true);
  if (existsSync(work)) {
    try {
      takeLock(work);
      rmSync(work, { recursive: true, force: true });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
    }
  }
  await removeStaleTemporaries(dir);
  return { dir, alreadyComplete: true };
}

/** Renders report.html and charts/ into the finished DIR when wanted and not there yet (report.html appears last, whole). */
async function renderReportIfMissing(dir: string, wanted: boolean, quiet: boolean): Promise<void> {
  if (!wanted || existsSync(join(dir, 'report.html'))) return;
  await (await import('./commands/report.ts')).reportOutputFolder(dir, quiet);
}

/** Writes a small file atomically. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

/**
 * The settings of `run [scenario] --resume DIR`; without a scenario, those recorded in
 * DIR.parts/run.json. Output options not given again take their recorded values ({@link ResumeOutputs}).
 */
function resumeSettings(scenarioPath: string | undefined, options: RunOptions, dir: string): RunSettings {
  const recorded = readResumeRecord(dir);
  if (scenarioPath !== undefined) return withRecordedOutputs(parseRunOptions(scenarioPath, { ...options, out: dir }), options, recorded?.outputs);
  if (!recorded) {
    throw new UsageError(`--resume ${dir}: nothing to resume there (no ${join(partsFolder(dir), 'run.json')}: never started, or killed before it recorded itself); give the scenario to start the run`);
  }
  const { sets, replicates, masterSeed } = recorded;
  const settings = parseRunOptions(recorded.scenarioPath, { ...options, set: sets, years: undefined, replicates: String(replicates), seed: String(masterSeed), out: dir });
  return withRecordedOutputs(settings, options, recorded.outputs);
}

/** `settings` with the recorded output options wherever the command line did not give one. */
function withRecordedOutputs(settings: RunSettings, options: RunOptions, recorded: ResumeOutputs | undefined): RunSettings {
  if (recorded === undefined) return settings;
  return {
    ...settings,
    parquet: options.format === undefined ? recorded.parquet : settings.parquet,
    keepSeries: settings.keepSeries || recorded.keepSeries,
    exceed: (options.exceed ?? []).length > 0 ? settings.exceed : recorded.exceed,
    measureImpact: settings.measureImpact === true || recorded.measureImpact,
    impactReplicateCap: options.impactReplicates === undefined ? recorded.impactReplicateCap : settings.impactReplicateCap,
    report: settings.report === true || recorded.report,
  };
}

/**
 * `crm-sim run [scenario] --resume DIR`: starts a resumable run into DIR, or continues the one
 * recorded in DIR.parts (without a scenario: with the scenario, overrides, seed and replicates
 * recorded there; with one: they must match). A finished DIR is reported (stderr, unless quiet)
 * and what is left of DIR.parts removed.
 * @throws UsageError when there is nothing to resume, `--out` names another folder, or DIR or
 *   DIR.parts holds another run.
 */
export async function runResumable(scenarioPath: string | undefined, options: RunOptions, signal: AbortSignal, progress?: ProgressReporter): Promise<RunOutcome> {
  const dir = options.resume as string;
  if (options.out !== undefined && resolve(options.out) !== resolve(dir)) throw new UsageError('--resume DIR writes the run to DIR: leave out --out');
  checkPartsFolder(dir); // before anything reads, uses or removes it
  if (readFinishedRun(dir)) checkFinishedOutputs(resolve(dir), options);
  const outcome = scenarioPath === undefined && readFinishedRun(dir)
    ? await completeAlready(resolve(dir), { report: options.report === true, quiet: options.quiet === true })
    : await executeResumableRun(resumeSettings(scenarioPath, options, dir), signal, progress);
  if (outcome.alreadyComplete && options.quiet !== true) process.stderr.write(`crm-sim: ${outcome.dir} is complete already; nothing to resume\n`);
  return outcome;
}
