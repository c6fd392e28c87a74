/**
 * scripts/buildLock.mjs under contention: processes that take and release the build lock in a
 * loop, some starting on a lock its dead holder left, must never hold it together and never crash
 * (a holder releasing while a waiter looks at the lock once threw ENOENT; waiters taking over a
 * dead holder's lock together once both held it).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LOCK_MODULE = new URL('../../scripts/buildLock.mjs', import.meta.url).href;

/** A process that takes the lock `rounds` times; while it holds it, a file only a holder may create must not exist. */
function contender(root: string, rounds: number): Promise<string> {
  const code = `
    const { withBuildLock } = await import(${JSON.stringify(LOCK_MODULE)});
    const { closeSync, openSync, rmSync } = await import('node:fs');
    const held = ${JSON.stringify(join(root, 'held'))};
    for (let i = 0; i < ${rounds}; i++) {
      withBuildLock(${JSON.stringify(root)}, () => {
        closeSync(openSync(held, 'wx')); // throws EEXIST if another process holds the lock too
        rmSync(held);
      });
    }
    process.stdout.write('ok');`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.on('exit', () => resolve(out));
  });
}

describe('the build lock', () => {
  it('is held by one process at a time, and none crashes, however they contend', async () => {
    const root = join(dir, 'busy');
    mkdirSync(root);
    expect(await Promise.all(Array.from({ length: 4 }, () => contender(root, 150)))).toEqual(['ok', 'ok', 'ok', 'ok']);
  }, 120_000);

  it('is taken over from a dead holder by one waiter at a time', async () => {
    for (let round = 0; round < 5; round++) {
      const root = join(dir, `dead-${round}`);
      mkdirSync(join(root, '.dist-lock'), { recursive: true });
      writeFileSync(join(root, '.dist-lock', 'owner'), `${hostname()} 999999999`);
      expect(await Promise.all(Array.from({ length: 5 }, () => contender(root, 20)))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    }
  }, 120_000);
});
