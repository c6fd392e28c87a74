import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { createAbortError } from '../montecarlo/createAbortError.ts';
import { isMountPoint, OutputFolderMountPointError } from './mountPoint.ts';
import { syncToDisk, syncTree } from './syncTree.ts';
import { trackTemporaryFolder } from './temporaryFolders.ts';

/** Thrown when the output folder exists, is not empty, and overwriting was not requested. */
export class OutputFolderExistsError extends Error {
  /** Absolute path of the existing folder. */
  readonly folder: string;

  /** @param folder - Absolute path of the existing folder. */
  constructor(folder: string) {
    super(`output folder ${folder} already exists and is not empty; choose another folder (crm-sim run --overwrite replaces a finished run folder)`);
    this.name = 'OutputFolderExistsError';
    this.folder = folder;
  }
}

/** Options of {@link writeDirectoryAtomically}. */
export interface AtomicWriteOptions {
  /** Replace an existing non-empty folder (default false: refuse). */
  overwrite?: boolean;
  /** Checked once `fill` is done: when aborted, the folder is not renamed into place (AbortError). */
  signal?: AbortSignal;
}

/**
 * Fills a folder so that it appears complete or not at all: `fill` writes into a sibling
 * temporary folder `.<name>.tmp-<pid>`, which is flushed to disk (syncTree.ts) and then renamed to
 * `dir`. On any failure the
 * temporary folder is removed and `dir` is left as it was; so too when `options.signal` has
 * aborted by the time `fill` is done (the rename is the point of no return). While it is being
 * filled the temporary folder is tracked (see `removeTemporaryFoldersNow`, for a forced exit).
 *
 * An existing empty `dir` is replaced. An existing non-empty `dir` is refused with
 * {@link OutputFolderExistsError} unless `overwrite` is set; then it is moved aside to
 * `.<name>.old-<pid>`, the new folder renamed in, and the old one deleted.
 *
 * @param dir - Final folder path; its parent is created if missing.
 * @param fill - Writes the folder's files into the temporary folder it is given.
 * @param options - Overwrite policy and abort signal.
 * @returns Resolves with the absolute path of the final folder.
 * @throws OutputFolderExistsError; OutputFolderMountPointError when `dir` is a mount point; AbortError when the signal aborted; whatever `fill` throws.
 * @example
 * await writeDirectoryAtomically('outputs/run1', async (tmp) => writeFile(join(tmp, 'a.txt'), 'a'));
 */
export async function writeDirectoryAtomically(
  dir: string,
  fill: (temporaryDir: string) => Promise<void>,
  options: AtomicWriteOptions = {},
): Promise<string> {
  const finalDir = resolve(dir);
  const parent = dirname(finalDir);
  const name = basename(finalDir);
  await mkdir(parent, { recursive: true });
  if (!options.overwrite && !(await isMissingOrEmptyFolder(finalDir))) {
    throw new OutputFolderExistsError(finalDir);
  }
  // Checked before `fill`: a mount point cannot be renamed over, and the work would be lost at the end.
  if (isMountPoint(finalDir)) throw new OutputFolderMountPointError(finalDir);
  const temporaryDir = join(parent, `.${name}.tmp-${process.pid}`);
  await rm(temporaryDir, { recursive: true, force: true });
  const forget = trackTemporaryFolder(temporaryDir);
  await mkdir(temporaryDir);
  try {
    await fill(temporaryDir);
    if (options.signal?.aborted) throw createAbortError(options.signal.reason);
    // On disk before the rename, and the rename on disk after it: complete after a power cut too.
    await syncTree(temporaryDir);
    await moveIntoPlace(temporaryDir, finalDir, options.overwrite === true);
    await syncToDisk(parent);
  } catch (error) {
    await rm(temporaryDir, { recursive: true, force: true });
    throw error;
  } finally {
    forget();
  }
  return finalDir;
}

/** Renames the finished temporary folder to its final name, honouring the overwrite policy. */
async function moveIntoPlace(temporaryDir: string, finalDir: string, overwrite: boolean): Promise<void> {
  if (await isMissingOrEmptyFolder(finalDir)) {
    await rm(finalDir, { recursive: true, force: true });
    await renameOrExplain(temporaryDir, finalDir);
    return;
  }
  if (!overwrite) throw new OutputFolderExistsError(finalDir);
  const oldDir = join(dirname(finalDir), `.${basename(finalDir)}.old-${process.pid}`);
  await rm(oldDir, { recursive: true, force: true });
  await rename(finalDir, oldDir);
  try {
    await rename(temporaryDir, finalDir);
  } catch (error) {
    await rename(oldDir, finalDir);
    throw error;
  }
  await rm(oldDir, { recursive: true, force: true });
}

/** rename(), turning "target appeared meanwhile and is not empty" into the clear error. */
async function renameOrExplain(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new OutputFolderExistsError(to);
    throw error;
  }
}

/** True if nothing exists at the path or it is an empty folder; a file there counts as non-empty. */
async function isMissingOrEmptyFolder(path: string): Promise<boolean> {
  try {
    const info = await stat(path);
    if (!info.isDirectory()) return false;
    return (await readdir(path)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}
