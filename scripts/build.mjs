#!/usr/bin/env node
/**
 * `npm run build` (and npm's `prepare`, so `npm ci` leaves a built tree): compiles src/, sim-core/
 * and bench/ with tsconfig.build.json into the staging folder `.dist-stage/` (incremental, build
 * info there), copies the plain-JavaScript worker entries (*.mjs) beside the compiled modules,
 * removes compiled files whose source is gone, and stamps it with the time the build started
 * (scripts/ensureBuilt.mjs compares sources with that stamp) and records the sources' fingerprint
 * in `build.json` (hashSources.mjs: run manifests name it). Then it publishes the build: copies
 * the stage to a new snapshot folder `.dist-<time>-<pid>/` and points the symlink `dist` at it in
 * one rename. Why snapshots: a run loads its modules in several threads (the CLI, Monte Carlo
 * workers, cell threads) at slightly different times, and Node resolves `dist/…` to the snapshot's
 * real path when a module loads, so every thread of a run runs the build that was current when the
 * run started, even if sources change and a launcher rebuilds meanwhile (a rebuild in place could
 * hand a run's threads two different builds). The newest {@link SNAPSHOTS_KEPT} snapshots are kept,
 * and older ones while a live process uses them (launchers mark theirs: {@link useSnapshot}).
 * Plain JavaScript: it must run before anything is compiled. Exits 1 on a type error (after tsc's
 * messages, all on stderr) and leaves `dist` as it was; `--prepare` (npm's prepare) exits 0
 * without building when typescript is not installed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mayBeAlive, withBuildLock } from './buildLock.mjs';
import { hashSources } from './hashSources.mjs';

/** Package root of this checkout. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Folders compiled to dist/ (as in tsconfig.build.json). */
export const SOURCE_FOLDERS = ['src', 'sim-core', 'bench'];
/** Other files whose change calls for a new build. */
export const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'scripts/hashSources.mjs'];
/** Where tsc compiles to (tsconfig.build.json's outDir): never run from, only copied. */
export const STAGE = '.dist-stage';
/** The symlink runs load from: it points at the newest snapshot. */
export const DIST = 'dist';
/** Written last by a successful build; its mtime is the build's start. */
export const STAMP = 'dist/.build-stamp';
/** Snapshots kept at least: the newest, the one before it, and one more (older ones only while in use). */
export const SNAPSHOTS_KEPT = 3;
/** Snapshot folders are named `.dist-<time>-<pid>`: this matches them (not the stage). */
const SNAPSHOT_NAME = /^\.dist-\d+-\d+$/;

/** Every file under `dir` (recursive), skipping bench/profiles. */
function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !(entry.parentPath ?? entry.path).includes(join("bench", "profiles")))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** Copies the .mjs entries of the source folders to the stage (a few small files: always). */
function copyEntries(root, stage) {
  for (const folder of SOURCE_FOLDERS) {
    for (const file of listFiles(join(root, folder)).filter((f) => f.endsWith('.mjs'))) {
      const target = join(stage, relative(root, file));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
    }
  }
}

/** Removes compiled files (and copied entries) of the stage whose source no longer exists. */
function pruneOrphans(root, stage) {
  for (const folder of SOURCE_FOLDERS) {
    for (const file of listFiles(join(stage, folder))) {
      const source = join(root, relative(stage, file)).replace(/\.js(\.map)?$/, '.ts');
      if (!existsSync(source)) rmSync(file);
    }
  }
}

/**
 * Builds dist/ in `root`: compiles into the stage, then publishes a snapshot ({@link publishBuild}).
 * @param {string} root Package root.
 * @returns {boolean} Whether the build succeeded (tsc without errors).
 */
export function build(root = ROOT) {
  const started = new Date();
  // Fingerprinted before tsc reads them: an edit during the build leaves a source newer than the
  // stamp, so the next launcher builds again (as for the stamp).
  const sourceSha256 = hashSources(root);
  let tsc;
  try {
    tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    process.stderr.write('crm-sim build: typescript is not installed (a devDependency: npm ci without --omit=dev)\n');
    return false;
  }
  // tsc prints its errors on stdout: send them to stderr so `npm run schema > file` stays clean.
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: ['ignore', 2, 2] });
  if (result.status !== 0) return false;
  const stage = join(root, STAGE);
  copyEntries(root, stage);
  pruneOrphans(root, stage);
  writeFileSync(join(stage, 'build.json'), `${JSON.stringify({ sourceSha256 })}\n`);
  const stamp = join(stage, '.build-stamp');
  writeFileSync(stamp, 'mtime = start of the last successful `npm run build`\n');
  utimesSync(stamp, started, started);
  publishBuild(root, started);
  return true;
}

