/**
 * The build lock of a checkout (`.dist-lock/`, holding the builder's pid) and the liveness check it
 * and the snapshot pruning use. Every build takes it: a launcher's (ensureBuilt.mjs) and
 * `npm run build`'s (build.mjs), since all compile into the one stage folder. Plain JavaScript.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The lock folder, beside the build snapshots (dist/ itself is a symlink to one, build.mjs). */
export const LOCK = '.dist-lock';
const WAIT_MS = 100;

/** Sleeps the thread (a launcher or a build has nothing else to do). */
export function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Whether process `pid` is alive (EPERM: alive, someone else's).
 * @param {number} pid
 * @returns {boolean}
 */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Takes the build lock; false when another live process holds it (a dead holder's is taken over).
 * @param {string} root Package root.
 * @returns {boolean}
 */
export function tryLock(root) {
  const lock = join(root, LOCK);
  try {
    mkdirSync(lock);
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {}
    if (!Number.isInteger(holder) && Date.now() - statSync(lock).mtimeMs < 2000) return false;
    if (Number.isInteger(holder) && isAlive(holder)) return false;
    rmSync(lock, { recursive: true, force: true }); // its holder died mid-build
    return tryLock(root);
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  return true;
}

/** Releases the build lock. @param {string} root */
export function releaseLock(root) {
  rmSync(join(root, LOCK), { recursive: true, force: true });
}

/**
 * Runs `work` holding the build lock, waiting for it while another live process holds it.
 * @template T
 * @param {string} root Package root.
 * @param {() => T} work
 * @returns {T}
 */
export function withBuildLock(root, work) {
  while (!tryLock(root)) sleep(WAIT_MS);
  try {
    return work();
  } finally {
    releaseLock(root);
  }
}
