import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Whether a file system is mounted on the folder at `path`. Such a folder can be neither renamed
 * nor removed (EBUSY), so an output written beside it cannot be moved into its place: the run
 * would be computed, then lost. Detected two ways: the folder is on another device than its
 * parent (tmpfs, a network share, a Docker volume), or Linux lists it in /proc/self/mountinfo (a
 * bind mount of a folder on the same device, which the device test cannot see).
 *
 * @param path - An existing folder.
 * @returns True when it is a mount point (the root folder counts); false when it is not or cannot be told.
 * @example
 * isMountPoint('/proc'); // true on Linux
 */
export function isMountPoint(path: string): boolean {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return false;
  }
  const parent = dirname(real);
  if (parent === real) return true;
  try {
    if (statSync(real).dev !== statSync(parent).dev) return true;
  } catch {
    return false;
  }
  return listedMountPoints().has(real);
}

/** The mount points Linux lists for this process; empty where /proc is not there (macOS, Windows). */
function listedMountPoints(): Set<string> {
  try {
    return parseMountInfo(readFileSync('/proc/self/mountinfo', 'utf8'));
  } catch {
    return new Set();
  }
}

/**
 * The mount points in the text of a Linux /proc/<pid>/mountinfo file: each line's fifth field,
 * with the octal escapes of spaces, tabs, newlines and backslashes (`\040`) decoded.
 *
 * @param text - The file's text.
 * @returns The mount points' absolute paths.
 * @example
 * parseMountInfo('45 26 254:0 /src /mnt/my\\040data rw - ext4 /dev/vda rw'); // Set { '/mnt/my data' }
 */
export function parseMountInfo(text: string): Set<string> {
  const points = new Set<string>();
  for (const line of text.split('\n')) {
    const field = line.split(' ')[4];
    if (field !== undefined) points.add(field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8))));
  }
  return points;
}

/** An output folder that is a mount point, found by writeDirectoryAtomically before anything is written (exit 2). */
export class OutputFolderMountPointError extends Error {
  /** @param dir - Absolute path of the folder. @param label - How the folder is named in the message. */
  constructor(dir: string, label = 'output folder') {
    super(describeMountPoint(label, dir));
    this.name = 'OutputFolderMountPointError';
  }
}

/**
 * The words for an output folder that is a mount point: what was expected, what was found, and
 * the remedy (a folder inside it).
 *
 * @param label - How the folder is named on the command line (`--out`, `--resume`, `output folder`).
 * @param dir - Absolute path of the folder.
 * @returns One line, without the `crm-sim:` prefix.
 * @example
 * describeMountPoint('--out', '/mnt/results'); // '--out /mnt/results: expected a folder crm-sim can …'
 */
export function describeMountPoint(label: string, dir: string): string {
  const inside = dir.endsWith('/') ? `${dir}run` : `${dir}/run`;
  return `${label} ${dir}: expected a folder crm-sim can put in place when the output is complete, found a mount point `
    + `(a file system is mounted there, so it cannot be replaced); write into a folder inside it, such as ${inside}`;
}
