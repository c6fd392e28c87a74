import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-resources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crm-sim run: resource caps', () => {
  it('refuses a run that would not fit in memory up front: exit 3, a located line with estimate and limit', () => {
    const out = join(dir, 'never');
    const { status, stdout, stderr } = runCli(['run', 'scenarios/baseline.yaml', '--replicates', '2', '--workers', '1',
      '--set', 'years=200000', '--max-memory', '4GiB', '--out', out]);
    expect({ status, stdout }).toEqual({ status: 3, stdout: '' });
    const [memory, ...others] = stderr.trimEnd().split('\n');
    expect(memory).toMatch(/^--set #1 \(years=200000\): years: expected a run that fits in memory \(limit 4\.0 GiB: --max-memory 4GiB\), found an estimated [\d.]+ (GiB|TiB) for 2 replicates on 1 worker \(largest terms: .+\)$/);
    for (const line of others) expect(line).toMatch(/^output folder .*never: expected a disk with room for the spill files/);
    expect(existsSync(out)).toBe(false);
  });

  it('charges a shard for its own replicates only: a shard of a huge run fits where the whole run would not', () => {
    const small = ['--workers', '1', '--set', 'years=1', '--set', 'ticksPerYear=12', '--set', 'resolution.firmsPerCapacityCell=2', '--max-memory', '1GiB', '--quiet'];
    // 10 million replicates' summaries alone are tens of GiB; shard 1 of a million holds 10 of them.
    const shard = runCli(['run', 'scenarios/baseline.yaml', '--replicates', '10000000', '--shard', '1/1000000', ...small, '--out', join(dir, 'shard')]);
    expect(shard.stderr).toBe('');
    expect(shard.status).toBe(0);
    const whole = runCli(['run', 'scenarios/baseline.yaml', '--replicates', '10000000', ...small, '--out', join(dir, 'whole')]);
    expect(whole.status).toBe(3);
    expect(whole.stderr).toMatch(/replicate summaries/);
  });

  it('holds a resumed run\'s final merge to the run\'s --max-memory, not to $CRM_SIM_MAX_MEMORY behind it', () => {
    const out = join(dir, 'resumed');
    const resumed = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', 'scenarios/baseline.yaml', '--replicates', '3', '--workers', '1',
      '--set', 'years=1', '--set', 'ticksPerYear=12', '--set', 'resolution.firmsPerCapacityCell=2', '--max-memory', '8GiB', '--resume', out, '--quiet'],
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CRM_SIM_MAX_MEMORY: '40MiB' } });
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });

  it('takes the limit from $CRM_SIM_MAX_MEMORY and refuses a malformed one as a usage error', () => {
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', 'scenarios/baseline.yaml', '--replicates', '1',
      '--out', join(dir, 'x')], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CRM_SIM_MAX_MEMORY: 'lots' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('crm-sim: CRM_SIM_MAX_MEMORY: expected a size such as 16GiB or 500MB, found "lots"\n');
  });
});

describe('crm-sim compare, sweep and stress: the memory cap', () => {
  const small = ['--replicates', '2', '--years', '2', '--set', 'ticksPerYear=12', '--set', 'resolution.firmsPerCapacityCell=2', '--quiet'];

  it.each([
    ['compare', ['compare', 'scenarios/baseline.yaml', 'scenarios/mitigation-stockpile-60d.yaml']],
    ['sweep', ['sweep', 'scenarios/baseline.yaml', '--grid', 'behaviour.transportWeeks=4,6']],
    ['stress', ['stress', 'scenarios/baseline.yaml']],
  ])('%s refuses replicates that would not fit before anything runs: exit 2, one line, no folder', (_name, command) => {
    const out = join(dir, `refused-${command[0]}`);
    const { status, stdout, stderr } = runCli([...command, '--replicates', '50000000', '--years', '2', '--workers', '1', '--max-memory', '4GiB', '--quiet', '--out', out]);
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toMatch(/^--replicates 50000000: expected a run that fits in memory \(limit 4\.0 GiB: --max-memory 4GiB\), found an estimated [\d.]+ (GiB|TiB) for \d+ arms × 50000000 replicates on 1 thread \(terms: kept results .+reduce --replicates.+\)\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('locates a scenario key that makes the worlds too large, and runs what fits under the same cap', () => {
    const refused = runCli(['compare', 'scenarios/baseline.yaml', 'scenarios/mitigation-stockpile-60d.yaml', '--replicates', '2', '--years', '2', '--workers', '1',
      '--set', 'resolution.firmsPerCapacityCell=200000', '--max-memory', '2GiB', '--quiet', '--out', join(dir, 'worlds')]);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/^--set #1 \(resolution\.firmsPerCapacityCell=200000\): resolution\.firmsPerCapacityCell: expected a run that fits in memory .*reduce resolution\.firmsPerCapacityCell/);
    const fits = runCli(['compare', 'scenarios/baseline.yaml', 'scenarios/mitigation-stockpile-60d.yaml', ...small, '--workers', '1', '--max-memory', '2GiB', '--out', join(dir, 'fits')]);
    expect(fits.stderr).toBe('');
    expect(fits.status).toBe(0);
  });
});
