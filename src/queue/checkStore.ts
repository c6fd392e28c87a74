import { constants } from 'node:fs';
import { access, lstat, mkdtemp, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { resolveMemoryLimit } from '../scenario/checkRunResources.ts';
import { QueueError } from './loadQueueModules.ts';
import { runFolder } from './runStore.ts';

/** Whether an error is the file system's answer about a path (missing, forbidden, not a folder, …). */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string' && (error as NodeJS.ErrnoException).syscall !== undefined;
}

/**
 * Codes of file-system errors that say something lasting about the store as this process sees it
 * (a path that does not exist or is not what it should be, permission denied, a read-only mount):
 * they stay until someone changes the store or the worker's setup. Any other error (EIO, ESTALE,
 * ETIMEDOUT, EMFILE, ENOSPC, … on a network store) may clear by itself.
 */
const LASTING_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP', 'ENAMETOOLONG', 'EACCES', 'EPERM', 'EROFS']);

/** Whether a file-system error is lasting ({@link LASTING_CODES}) rather than one that may clear by itself. */
export function isLastingFileSystemError(error: NodeJS.ErrnoException): boolean {
  return LASTING_CODES.has(error.code ?? '');
}

/** Why this process cannot use a run in the store, and whether that may clear by itself (an I/O error that is not {@link isLastingFileSystemError}). */
export interface StoreProblem {
  message: string;
  transient: boolean;
}

/**
 * Refuses to start a worker whose own setup would make it fail every job it pulls: a `--store`
 * that is missing, not a folder, or not readable and writable by this process, or a malformed
 * $CRM_SIM_MAX_MEMORY. An empty folder is a usable store (no run submitted yet).
 * @param store - The worker's `--store`, or undefined when each job names its store.
 * @throws QueueError (exit 2) naming the problem.
 */
export async function checkWorkerSetup(store: string | undefined): Promise<void> {
  const limit = resolveMemoryLimit();
  if ('error' in limit) throw new QueueError(`${limit.error}; not starting a worker that would refuse every job`);
  if (store === undefined) return;
  const folder = resolve(store);
  try {
    if (!(await stat(folder)).isDirectory()) throw new QueueError(`--store ${folder}: expected the folder of queued runs, found a file`);
    await access(folder, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    const what = error.code === 'ENOENT' ? 'it does not exist' : `${error.code}: ${error.message}`;
    throw new QueueError(`--store ${folder}: expected the folder of queued runs (the one given to queue submit, as this machine sees it), but ${what}; not starting a worker that could run no job`);
  }
}

/**
 * Why this process cannot write shards of a run into the store (its shards folder, or the run
 * folder before the first shard, is not writable here), or undefined when it can.
 */
export async function shardsNotWritable(store: string, runId: string): Promise<StoreProblem | undefined> {
  const runDir = runFolder(store, runId);
  for (const dir of [join(runDir, 'shards'), runDir]) {
    try {
      await access(dir, constants.W_OK | constants.X_OK);
      return undefined;
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      if (error.code !== 'ENOENT' || dir === runDir) return { message: `cannot write shards of run ${runId} into ${dir} (${error.code})`, transient: !isLastingFileSystemError(error) };
    }
  }
  return undefined;
}

/**
 * Checks again, with the error codes, what `crm-sim run` refused about a shard folder `out` (its
 * checks report no code): something other than a folder at `out` is lasting; a folder that cannot
 * be created beside it is lasting or transient by its code; when both pass now, the cause is
 * unknown and counts as lasting.
 */
export async function shardFolderProblem(out: string): Promise<StoreProblem> {
  try {
    if (!(await lstat(out)).isDirectory()) return { message: `${out} is not a folder`, transient: false };
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    if (error.code !== 'ENOENT') return { message: `cannot read ${out} (${error.code})`, transient: !isLastingFileSystemError(error) };
  }
  try {
    await rmdir(await mkdtemp(join(dirname(out), '.crm-sim-probe-')));
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    return { message: `cannot create folders in ${dirname(out)} (${error.code})`, transient: !isLastingFileSystemError(error) };
  }
  // Neither check finds it now: the cause is unknown, so it counts as lasting (a transient refusal
  // never ends a job, and one that kept recurring would send the job round the queue for ever).
  return { message: 'the cause is not found again', transient: false };
}
