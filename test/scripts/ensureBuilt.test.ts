/**
 * scripts/ensureBuilt.mjs, the launchers' staleness check, on a temporary tree with a stub build
 * (no tsc): dist/ is rebuilt when missing, when a source is newer than the last build, when a
 * file is removed, and not for files the build does not read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

interface EnsureBuilt {
  ensureBuilt(root: string, options: { build: (root: string) => boolean; log: (line: string) => void }): boolean;
}
const { ensureBuilt } = (await import('../../scripts/ensureBuilt.mjs' as string)) as EnsureBuilt;

const HOUR = 3600;
let root: string;
let builds: number;
let lines: string[];

/** A stub build: writes the stamp, its mtime "now" (the real build uses the time it started). */
function stubBuild(dir: string): boolean {
  builds++;
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'dist', '.build-stamp'), '');
  return true;
}
const check = (build = stubBuild) => ensureBuilt(root, { build, log: (line) => lines.push(line) });
/** Sets a path's mtime `seconds` from now. */
const age = (path: string, seconds: number) => utimesSync(join(root, path), Date.now() / 1000 + seconds, Date.now() / 1000 + seconds);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'crm-sim-ensure-built-'));
  for (const dir of ['src/cli', 'sim-core', 'bench/profiles']) mkdirSync(join(root, dir), { recursive: true });
  for (const file of ['src/cli/main.ts', 'src/entry.mjs', 'sim-core/step.ts', 'bench/main.ts', 'bench/baseline.json', 'tsconfig.json', 'tsconfig.build.json']) {
    writeFileSync(join(root, file), '');
  }
  for (const path of ['src/cli/main.ts', 'src/cli', 'src', 'src/entry.mjs', 'sim-core/step.ts', 'sim-core', 'bench/main.ts', 'bench/baseline.json', 'bench/profiles', 'bench', 'tsconfig.json', 'tsconfig.build.json']) {
    age(path, -HOUR);
  }
  builds = 0;
  lines = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('ensureBuilt', () => {
  it('builds a missing dist/ once, then finds it current', () => {
    expect(check()).toBe(true);
    expect(builds).toBe(1);
    expect(lines).toEqual(['crm-sim: dist/ is not built; rebuilding dist/ (npm run build) …']);
    expect(check()).toBe(true);
    expect(builds).toBe(1);
  });

  it('rebuilds when a source or build input is newer than the last build, naming it', () => {
    check();
    for (const path of ['sim-core/step.ts', 'src/entry.mjs', 'tsconfig.build.json']) {
      age(path, 10);
      lines = [];
      check();
      expect(lines).toEqual([`crm-sim: ${path} changed since the last build; rebuilding dist/ (npm run build) …`]);
      age(path, -HOUR);
    }
    expect(builds).toBe(4);
  });

  it('rebuilds when a source is removed (its folder changed)', () => {
    check();
    rmSync(join(root, 'src/cli/main.ts'));
    age('src/cli', 10);
    check();
    expect(builds).toBe(2);
  });

  it('ignores files the build does not read (data, profiles)', () => {
    check();
    writeFileSync(join(root, 'bench/profiles/bench.cpuprofile'), '{}');
    age('bench/profiles/bench.cpuprofile', 10);
    age('bench/profiles', 10);
    age('bench/baseline.json', 10);
    check();
    expect(builds).toBe(1);
  });

  it('reports a failed build and tries again next time', () => {
    expect(check(() => ++builds < 0)).toBe(false);
    expect(check()).toBe(true);
    expect(builds).toBe(2);
  });

  it('takes over the lock of a dead builder, and releases its own', () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    mkdirSync(join(root, '.dist-lock'), { recursive: true });
    writeFileSync(join(root, '.dist-lock/owner'), `${hostname()} ${dead}`);
    expect(check()).toBe(true);
    expect(builds).toBe(1);
    expect(() => statSync(join(root, '.dist-lock'))).toThrow();
  });
});
