import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describeMountPoint, isMountPoint } from '../outputs/mountPoint.ts';
import { OutputFolderExistsError } from '../outputs/writeDirectoryAtomically.ts';
import { UsageError } from './exitCodes.ts';

/**
 * An output folder that already holds files, found before the run: an {@link OutputFolderExistsError}
 * (exit 2; the queue worker skips a job whose twin finished first) with the remedy in its message.
 */
export class OutputFolderTakenError extends OutputFolderExistsError {
  /** @param folder - Absolute path. @param message - The full message. */
  constructor(folder: string, message: string) {
    super(folder);
    this.name = 'OutputFolderTakenError';
    this.message = message;
  }
}

/** Plain words for the errors of creating a folder. */
const CREATE_ERRORS: Record<string, string> = {
  EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'a read-only file system', ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded', ENOTDIR: 'a part of the path is a file, not a folder', ENAMETOOLONG: 'a name too long for the file system',
};

/** Why creating something failed, in plain words: ` (permission denied)`, or nothing when there is no plainer word (/proc). */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return Object.hasOwn(CREATE_ERRORS, code) ? ` (${CREATE_ERRORS[code]})` : '';
}

/** The nearest existing path at or above `path`. */
function nearestExisting(path: string): string {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return existing;
}

/** Whether `dir` holds a crm-sim output folder: a manifest.json written by crm-sim. */
export function isCrmSimOutputFolder(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { tool?: unknown }).tool === 'crm-sim';
  } catch {
    return false;
  }
}

/**
 * Creates the missing folders above `dir` one level at a time (a recursive mkdir spins forever
 * under /proc on Node 20) and checks that new folders can be made in its parent.
 * @throws UsageError naming the path, what was expected and what was found.
 */
function prepareParent(dir: string, label: string): void {
  const parent = dirname(dir);
  const existing = nearestExisting(parent);
  if (!statSync(existing).isDirectory()) {
    throw new UsageError(`${label} ${dir}: expected a path whose parent folders can be created, found a file at ${existing}`);
  }
  const missing: string[] = [];
  for (let p = parent; p !== existing; p = dirname(p)) missing.unshift(p);
  let probeIn = existing;
  try {
    for (const level of missing) {
      probeIn = level;
      mkdirSync(level);
    }
    probeIn = parent;
    rmdirSync(mkdtempSync(join(parent, '.crm-sim-probe-')));
  } catch (error) {
    throw new UsageError(`${label} ${dir}: expected a folder where crm-sim can write, but ${probeIn} refuses new folders${reasonOf(error)}`);
  }
}

/**
 * Checks an output folder before a run starts, so that a path that cannot be written is a plain
 * usage error (exit 2) rather than a failure after the run: its parent folders can be created and
 * written; nothing but a folder is at the path, and not a mount point (it could not be replaced); an existing non-empty folder is refused unless
 * `overwrite` is set and it is a finished crm-sim output folder (manifest.json by crm-sim).
 *
 * @param dir - The output folder (absolute or relative to the working directory).
 * @param options - `overwrite`: allow replacing a finished crm-sim output folder; `label`: how the
 *   folder is named in messages (default `--out`); `offerOverwrite`: whether the command has
 *   `--overwrite` to suggest (default true).
 * @returns The absolute path.
 * @throws UsageError with the path, what was expected and what was found; OutputFolderTakenError
 *   for a folder that holds files (without `overwrite`).
 * @example
 * checkOutputFolder('outputs/my-run', { overwrite: false });
 */
export function checkOutputFolder(dir: string, options: { overwrite?: boolean; label?: string; offerOverwrite?: boolean } = {}): string {
  const absolute = resolve(dir);
  const label = options.label ?? '--out';
  // Before the parent's probe: a mount point's parent (/mnt) is often not writable, and "refuses new folders" would hide the cause.
  if (isMountPoint(absolute) && statSync(absolute).isDirectory()) throw new UsageError(describeMountPoint(label, absolute));
  prepareParent(absolute, label);
  if (!existsSync(absolute)) return absolute;
  if (!statSync(absolute).isDirectory()) throw new UsageError(`${label} ${absolute}: expected a folder, found a file`);
  if (readdirSync(absolute).length === 0) return absolute;
  if (!options.overwrite) {
    const remedy = options.offerOverwrite === false ? 'choose another folder' : 'choose another folder, or --overwrite to replace a finished crm-sim output folder';
    throw new OutputFolderTakenError(absolute, `${label} ${absolute}: expected a new or empty folder, found a folder with files (${remedy})`);
  }
  if (!isCrmSimOutputFolder(absolute)) {
    throw new UsageError(`${label} ${absolute}: --overwrite replaces only a finished crm-sim output folder (with crm-sim's manifest.json), found a folder without one; not touching it`);
  }
  return absolute;
}

/**
 * Claims a new default output folder `<base>`, or `<base>-2`, `<base>-3`, … when a run that
 * started at the same moment took it: creates it empty (mkdir is atomic, so two processes never
 * claim the same name); the run later replaces the empty folder with its output.
 *
 * @param base - Absolute path of the preferred folder.
 * @returns The claimed folder.
 * @throws UsageError when the folder cannot be created.
 * @example
 * claimOutputFolder('/x/outputs/baseline-20250101T000000.123Z'); // '/x/outputs/baseline-20250101T000000.123Z'
 */
export function claimOutputFolder(base: string): string {
  prepareParent(base, 'output folder');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    try {
      mkdirSync(candidate);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new UsageError(`output folder ${candidate}: expected a folder crm-sim can create, found that it cannot be created${reasonOf(error)}`);
    }
  }
}

/** Removes a claimed folder if it is still empty (the run failed before filling it). */
export function releaseOutputFolder(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (the run finished) or already gone: nothing to release.
  }
}
