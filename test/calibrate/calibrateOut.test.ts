import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.ts';
import { writeFragmentAtomically } from '../../src/calibrate/checkFragmentOut.ts';
import { UsageError } from '../../src/cli/exitCodes.ts';

const TINY = 'test/fixtures/calibration/tiny.calibration.yaml';
const dirs: string[] = [];
afterAll(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });

/** A temporary folder holding a copy of the tiny spec (spec.yaml) and of its episode's scenario (chain.yaml). */
function specFolder(): { dir: string; spec: string; scenario: string } {
  const dir = mkdtempSync(join(tmpdir(), 'crm-cal-out-'));
  dirs.push(dir);
  const scenario = join(dir, 'chain.yaml');
  writeFileSync(scenario, `extends: ${join(process.cwd(), 'scenarios/calibration/bullwhip-four-stage.yaml')}\n`);
  const spec = join(dir, 'spec.yaml');
  writeFileSync(spec, readFileSync(TINY, 'utf8').replace(/scenario: .*/, 'scenario: chain.yaml'));
  return { dir, spec, scenario };
}
const quick = ['--max-evaluations', '1', '--replicates', '1', '--quiet'];

describe('crm-sim calibrate --out (no data loss)', () => {
  it('refuses to write over the spec itself or an episode scenario, even with --overwrite, before fitting', () => {
    const { spec, scenario } = specFolder();
    const specText = readFileSync(spec, 'utf8');
    const scenarioText = readFileSync(scenario, 'utf8');
    for (const args of [['--out', spec], ['--out', spec, '--overwrite'], ['--out', scenario, '--overwrite']]) {
      const result = runCli(['calibrate', spec, ...quick, ...args]);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/--out .*: expected a file that is not one of the calibration's inputs, found (the calibration spec itself|the scenario file .*chain\.yaml)/);
      expect(result.stdout).toBe('');
    }
    expect(readFileSync(spec, 'utf8')).toBe(specText);
    expect(readFileSync(scenario, 'utf8')).toBe(scenarioText);
  });
  it('replaces an existing file only when an earlier calibrate wrote it, or with --overwrite', () => {
    const { dir, spec } = specFolder();
    const notes = join(dir, 'notes.yaml');
    writeFileSync(notes, 'my notes\n');
    const refused = runCli(['calibrate', spec, ...quick, '--out', notes]);
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/found an existing file that is neither \(pass --overwrite to replace it\)/);
    expect(refused.stdout).toBe('');
    expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
    const fitted = join(dir, 'fitted.yaml');
    for (let i = 0; i < 2; i++) {
      const result = runCli(['calibrate', spec, ...quick, '--out', fitted]);
      expect(result.status, result.stderr).toBe(0);
    }
    expect(readFileSync(fitted, 'utf8')).toMatch(/^# Behavioural parameters fitted by: crm-sim calibrate /);
    const forced = runCli(['calibrate', spec, ...quick, '--out', notes, '--overwrite']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(notes, 'utf8')).toMatch(/^# Behavioural parameters fitted by: crm-sim calibrate /);
  });
  it('refuses a folder, a path under a file and a folder it may not write in, before fitting, and leaves nothing behind', () => {
    const { dir, spec } = specFolder();
    writeFileSync(join(dir, 'afile'), 'x');
    const before = readdirSync(dir).sort();
    const cases: [string, RegExp][] = [
      [dir, /expected a file for the fitted fragment, found a folder/],
      [join(dir, 'afile', 'x.yaml'), /expected a path whose folder exists or can be created, found a file at .*afile/],
    ];
    for (const [out, message] of cases) {
      const result = runCli(['calibrate', spec, ...quick, '--out', out]);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(result.stdout).toBe('');
    }
    expect(readdirSync(dir).sort()).toEqual(before);
    if (process.getuid?.() === 0) return; // root writes anywhere
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const result = runCli(['calibrate', spec, ...quick, '--out', join(locked, 'x.yaml')]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/expected a folder where crm-sim can write, found .*locked \(permission denied\)/);
  });
  it('removes its temporary file when writing fails', () => {
    const { dir } = specFolder();
    const folder = join(dir, 'taken');
    mkdirSync(folder);
    expect(() => writeFragmentAtomically(folder, 'text')).toThrow(UsageError);
    expect(() => writeFragmentAtomically(folder, 'text')).toThrow(/cannot write the fitted fragment \(a folder is in the way\)/);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
    expect(existsSync(folder)).toBe(true);
  });
});
