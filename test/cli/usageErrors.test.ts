import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';

const BASELINE = 'scenarios/baseline.yaml';

describe('user mistakes on the command line: one plain line, exit 2', () => {
  it('--years 0 is blamed on --years', () => {
    const { status, stderr } = runCli(['run', BASELINE, '--years', '0', '--quiet']);
    expect(status).toBe(2);
    expect(stderr).toContain('--years: expected a number of years > 0, found "0"');
    expect(stderr).not.toContain('--set');
  });

  it('a malformed --set is a usage mistake, labelled with its number', () => {
    const { status, stderr } = runCli(['run', BASELINE, '--set', 'years=2', '--set', 'nonsense', '--quiet']);
    expect(status).toBe(2);
    expect(stderr.trim()).toBe('crm-sim: --set #2 (nonsense): expected path=value, found "nonsense"');
  });

  it('a scenario file that does not exist: "no such file", no errno, no 0:0', () => {
    for (const command of ['run', 'validate']) {
      const { status, stderr } = runCli([command, 'nope.yaml']);
      expect(status).toBe(2);
      expect(stderr.trim()).toBe('nope.yaml: expected a readable scenario file, found no such file');
    }
  });

  it('--seed beyond 2^53 - 1 is refused rather than rounded', () => {
    const { status, stderr } = runCli(['run', BASELINE, '--seed', '99999999999999999999', '--quiet']);
    expect(status).toBe(2);
    expect(stderr).toContain('--seed: expected an integer from 0 to 9007199254740991');
  });
});

describe('crm-sim list', () => {
  it('names each shipped scenario by a path that validate accepts from another folder', () => {
    const elsewhere = join(process.cwd(), 'test', 'fixtures');
    const main = join(process.cwd(), 'src', 'cli', 'main.ts');
    const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { cwd: elsewhere, encoding: 'utf8', timeout: 120_000 });
    const list = cli(['list']);
    expect(list.status).toBe(0);
    const first = list.stdout.split('\n')[0].split(/\s+/)[0];
    expect(first).toMatch(/scenarios\/baseline\.yaml$/);
    // Each line gives the scenario's title before its description.
    expect(list.stdout).toMatch(/scenarios\/mitigation-stockpile-60d\.yaml +60-day US oxide stockpile, released into price spikes\. Under the NdPr\/Dy export quota/);
    const validate = cli(['validate', first]);
    expect({ status: validate.status, stderr: validate.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('pads the path column to the longest path, so every description starts in the same column', () => {
    const lines = runCli(['list']).stdout.trimEnd().split('\n');
    const paths = lines.map((line) => line.slice(0, line.indexOf(' ')));
    const longest = Math.max(...paths.map((path) => path.length));
    // The longest path is longer than the 44 characters the column once had: its description started further right.
    expect(longest).toBeGreaterThan(44);
    const starts = lines.map((line) => line.search(/(?<= )\S/));
    expect(new Set(starts)).toEqual(new Set([longest + 2]));
  });
});

describe('parseSeed', () => {
  it('accepts 0 to 2^53 - 1 only', async () => {
    const { parseSeed } = await import('../../src/cli/parseOverrides.ts');
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    for (const bad of ['9007199254740992', '99999999999999999999', '-1', '1.5', '1e3', '', 'x']) expect(() => parseSeed(bad)).toThrow(/--seed/);
  });

  it('refuses --set years=… beside a different --years (one would silently win, and an invalid value went unchecked)', async () => {
    const { parseOverrides } = await import('../../src/cli/parseOverrides.ts');
    expect(() => parseOverrides(['years=abc'], '1')).toThrow('--set years=abc and --years 1 both set years: give one of them');
    expect(() => parseOverrides([' years = 5'], '1')).toThrow(/both set years/);
    expect(parseOverrides(['years=5'], undefined)).toEqual(['years=5']);
    // The same value twice is no conflict.
    expect(parseOverrides(['years=2'], '2')).toEqual(['years=2', '--years=2']);
    expect(parseOverrides(['yearsOfX=5', 'ticksPerYear=12'], '3')).toEqual(['yearsOfX=5', 'ticksPerYear=12', '--years=3']);
  });
});
