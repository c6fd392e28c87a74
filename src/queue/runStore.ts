import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { QueueError } from './loadQueueModules.ts';

/**
 * The shared folder of queued runs (`--store`, default `outputs/queue`): every machine running
 * `crm-sim queue work` must see it at the same path or be told where with `--store`.
 *
 * ```
 * <store>/<run id>/run.json                 what was submitted (see {@link QueuedRun})
 * <store>/<run id>/scenario.resolved.yaml   the scenario as resolved by the submitter
 * <store>/<run id>/shards/shard-<k>          one folder per finished job (crm-sim run --shard k/K)
 * ```
 * A shard folder appears complete or not at all (atomic rename), so its presence is the only
 * record that a job is done: a retried job finds it and stops, and collect merges exactly one
 * folder per shard, so nothing is counted twice.
 */

/** What `crm-sim queue submit` stored for a run. */
export interface QueuedRun {
  runId: string;
  /** Scenario path as given to submit (for the manifest of the collected run). */
  scenarioPath: string;
  replicates: number;
  masterSeed: number;
  /** Jobs (= shards) the run was split into. */
  shards: number;
  /** SHA-256 of the resolved scenario the jobs run. */
  sha256: string;
  /**
   * The submitter's code (manifest `sourceSha256`): workers running other code refuse its jobs, whose
   * shards would not merge. Absent in runs stored before it.
   */
  sourceSha256?: string | null;
  /** The overrides given to submit (already applied in the stored scenario; for the manifests). */
  overrides?: string[];
  submittedAt: string;
}

/** Default store folder. */
export const DEFAULT_STORE = 'outputs/queue';
/** Name of the resolved scenario in a run folder. */
export const SCENARIO_FILE = 'scenario.resolved.yaml';

/** Folder of a run in the store. */
export function runFolder(store: string, runId: string): string {
  return join(resolve(store), runId);
}

/** Folder of shard k of a run. */
export function shardFolder(store: string, runId: string, shard: number): string {
  return join(runFolder(store, runId), 'shards', `shard-${shard}`);
}

/** Whether shard k of a run is finished (its folder exists: it was renamed into place complete). */
export async function isShardDone(store: string, runId: string, shard: number): Promise<boolean> {
  try {
    return (await stat(shardFolder(store, runId, shard))).isDirectory();
  } catch {
    return false;
  }
}

/** Writes a file atomically (temporary name, then rename). */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** Stores a run's description and resolved scenario; returns the run folder. */
export async function writeQueuedRun(store: string, run: QueuedRun, resolvedYaml: string): Promise<string> {
  const dir = runFolder(store, run.runId);
  await mkdir(join(dir, 'shards'), { recursive: true });
  await writeAtomically(join(dir, SCENARIO_FILE), resolvedYaml);
  await writeAtomically(join(dir, 'run.json'), `${JSON.stringify(run, null, 2)}\n`);
  return dir;
}

/**
 * Reads a run's description, or undefined when the store has no such run.
 * @throws SyntaxError for a file that is not JSON; QueueError naming the file and key for a description without the fields every run has.
 */
export async function readQueuedRun(store: string, runId: string): Promise<QueuedRun | undefined> {
  const path = join(runFolder(store, runId), 'run.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return checkQueuedRun(JSON.parse(text), path);
}

/** The fields every stored run has, with what each must be: a damaged run.json is named, not read as `undefined` shards. */
const REQUIRED_FIELDS: ReadonlyArray<[keyof QueuedRun, string, (value: unknown) => boolean]> = [
  ['runId', 'a run id', (v) => typeof v === 'string' && v !== ''],
  ['scenarioPath', 'a scenario path', (v) => typeof v === 'string'],
  ['replicates', 'an integer ≥ 1', (v) => Number.isInteger(v) && (v as number) >= 1],
  ['masterSeed', 'an integer', (v) => Number.isInteger(v)],
  ['shards', 'an integer ≥ 1', (v) => Number.isInteger(v) && (v as number) >= 1],
  ['sha256', 'a SHA-256 hash', (v) => typeof v === 'string' && v !== ''],
];

/** Checks a parsed run.json; returns it typed, or throws a QueueError naming the file, the key, what was expected and what was found. */
function checkQueuedRun(data: unknown, path: string): QueuedRun {
  const remedy = 'a damaged store: submit the run again under a new --run-id';
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new QueueError(`${path}: expected a run description (an object with runId, replicates, shards, …), found ${JSON.stringify(data)?.slice(0, 40) ?? 'nothing'} (${remedy})`);
  }
  for (const [key, expected, valid] of REQUIRED_FIELDS) {
    const value = (data as Record<string, unknown>)[key];
    if (!valid(value)) throw new QueueError(`${path}: ${key}: expected ${expected}, found ${value === undefined ? 'nothing' : JSON.stringify(value).slice(0, 40)} (${remedy})`);
  }
  return data as QueuedRun;
}

/**
 * {@link readQueuedRun} for the commands a person runs (`queue status`, `collect`, `submit`): a
 * description that exists but cannot be read (permissions, a store that fails, a file that is not
 * JSON) is a QueueError naming the file and the cause, a message instead of a stack trace.
 * @throws QueueError when run.json exists but cannot be read or parsed.
 */
export async function readQueuedRunForUser(store: string, runId: string): Promise<QueuedRun | undefined> {
  try {
    return await readQueuedRun(store, runId);
  } catch (error) {
    if (error instanceof QueueError) throw error;
    const path = join(runFolder(store, runId), 'run.json');
    const cause = error instanceof SyntaxError ? `not valid JSON (${error.message})` : (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new QueueError(`cannot read run ${runId}'s description ${path}: ${cause}`);
  }
}

/**
 * {@link readQueuedRunForUser} for a run that must exist.
 * @param storeNote Why this store was looked in and what to do, said instead of "(give --store)" when the run is not there.
 * @throws QueueError naming the run and the store when it is not there, or when its description cannot be read.
 */
export async function requireQueuedRun(store: string, runId: string, storeNote?: string): Promise<QueuedRun> {
  const run = await readQueuedRunForUser(store, runId);
  if (run === undefined) throw new QueueError(`no run ${runId} in the store ${store}${storeNote === undefined ? ' (give --store)' : `: ${storeNote}`}`);
  return run;
}
