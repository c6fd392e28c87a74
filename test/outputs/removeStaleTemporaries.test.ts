import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessAlive, removeStaleTemporaries } from '../../src/outputs/removeStaleTemporaries.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-stale-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A pid whose process has exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid as number;

describe('isProcessAlive', () => {
  it('is true for this process and false for an exited one and for pids ≤ 0 (0 would be our process group)', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(deadPid())).toBe(false);
    expect(isProcessAlive(0)).toBe(false);
    expect(isProcessAlive(-1)).toBe(false);
    expect(isProcessAlive(Number.NaN)).toBe(false);
  });
});

describe('removeStaleTemporaries', () => {
  it("removes only the temporaries of dir's writers that are gone", async () => {
    const dead = deadPid();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const kept = [`.run.tmp-${sleeper.pid}`, `.run.tmp-${process.pid}`, `.run.old-${dead}`, `.run2.tmp-${dead}`, `.rxn.tmp-${dead}`, 'run'];
      for (const name of [...kept, `.run.tmp-${dead}`, `.r.n.tmp-${dead}`]) {
        await mkdir(join(root, name));
        await writeFile(join(root, name, 'series.csv'), 'partial');
      }
      expect(await removeStaleTemporaries(join(root, 'run'))).toEqual([`.run.tmp-${dead}`]);
      expect(await removeStaleTemporaries(join(root, 'r.n'))).toEqual([`.r.n.tmp-${dead}`]); // the dot is no wildcard
      expect((await readdir(root)).sort()).toEqual(kept.sort());
    } finally {
      sleeper.kill();
    }
  });
  it('does nothing when the parent folder is missing', async () => {
    expect(await removeStaleTemporaries(join(root, 'missing', 'run'))).toEqual([]);
  });
});
