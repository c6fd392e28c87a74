/**
 * The launchers' staleness check (bin/crm-sim.js, scripts/runCompiled.mjs): dist/ must never run
 * older code than the sources. When dist/ has no build stamp, or a source under src/, sim-core/ or
 * bench/ (a .ts or .mjs file, or a folder: files added or removed) or a build input is newer than
 * the stamp, it rebuilds first, saying so in one line on stderr. The check stats about 400 paths
 * (a few ms). Concurrent launchers (e.g. GNU parallel) build once: the first takes a lock folder,
 * the others wait for it and check again.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUILD_INPUTS, build, ROOT, SOURCE_FOLDERS, STAMP } from './build.mjs';
import { releaseLock, tryLock, waitForLock } from './buildLock.mjs';


/**
 * The first source or build input newer than `sinceMs`, or null.
 * @param {string} root Package root.
 * @param {number} sinceMs Time of the last build (ms since the epoch).
 * @returns {string | null} Its path relative to `root`.
 */
export function findNewerSource(root, sinceMs) {
  for (const input of BUILD_INPUTS) {
    const path = join(root, input);
    if (existsSync(path) && statSync(path).mtimeMs > sinceMs) return input;
  }
  for (const folder of SOURCE_FOLDERS) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    if (statSync(dir).mtimeMs > sinceMs) return folder;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const parent = entry.parentPath ?? entry.path;
      const compiled = entry.isDirectory() || entry.name.endsWith('.ts') || entry.name.endsWith('.mjs');
      if (!compiled || parent.includes(join('bench', 'profiles')) || entry.name === 'profiles') continue;
      const path = join(parent, entry.name);
      if (statSync(path).mtimeMs > sinceMs) return relative(root, path);
    }
  }
  return null;
}

/**
 * Why dist/ must be rebuilt, or null when it is current.
 * @param {string} root Package root.
 * @returns {string | null} A reason for the log line.
 */
export function whyStale(root) {
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return 'dist/ is not built';
  const newer = findNewerSource(root, statSync(stamp).mtimeMs);
  return newer === null ? null : `${newer} changed since the last build`;
}

/**
 * Makes sure dist/ holds the current sources' build, building it (once, under a lock) if not.
 * @param {string} [root] Package root (default this checkout).
 * @param {{ build?: (root: string) => boolean, log?: (line: string) => void }} [options] Injectable
 *   build and log (tests).
 * @returns {boolean} Whether dist/ is current (false: the build failed).
 */
export function ensureBuilt(root = ROOT, options = {}) {
  const runBuild = options.build ?? build;
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  if (whyStale(root) === null) return true;
  // Wait for the lock, unless another launcher builds meanwhile (then dist/ turns current).
  let locked = false;
  waitForLock(root, () => whyStale(root) === null || (locked = tryLock(root)));
  if (!locked) return true;
  try {
    const again = whyStale(root); // another launcher may have built while we took the lock
    if (again === null) return true;
    log(`crm-sim: ${again}; rebuilding dist/ (npm run build) …`);
    return runBuild(root);
  } finally {
    releaseLock(root);
  }
}
