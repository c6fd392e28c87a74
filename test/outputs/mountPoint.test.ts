/**
 * An output folder that is a mount point cannot be renamed over: crm-sim must refuse it before a
 * run starts (it used to compute the run, then lose it with EBUSY). /proc is a mount point on
 * every Linux (an empty one, the real case, cannot be relied on: other tests write to /dev/shm).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputFolder } from '../../src/cli/checkOutputFolder.ts';
import { UsageError } from '../../src/cli/exitCodes.ts';
import { isMountPoint, OutputFolderMountPointError, parseMountInfo } from '../../src/outputs/mountPoint.ts';
import { writeDirectoryAtomically } from '../../src/outputs/writeDirectoryAtomically.ts';
import { runCli } from '../cli/runCli.ts';
import { SMALL_SETS } from '../cli/smallRun.ts';

const root = mkdtempSync(join(tmpdir(), 'crm-sim-mount-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const onLinux = process.platform === 'linux';

describe('isMountPoint', () => {
  it.runIf(onLinux)('is true for /proc and the root, false for an ordinary folder and a missing path', () => {
    expect(isMountPoint('/proc')).toBe(true);
    expect(isMountPoint('/')).toBe(true);
    expect(isMountPoint(root)).toBe(false);
    expect(isMountPoint(join(root, 'missing'))).toBe(false);
  });

  it('reads the mount points of a mountinfo text, escapes decoded (a bind mount on the same device is found only there)', () => {
    const text = '21 26 0:20 / /proc rw,relatime - proc proc rw\n45 26 254:0 /tmp/src /mnt/my\\040data rw - ext4 /dev/vda rw\n';
    expect([...parseMountInfo(text)]).toEqual(['/proc', '/mnt/my data']);
  });
});

describe('an output folder that is a mount point', () => {
  it.runIf(onLinux)('is refused by checkOutputFolder with the path, what was expected and found, and a folder inside it to use', () => {
    let message = '';
    try {
      checkOutputFolder('/proc', { overwrite: true, label: '--resume' });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      message = error.message;
    }
    expect(message).toBe('--resume /proc: expected a folder crm-sim can put in place when the output is complete, found a mount point '
      + '(a file system is mounted there, so it cannot be replaced); write into a folder inside it, such as /proc/run');
  });

  it.runIf(onLinux)('is refused by writeDirectoryAtomically before anything is written', async () => {
    let filled = false;
    await expect(writeDirectoryAtomically('/proc', async () => { filled = true; }, { overwrite: true })).rejects.toBeInstanceOf(OutputFolderMountPointError);
    expect(filled).toBe(false);
  });

  it.runIf(onLinux)('run --out on a mount point exits 2 before the run, one line (it used to compute the run, then lose it)', () => {
    // /proc is not empty: --overwrite gets past the emptiness check to the mount-point one, which comes first.
    const result = runCli(['run', 'scenarios/baseline.yaml', '--out', '/proc', '--overwrite', '--replicates', '2', '--workers', '0', '--quiet',
      ...SMALL_SETS.flatMap((s) => ['--set', s])]);
    expect(result.stderr).toBe('crm-sim: --out /proc: expected a folder crm-sim can put in place when the output is complete, found a mount point '
      + '(a file system is mounted there, so it cannot be replaced); write into a folder inside it, such as /proc/run\n');
    expect(result.status).toBe(2);
  });
});
