import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../cli/exitCodes.ts';

/** The first line of every fragment `crm-sim calibrate` writes (formatCalibrationFragment). */
export const FRAGMENT_HEADER = '# Behavioural parameters fitted by: crm-sim calibrate';

/** The path with symbolic links resolved when it exists (so that two names of one file compare equal). */
function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/** Whether `file` begins with the header of a fragment written by `crm-sim calibrate`. */
export function isCalibrateOutput(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(FRAGMENT_HEADER.length);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, length) === FRAGMENT_HEADER;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Plain words for the errors of writing a file. */
const WRITE_ERRORS: Record<string, string> = {
  EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'a read-only file system', EISDIR: 'a folder is in the way',
  ENOTDIR: 'a part of the path is a file, not a folder', ENAMETOOLONG: 'a name too long for the file system',
};

/** Why an operation failed, in plain words (the system's code when there is no plainer word). */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return Object.hasOwn(WRITE_ERRORS, code) ? WRITE_ERRORS[code] : code || String(error);
}

/** The nearest existing path at or above `path`. */
function nearestExisting(path: string): string {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return existing;
}

/**
 * Checks that the fragment can be written at `out` (absolute `target`): nothing but a file is
 * there, and its folder exists or can be created (the nearest existing folder above it is a
 * folder crm-sim may write in). Missing folders are created only when the fragment is written.
 */
function checkWritable(out: string, target: string): void {
  if (existsSync(target) && !statSync(target).isFile()) {
    throw new UsageError(`--out ${out}: expected a file for the fitted fragment, found ${statSync(target).isDirectory() ? 'a folder' : 'a device, pipe or socket'} (name a file, e.g. ${resolve(target, 'calibrated.yaml')})`);
  }
  const existing = nearestExisting(dirname(target));
  if (!statSync(existing).isDirectory()) {
    throw new UsageError(`--out ${out}: expected a path whose folder exists or can be created, found a file at ${existing}`);
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new UsageError(`--out ${out}: expected a folder where crm-sim can write, found ${existing} (${reasonOf(error)})`);
  }
}

/**
 * Writes `text` to `file` through a temporary file beside it and a rename, so that `file` is
 * either the old one or the whole new one; the temporary file is removed when writing fails.
 * @throws UsageError naming the file and the reason (a full disk is rethrown as it is: the CLI says so).
 */
export function writeFragmentAtomically(file: string, text: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw error;
    throw new UsageError(`--out ${file}: cannot write the fitted fragment (${reasonOf(error)}); the fitted values are printed above`);
  }
}

/**
 * Checks `--out` of `crm-sim calibrate` before the fit, so that nothing the user wrote is lost and
 * the fit's result can be written: it must be a file whose folder exists or can be created and
 * written (see checkWritable); it may not be one of the fit's own inputs (`inputs`: the spec, its episodes' scenario files and
 * what they extend), whatever `overwrite` says; an existing file is replaced only when it is an
 * earlier calibrate output, or with `overwrite`.
 * @throws UsageError naming the path, what was expected and what was found.
 */
export function checkFragmentOut(out: string, inputs: readonly string[], overwrite: boolean): void {
  const target = canonical(out);
  checkWritable(out, target);
  const input = inputs.find((file) => canonical(file) === target);
  if (input !== undefined) {
    throw new UsageError(`--out ${out}: expected a file that is not one of the calibration's inputs, found ${input === inputs[0] ? 'the calibration spec itself' : `the scenario file ${input}`} (writing there would destroy it)`);
  }
  if (existsSync(target) && !overwrite && !isCalibrateOutput(target)) {
    throw new UsageError(`--out ${out}: expected a new file or an earlier crm-sim calibrate output, found an existing file that is neither (pass --overwrite to replace it)`);
  }
}
