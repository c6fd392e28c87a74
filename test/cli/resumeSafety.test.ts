/**
 * `--resume` refuses, before anything runs, a `<out>.parts` that crm-sim did not make (a user's
 * folder, a file), with exit 2 and one line naming it; the user's files stay (CLI audit H1). A
 * damaged run.json is reported at its file and key, with the way out (H3, M3). A finished folder
 * of another command is not taken for a finished run (H7); a DIR holding other files, or a file, is
 * refused before any part runs, leaving no DIR.parts (M5).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readResumeRecord } from '../../src/cli/resumeRun.ts';
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

/** A `<name>.parts` holding run.json with `text` (and a part, as a killed run leaves). */
function damagedRecord(name: string, text: string): string {
  const out = join(dir, name);
  mkdirSync(join(`${out}.parts`, 'part-1'), { recursive: true });
  writeFileSync(join(`${out}.parts`, 'run.json'), text);
  return out;
}

const GOOD = { scenarioPath: 'scenarios/baseline.yaml', sets: ['--years=1'], replicates: 2, masterSeed: 1, parts: 2, sha256: 'ab' };

describe('a damaged run.json under --resume', () => {
  it('is reported at its file and key, with what was expected and found, and how to start over', () => {
    const cases: [string, unknown, string][] = [
      ['empty', {}, 'scenarioPath: expected a scenario file path (a non-empty string), found nothing'],
      ['array', [], 'expected an object (the record of a resumable run), found []'],
      ['null', null, 'expected an object (the record of a resumable run), found null'],
      ['nosets', { ...GOOD, sets: undefined }, 'sets: expected a list of --set strings (path=value), found nothing'],
      ['lots', { ...GOOD, replicates: 'lots' }, 'replicates: expected an integer ≥ 1, found "lots"'],
      ['seed', { ...GOOD, masterSeed: -1 }, `masterSeed: expected an integer from 0 to ${Number.MAX_SAFE_INTEGER}, found -1`],
      ['parts', { ...GOOD, parts: 3 }, 'parts: expected at most replicates (2), found 3'],
      ['outputs', { ...GOOD, outputs: { parquet: 'no' } }, 'outputs.parquet: expected true or false, found "no"'],
    ];
    for (const [name, record, message] of cases) {
      const out = damagedRecord(`rec-${name}`, JSON.stringify(record));
      const path = join(`${out}.parts`, 'run.json');
      expect(() => readResumeRecord(out), name).toThrow(`${path}: ${message}; remove ${out}.parts to start over`);
    }
    // A record as written before output options and the code's fingerprint were recorded is still read.
    expect(readResumeRecord(damagedRecord('rec-old', JSON.stringify(GOOD)))).toEqual(GOOD);
  });

  it('on the command line: exit 2 and one line, never a stack trace or a flag the user did not give', () => {
    const empty = damagedRecord('cli-empty', '{}');
    const result = runCli(['run', '--resume', empty, '--quiet', '--workers', '1']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`crm-sim: ${empty}.parts/run.json: scenarioPath: expected a scenario file path (a non-empty string), found nothing; remove ${empty}.parts to start over\n`);
    const lots = damagedRecord('cli-lots', JSON.stringify({ ...GOOD, replicates: 'lots' }));
    const withScenario = runCli(['run', 'scenarios/baseline.yaml', ...TINY, '--resume', lots]);
    expect(withScenario.status).toBe(2);
    expect(withScenario.stderr).toBe(`crm-sim: ${lots}.parts/run.json: replicates: expected an integer ≥ 1, found "lots"; remove ${lots}.parts to start over\n`);
  });
});

describe('run --resume on the finished folder of another command', () => {
  it('refuses a compare folder (exit 2) instead of calling it complete', () => {
    const out = join(dir, 'cj');
    const compare = runCli(['compare', 'scenarios/baseline.yaml', 'scenarios/baseline.yaml', ...TINY, '--json', '--out', out]);
    expect(compare.status).toBe(0);
    const args = ['run', 'scenarios/baseline.yaml', ...TINY, '--resume', out];
    for (const result of [runCli(args), runCli(['run', '--resume', out])]) {
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`crm-sim: --resume ${out}: expected a run output folder, found a compare output folder (comparison.json); choose another folder for the run\n`);
    }
    expect(existsSync(`${out}.parts`)).toBe(false);
  });

  it('refuses a stress folder and a shard folder', () => {
    const stress = join(dir, 'st');
    mkdirSync(stress);
    writeFileSync(join(stress, 'manifest.json'), JSON.stringify({ tool: 'crm-sim', command: 'stress', scenario: { sha256: 'x' }, masterSeed: 1, replicates: 2 }));
    writeFileSync(join(stress, 'stress.json'), '{}');
    const refused = runCli(['run', '--resume', stress]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/found a stress output folder \(stress\.json\)/);
    const shard = join(dir, 'shard');
    mkdirSync(shard);
    writeFileSync(join(shard, 'manifest.json'), JSON.stringify({ tool: 'crm-sim', shard: { index: 1, count: 2 }, scenario: { sha256: 'x' }, masterSeed: 1, replicates: 2 }));
    const shardRefused = runCli(['run', '--resume', shard]);
    expect(shardRefused.status).toBe(2);
    expect(shardRefused.stderr).toMatch(/expected a run output folder, found the folder of shard 1\/2 of a run/);
  });
});

describe('run --resume DIR where DIR is not a run folder', () => {
  it('refuses a folder of other files and a file before any part runs, and leaves no DIR.parts', () => {
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'data.txt'), 'data');
    const afile = join(dir, 'afile');
    writeFileSync(afile, 'data');
    const loud = TINY.filter((arg) => arg !== '--quiet');
    const folder = runCli(['run', 'scenarios/baseline.yaml', ...loud, '--resume', other]);
    expect(folder.status).toBe(2);
    // One line, no progress: nothing ran.
    expect(folder.stderr).toBe(`crm-sim: --resume ${other}: expected a new or empty folder, found a folder with files (choose another folder)\n`);
    const file = runCli(['run', 'scenarios/baseline.yaml', ...loud, '--resume', afile]);
    expect(file.status).toBe(2);
    expect(file.stderr).toBe(`crm-sim: --resume ${afile}: expected a folder, found a file\n`);
    expect(existsSync(`${other}.parts`)).toBe(false);
    expect(existsSync(`${afile}.parts`)).toBe(false);
    expect(readFileSync(join(other, 'data.txt'), 'utf8')).toBe('data');
    expect(readFileSync(afile, 'utf8')).toBe('data');
    // A manifest.json that crm-sim did not write makes no finished run.
    writeFileSync(join(other, 'manifest.json'), '{"name": "mine"}');
    const manifest = runCli(['run', 'scenarios/baseline.yaml', ...TINY, '--resume', other]);
    expect(manifest.status).toBe(2);
    expect(manifest.stderr).toMatch(/expected a new or empty folder, found a folder with files/);
    expect(existsSync(`${other}.parts`)).toBe(false);
  });
});
