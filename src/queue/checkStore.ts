import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveMemoryLimit } from '../scenario/checkRunResources.ts';
import { QueueError } from './loadQueueModules.ts';
import { runFolder } from './runStore.ts';

/** Whether an error is the file system's answer about a path (missing, forbidden, not a folder, …). */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string' && (error as NodeJS.ErrnoException).syscall !== undefined;
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
export async function shardsNotWritable(store: string, runId: string): Promise<string | undefined> {
  const runDir = runFolder(store, runId);
  for (const dir of [join(runDir, 'shards'), runDir]) {
    try {
      await access(dir, constants.W_OK | constants.X_OK);
      return undefined;
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      if (error.code !== 'ENOENT' || dir === runDir) return `cannot write shards of run ${runId} into ${dir} (${error.code})`;
    }
  }
  return undefined;
}
