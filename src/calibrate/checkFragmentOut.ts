import { closeSync, existsSync, openSync, readSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
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

/**
 * Checks `--out` of `crm-sim calibrate` before the fit, so that nothing the user wrote is lost:
 * it may not be one of the fit's own inputs (`inputs`: the spec, its episodes' scenario files and
 * what they extend), whatever `overwrite` says; an existing file is replaced only when it is an
 * earlier calibrate output, or with `overwrite`.
 * @throws UsageError naming the path, what was expected and what was found.
 */
export function checkFragmentOut(out: string, inputs: readonly string[], overwrite: boolean): void {
  const target = canonical(out);
  const input = inputs.find((file) => canonical(file) === target);
  if (input !== undefined) {
    throw new UsageError(`--out ${out}: expected a file that is not one of the calibration's inputs, found ${input === inputs[0] ? 'the calibration spec itself' : `the scenario file ${input}`} (writing there would destroy it)`);
  }
  if (existsSync(target) && !overwrite && !isCalibrateOutput(target)) {
    throw new UsageError(`--out ${out}: expected a new file or an earlier crm-sim calibrate output, found an existing file that is neither (pass --overwrite to replace it)`);
  }
}
