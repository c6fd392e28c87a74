#!/usr/bin/env node
/**
 * `npm run build` (and npm's `prepare`, so `npm ci` leaves a built tree): compiles src/, sim-core/
 * and bench/ to dist/ with tsconfig.build.json (incremental, build info in dist/), copies the
 * plain-JavaScript worker entries (*.mjs) beside the compiled modules, removes compiled files
 * whose source is gone, and stamps dist/ with the time the build started (scripts/ensureBuilt.mjs
 * compares sources with that stamp). Plain JavaScript: it must run before anything is compiled.
 * Exits 1 on a type error (after tsc's messages, all on stderr) and leaves the stamp untouched;
 * `--prepare` (npm's prepare) exits 0 without building when typescript is not installed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Package root of this checkout. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Folders compiled to dist/ (as in tsconfig.build.json). */
export const SOURCE_FOLDERS = ['src', 'sim-core', 'bench'];
/** Other files whose change calls for a new build. */
export const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'];
/** Written last by a successful build; its mtime is the build's start. */
export const STAMP = 'dist/.build-stamp';

/** Every file under `dir` (recursive), skipping bench/profiles. */
function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !(entry.parentPath ?? entry.path).includes(join("bench", "profiles")))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** Copies the .mjs entries of the source folders to dist/ (a few small files: always). */
function copyEntries(root) {
  for (const folder of SOURCE_FOLDERS) {
    for (const file of listFiles(join(root, folder)).filter((f) => f.endsWith('.mjs'))) {
      const target = join(root, 'dist', relative(root, file));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
    }
  }
}

/** Removes compiled files (and copied entries) of dist/ whose source no longer exists. */
function pruneOrphans(root) {
  for (const folder of SOURCE_FOLDERS) {
    for (const file of listFiles(join(root, 'dist', folder))) {
      const source = join(root, relative(join(root, 'dist'), file)).replace(/\.js(\.map)?$/, '.ts');
      if (!existsSync(source)) rmSync(file);
    }
  }
}

/**
 * Builds dist/ in `root`.
 * @param {string} root Package root.
 * @returns {boolean} Whether the build succeeded (tsc without errors).
 */
export function build(root = ROOT) {
  const started = new Date();
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
  copyEntries(root);
  pruneOrphans(root);
  const stamp = join(root, STAMP);
  writeFileSync(stamp, 'mtime = start of the last successful `npm run build`\n');
  utimesSync(stamp, started, started);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // As npm's `prepare`, an install without devDependencies (no tsc) must not fail: the launchers
  // report the missing build when they are run.
  const prepare = process.argv.includes('--prepare');
  if (prepare && !existsSync(join(ROOT, 'node_modules', 'typescript'))) process.exit(0);
  if (!build()) {
    process.stderr.write('crm-sim build: tsc failed (errors above); dist/ is not current. Run from the sources with CRM_SIM_FROM_SOURCE=1.\n');
    process.exit(1);
  }
}
