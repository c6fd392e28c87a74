/**
 * `--resume` refuses, before anything runs, a `<out>.parts` that crm-sim did not make (a user's
 * folder, a file), with exit 2 and one line naming it; the user's files stay (CLI audit H1).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';
import { SMALL_SETS } from './smallRun.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-resume-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TINY = ['--replicates', '2', '--years', '1', '--workers', '1', '--quiet', ...SMALL_SETS.filter((s) => !s.startsWith('years')).flatMap((s) => ['--set', s])];

/** A `<name>.parts` folder holding a user's file. */
function userParts(name: string): string {
  const out = join(dir, name);
  mkdirSync(`${out}.parts`);
  writeFileSync(join(`${out}.parts`, 'precious.txt'), 'precious');
  return out;
}

describe('--resume and a <out>.parts that is not crm-sim\'s', () => {
  it('run: a folder of user files is refused and kept', () => {
    const out = userParts('run');
    const result = runCli(['run', 'scenarios/baseline.yaml', ...TINY, '--resume', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`crm-sim: ${out}.parts: expected the folder of --resume ${out}'s finished parts (run.json and part-N folders), found a folder with other files (precious.txt); not touching it: move it away or choose another folder\n`);
    expect(readFileSync(join(`${out}.parts`, 'precious.txt'), 'utf8')).toBe('precious');
    expect(existsSync(out)).toBe(false);
    // Without the scenario too.
    expect(runCli(['run', '--resume', out, '--quiet']).status).toBe(2);
    expect(readFileSync(join(`${out}.parts`, 'precious.txt'), 'utf8')).toBe('precious');
  });

  it('run: a file is refused and kept', () => {
    const out = join(dir, 'runfile');
    writeFileSync(`${out}.parts`, 'precious');
    const result = runCli(['run', 'scenarios/baseline.yaml', ...TINY, '--resume', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`crm-sim: ${out}.parts: expected the folder of --resume ${out}'s finished parts, found a file; move it away or choose another folder\n`);
    expect(readFileSync(`${out}.parts`, 'utf8')).toBe('precious');
    expect(existsSync(out)).toBe(false);
  });

  it('compare: a folder of user files, or a file, is refused before any arm runs, and kept', () => {
    const out = userParts('cmp');
    const args = ['compare', 'scenarios/baseline.yaml', 'scenarios/baseline.yaml', ...TINY, '--resume', '--out'];
    const result = runCli([...args, out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^crm-sim: .*cmp\.parts: expected crm-sim's folder of compare --resume's finished arms, found a folder with other files \(precious\.txt\); not touching it: move it away or choose another --out\n$/);
    expect(readFileSync(join(`${out}.parts`, 'precious.txt'), 'utf8')).toBe('precious');
    expect(existsSync(out)).toBe(false);
    const file = join(dir, 'cmpfile');
    writeFileSync(`${file}.parts`, 'precious');
    const refused = runCli([...args, file]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/cmpfile\.parts: expected crm-sim's folder of compare --resume's finished arms, found a file/);
    expect(readFileSync(`${file}.parts`, 'utf8')).toBe('precious');
  });
});
