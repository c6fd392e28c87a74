/**
 * scripts/build.mjs's publishing step on a temporary tree (no tsc): each build becomes a snapshot
 * folder that `dist` points to, so a run that resolved its modules into one snapshot keeps that
 * build while later builds are published.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

interface Build {
  publishBuild(root: string, now?: Date): string;
  useSnapshot(root: string): string;
  SNAPSHOTS_KEPT: number;
}
const { publishBuild, useSnapshot, SNAPSHOTS_KEPT } = (await import('../../scripts/build.mjs' as string)) as Build;

let root: string;
/** Writes a stage as tsc and the build leave it: one module and the stamp. */
const stage = (module: string, stampSeconds = 1_000) => {
  mkdirSync(join(root, '.dist-stage/src'), { recursive: true });
  writeFileSync(join(root, '.dist-stage/src/main.js'), module);
  writeFileSync(join(root, '.dist-stage/.build-stamp'), '');
  utimesSync(join(root, '.dist-stage/.build-stamp'), stampSeconds, stampSeconds);
};
const snapshots = () => readdirSync(root).filter((name) => /^\.dist-\d+-\d+$/.test(name)).sort();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'crm-sim-publish-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('publishBuild', () => {
  it('points dist at a copy of the stage, stamp time kept', () => {
    stage('one', 1_234);
    const name = publishBuild(root, new Date(1_000));
    expect(name).toBe(`.dist-1000-${process.pid}`);
    expect(lstatSync(join(root, 'dist')).isSymbolicLink()).toBe(true);
    expect(realpathSync(join(root, 'dist'))).toBe(realpathSync(join(root, name)));
    expect(readFileSync(join(root, 'dist/src/main.js'), 'utf8')).toBe('one');
    expect(statSync(join(root, 'dist/.build-stamp')).mtimeMs).toBe(1_234_000);
  });

  it('leaves a run on the build it started with while a newer one is published', () => {
    stage('one');
    publishBuild(root, new Date(1_000));
    // A run resolves its modules to the snapshot's real path when they load.
    const loadedByRun = realpathSync(join(root, 'dist/src/main.js'));
    stage('two');
    publishBuild(root, new Date(2_000));
    expect(readFileSync(join(root, 'dist/src/main.js'), 'utf8')).toBe('two');
    expect(readFileSync(loadedByRun, 'utf8')).toBe('one');
  });

  it(`keeps the newest ${SNAPSHOTS_KEPT} snapshots`, () => {
    for (let build = 1; build <= SNAPSHOTS_KEPT + 2; build++) {
      stage(`build ${build}`);
      publishBuild(root, new Date(build * 1_000));
    }
    expect(snapshots()).toEqual(Array.from({ length: SNAPSHOTS_KEPT }, (_, i) => `.dist-${(i + 3) * 1_000}-${process.pid}`));
    expect(readFileSync(join(root, 'dist/src/main.js'), 'utf8')).toBe(`build ${SNAPSHOTS_KEPT + 2}`);
    expect(existsSync(join(root, `.dist-link-${process.pid}`))).toBe(false);
  });

  it('replaces a dist folder of the layout before snapshots', () => {
    mkdirSync(join(root, 'dist/src'), { recursive: true });
    writeFileSync(join(root, 'dist/src/main.js'), 'old layout');
    stage('new');
    publishBuild(root);
    expect(lstatSync(join(root, 'dist')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'dist/src/main.js'), 'utf8')).toBe('new');
  });

  it('keeps an old snapshot while a live process runs from it, and never removes the one it publishes', () => {
    stage('used');
    publishBuild(root, new Date(1_000));
    const used = useSnapshot(root); // this process (alive) marks the snapshot it loads from
    expect(readdirSync(join(used, '.users'))).toEqual([`${process.pid}@${hostname()}`]);
    const dead = join(root, `.dist-2000-${process.pid}`);
    for (let build = 2; build <= SNAPSHOTS_KEPT + 3; build++) {
      stage(`build ${build}`);
      publishBuild(root, new Date(build * 1_000));
      if (build === 2) {
        // A process that was killed leaves its mark behind: it protects nothing.
        mkdirSync(join(dead, '.users'));
        writeFileSync(join(dead, '.users', `999999999@${hostname()}`), '');
      }
    }
    expect(existsSync(used)).toBe(true);
    expect(readFileSync(join(used, 'src/main.js'), 'utf8')).toBe('used');
    expect(existsSync(dead)).toBe(false);
    // A clock set back: the build just published sorts first, and stays (dist must never dangle).
    stage('clock back');
    const name = publishBuild(root, new Date(500));
    expect(existsSync(join(root, name))).toBe(true);
    expect(readFileSync(join(root, 'dist/src/main.js'), 'utf8')).toBe('clock back');
  });

  it('keeps a snapshot that a process of another host (a shared file system) marked, until its mark is old', () => {
    stage('one');
    publishBuild(root, new Date(1_000));
    const marked = join(root, `.dist-1000-${process.pid}`);
    mkdirSync(join(marked, '.users'));
    writeFileSync(join(marked, '.users', '4242@another-host'), '');
    for (let build = 2; build <= SNAPSHOTS_KEPT + 2; build++) {
      stage(`build ${build}`);
      publishBuild(root, new Date(build * 1_000));
    }
    expect(existsSync(marked)).toBe(true);
    const threeDaysAgo = Date.now() / 1000 - 3 * 86_400;
    utimesSync(join(marked, '.users', '4242@another-host'), threeDaysAgo, threeDaysAgo);
    stage('later');
    publishBuild(root, new Date(99_000));
    expect(existsSync(marked)).toBe(false);
  });
});