/**
 * Publishes the stage of `root` as a new snapshot and points `dist` at it atomically (a new symlink
 * renamed over the old one), then removes older snapshots beyond the newest {@link SNAPSHOTS_KEPT}
 * that no live process uses ({@link useSnapshot}); never the one it published. A `dist` folder of
 * the layout before snapshots is removed first. Call it holding the build lock (buildLock.mjs).
 * @param {string} root Package root.
 * @param {Date} [now] The snapshot's time (its name).
 * @returns {string} The snapshot's folder name.
 */
export function publishBuild(root, now = new Date()) {
  const name = `.dist-${now.getTime()}-${process.pid}`;
  // The stamp's mtime must survive the copy (ensureBuilt compares sources with it).
  cpSync(join(root, STAGE), join(root, name), { recursive: true, preserveTimestamps: true });
  const dist = join(root, DIST);
  const isLink = lstatExists(dist) && lstatSync(dist).isSymbolicLink();
  // The snapshot dist pointed to until now stays too, whatever the clocks say (launchers may be resolving it).
  const previous = isLink ? readlinkSync(dist) : null;
  if (existsSync(dist) && !isLink) rmSync(dist, { recursive: true, force: true });
  const link = join(root, `.dist-link-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(name, link);
  renameSync(link, dist);
  const older = readdirSync(root).filter((entry) => SNAPSHOT_NAME.test(entry) && entry !== name && entry !== previous).sort(bySnapshotTime);
  for (const old of older.slice(0, Math.max(0, older.length - (SNAPSHOTS_KEPT - 2)))) {
    if (!isInUse(join(root, old))) rmSync(join(root, old), { recursive: true, force: true });
  }
  return name;
}

/** Whether a path exists as a link or file, even a dangling link. */
function lstatExists(path) {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Folder, in a snapshot, of the processes that run from it (`<pid>@<host>`). */
const USERS = '.users';
/** A mark of another host's process counts as in use for this long (it cannot be asked). */
const FOREIGN_MARK_MS = 2 * 86_400_000;

/**
 * Marks the snapshot `dist` points to as used by this process until it exits (a killed process's
 * mark is found dead), so that later builds do not remove it while its threads may still load
 * modules from it (worker pools start late, `--report` imports late); returns the snapshot's real
 * path: load the process's modules from there, not through `dist`, which a build may repoint.
 * @param {string} root Package root.
 * @returns {string} The snapshot folder.
 */
export function useSnapshot(root) {
  for (;;) {
    const snapshot = realpathSync(join(root, DIST));
    const mark = join(snapshot, USERS, `${process.pid}@${hostname()}`);
    try {
      mkdirSync(dirname(mark), { recursive: true });
      writeFileSync(mark, '');
      process.once('exit', () => rmSync(mark, { force: true }));
    } catch {
      return snapshot; // a read-only tree (an image): nothing rebuilds there, so nothing prunes either
    }
    // Pruned between the lookup and the mark (a build published meanwhile): mark the new one.
    if (existsSync(join(snapshot, '.build-stamp'))) return snapshot;
    rmSync(snapshot, { recursive: true, force: true });
  }
}

/** Whether a process that may still run uses a snapshot (its mark is there). */
function isInUse(snapshot) {
  const users = join(snapshot, USERS);
  if (!existsSync(users)) return false;
  return readdirSync(users).some((mark) => {
    const [pid, host] = mark.split('@');
    return mayBeAlive(`${host} ${pid}`, Date.now() - statSync(join(users, mark)).mtimeMs, FOREIGN_MARK_MS);
  });
}

/** Orders snapshot names by their time, then pid. */
function bySnapshotTime(a, b) {
  const [, timeA, pidA] = a.split('-').map(Number);
  const [, timeB, pidB] = b.split('-').map(Number);
  return timeA - timeB || pidA - pidB;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // As npm's `prepare`, an install without devDependencies (no tsc) must not fail: the launchers
  // report the missing build when they are run.
  const prepare = process.argv.includes('--prepare');
  if (prepare && !existsSync(join(ROOT, 'node_modules', 'typescript'))) process.exit(0);
  // Under the lock, as a launcher's build: all builds share the stage folder.
  if (!withBuildLock(ROOT, () => build())) {
    process.stderr.write('crm-sim build: tsc failed (errors above); dist/ is not current. Run from the sources with CRM_SIM_FROM_SOURCE=1.\n');
    process.exit(1);
  }
}
