import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputFolder, claimOutputFolder } from '../../src/cli/checkOutputFolder.ts';
import { UsageError } from '../../src/cli/exitCodes.ts';
import { OutputFolderExistsError } from '../../src/outputs/writeDirectoryAtomically.ts';
import { runCli } from './runCli.ts';
import { SMALL_SETS } from './smallRun.ts';

const root = mkdtempSync(join(tmpdir(), 'crm-sim-out-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SMALL = ['--replicates', '2', '--workers', '0', '--quiet', ...SMALL_SETS.flatMap((s) => ['--set', s])];

/** The message of the usage mistake `check()` throws (UsageError or OutputFolderExistsError), failing otherwise. */
function usageMessage(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    if (error instanceof UsageError || error instanceof OutputFolderExistsError) return error.message;
    throw error;
  }
  throw new Error('no UsageError');
}

describe('checkOutputFolder', () => {
  it('refuses a path below a file, /dev/null and /proc with the path, what was expected and found', () => {
    const file = join(root, 'afile');
    writeFileSync(file, 'x');
    expect(usageMessage(() => checkOutputFolder(join(file, 'x')))).toBe(`--out ${join(file, 'x')}: expected a path whose parent folders can be created, found a file at ${file}`);
    expect(usageMessage(() => checkOutputFolder('/dev/null/x'))).toContain('found a file at /dev/null');
    expect(usageMessage(() => checkOutputFolder('/proc/x'))).toMatch(/^--out \/proc\/x: expected a folder where crm-sim can write, but \/proc refuses new folders/);
    expect(usageMessage(() => checkOutputFolder('/proc/a/b'))).toMatch(/^--out \/proc\/a\/b: expected a folder where crm-sim can write/);
    expect(usageMessage(() => checkOutputFolder(file))).toContain('expected a folder, found a file');
  });

  it('creates missing parents, accepts an empty folder, refuses a non-empty one unless --overwrite on a crm-sim folder', () => {
    expect(checkOutputFolder(join(root, 'deep', 'er', 'run'))).toBe(join(root, 'deep', 'er', 'run'));
    expect(existsSync(join(root, 'deep', 'er'))).toBe(true);
    expect(readdirSync(join(root, 'deep', 'er'))).toEqual([]); // no probe left behind
    const other = join(root, 'notes');
    mkdirSync(other);
    writeFileSync(join(other, 'thesis.tex'), 'x');
    expect(usageMessage(() => checkOutputFolder(other))).toContain('or --overwrite');
    expect(() => checkOutputFolder(other)).toThrow(OutputFolderExistsError); // the queue worker skips a job its twin finished
    expect(usageMessage(() => checkOutputFolder(other, { overwrite: true }))).toContain('not touching it');
    writeFileSync(join(other, 'manifest.json'), JSON.stringify({ tool: 'crm-sim' }));
    expect(checkOutputFolder(other, { overwrite: true })).toBe(other);
  });

  it('claims -2, -3 when the default name is taken', () => {
    const base = join(root, 'claims', 'baseline-20250101T000000.000Z');
    expect([claimOutputFolder(base), claimOutputFolder(base), claimOutputFolder(base)]).toEqual([base, `${base}-2`, `${base}-3`]);
  });
});

describe('crm-sim run --out', () => {
  it('exits 2 with one plain line (no stack) for a path below a file', () => {
    writeFileSync(join(root, 'plain'), 'x');
    const { status, stderr } = runCli(['run', 'scenarios/baseline.yaml', ...SMALL, '--out', join(root, 'plain', 'x')]);
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toContain('internal error');
  });

  it('--overwrite replaces a finished run folder', () => {
    const out = join(root, 'twice');
    expect(runCli(['run', 'scenarios/baseline.yaml', ...SMALL, '--out', out]).status).toBe(0);
    const first = readFileSync(join(out, 'manifest.json'), 'utf8');
    const refused = runCli(['run', 'scenarios/baseline.yaml', ...SMALL, '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--overwrite');
    expect(runCli(['run', 'scenarios/baseline.yaml', ...SMALL, '--seed', '7', '--out', out, '--overwrite']).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).masterSeed).toBe(7);
    expect(JSON.parse(first).masterSeed).toBe(1);
    expect(JSON.parse(first).overrides).toEqual(SMALL_SETS);
    expect(readdirSync(root).filter((n) => n.startsWith('.twice'))).toEqual([]);
  });
});

describe('crm-sim compare --out', () => {
  it('is checked before anything runs: exit 2, one line, no --overwrite suggested', () => {
    const taken = join(root, 'taken');
    mkdirSync(taken);
    writeFileSync(join(taken, 'x.txt'), 'x');
    const { status, stderr } = runCli(['compare', 'scenarios/baseline.yaml', 'scenarios/baseline.yaml', ...SMALL, '--out', taken]);
    expect(status).toBe(2);
    expect(stderr.trim()).toBe(`crm-sim: --out ${taken}: expected a new or empty folder, found a folder with files (choose another folder)`);
  });
});
