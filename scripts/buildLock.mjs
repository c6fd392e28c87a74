/**
 * The build lock of a checkout (`.dist-lock/`, its `owner` file naming the builder as
 * `<host> <pid>`) and the liveness checks that it and the snapshot pruning (build.mjs) use. Every
 * build takes it: a launcher's (ensureBuilt.mjs) and `npm run build`'s (build.mjs), since all
 * compile into the one stage folder. A checkout may sit on a file system that several hosts share
 * (a cluster): a process of another host cannot be asked whether it lives, so its lock counts as
 * held until it is {@link FOREIGN_LOCK_MS} old. Plain JavaScript.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock folder, beside the build snapshots (dist/ itself is a symlink to one, build.mjs). */
export const LOCK = '.dist-lock';
/** A lock of another host older than this is taken over (a build takes seconds). */
const FOREIGN_LOCK_MS = 10 * 60_000;
/** A lock whose owner file is not written yet is its creator's for this long. */
const UNWRITTEN_LOCK_MS = 2000;
const WAIT_MS = 100;
/** After this long waiting, say who holds the lock. */
const SAY_AFTER_MS = 5000;

/** This process as a lock owner or snapshot user: `<host> <pid>`. */
export const THIS_PROCESS = `${hostname()} ${process.pid}`;

/** Sleeps the thread (a launcher or a build has nothing else to do). */
export function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Whether process `pid` of this host is alive (EPERM: alive, someone else's).
 * @param {number} pid
 * @returns {boolean}
 */
export function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Whether the owner `<host> <pid>` may still be running: asked of this host's processes; assumed
 * for another host's while its record is younger than `foreignMs`.
 * @param {string} owner
 * @param {number} ageMs Age of the owner's record.
 * @param {number} foreignMs
 * @returns {boolean}
 */
export function mayBeAlive(owner, ageMs, foreignMs) {
  const [host, pid] = owner.split(' ');
  return host === hostname() ? isAlive(Number(pid)) : ageMs < foreignMs;
}

/** The lock's owner and age, or null when there is no lock (or it vanished meanwhile). */
function readLock(lock) {
  try {
    const age = Date.now() - statSync(lock).mtimeMs;
    let owner = '';
    try {
      owner = readFileSync(join(lock, 'owner'), 'utf8');
    } catch {}
    return { owner, age };
  } catch {
    return null;
  }
}

/**
 * Takes the build lock; false when another process holds it, or may (then try again). A dead
 * holder's lock is taken over by renaming it away first, so that of several waiters one wins.
 * @param {string} root Package root.
 * @returns {boolean}
 */
export function tryLock(root) {
  const lock = join(root, LOCK);
  try {
    mkdirSync(lock);
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const held = readLock(lock);
    if (held === null) return false; // released meanwhile: try again
    if (held.owner === '' ? held.age < UNWRITTEN_LOCK_MS : mayBeAlive(held.owner, held.age, FOREIGN_LOCK_MS)) return false;
    const stale = `${lock}.stale-${process.pid}-${Date.now()}`;
    try {
      renameSync(lock, stale); // one waiter moves it; the others find it gone and try again
    } catch {
      return false;
    }
    rmSync(stale, { recursive: true, force: true });
    return false;
  }
  writeFileSync(join(lock, 'owner'), THIS_PROCESS);
  return true;
}

/** Releases the build lock if this process holds it. @param {string} root */
export function releaseLock(root) {
  const lock = join(root, LOCK);
  if (readLock(lock)?.owner === THIS_PROCESS) rmSync(lock, { recursive: true, force: true });
}

/**
 * Waits until `tryLock` succeeds, saying once on stderr, after a few seconds, who holds the lock.
 * @param {string} root Package root.
 * @param {() => boolean} [take] How to try (default tryLock).
 */
export function waitForLock(root, take = () => tryLock(root)) {
  const started = Date.now();
  let said = false;
  while (!take()) {
    if (!said && Date.now() - started > SAY_AFTER_MS) {
      said = true;
      const owner = readLock(join(root, LOCK))?.owner || 'a process that has not written its name yet';
      process.stderr.write(`crm-sim: waiting for the build lock ${join(root, LOCK)}, held by ${owner} (remove it if no build runs)\n`);
    }
    sleep(WAIT_MS);
  }
}

/**
 * Runs `work` holding the build lock, waiting for it while another process holds it.
 * @template T
 * @param {string} root Package root.
 * @param {() => T} work
 * @returns {T}
 */
export function withBuildLock(root, work) {
  waitForLock(root);
  try {
    return work();
  } finally {
    releaseLock(root);
  }
}
