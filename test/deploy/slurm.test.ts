/**
 * The Slurm recipe (deploy/slurm) without Slurm: submit.sh against a stand-in `sbatch` that records
 * its arguments, and the two batch scripts run by bash with the variables Slurm would set. Checks
 * the memory limit handed to crm-sim (80% of --mem or of --mem-per-cpu × CPUs), a local array
 * of real shards merged by crm-sim-merge.sbatch with this checkout's launcher from another folder,
 * the shard folder removed only after a successful merge, and reruns after the merge doing nothing.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SLURM = resolve('deploy/slurm');
const ROOT = resolve('.');
const dir = mkdtempSync(join(tmpdir(), 'crm-sim-slurm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes an executable script into `dir` and returns its path. */
function script(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/usr/bin/env bash\n${text}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A stand-in crm-sim that appends its arguments and CRM_SIM_MAX_MEMORY to `log`, then exits `code`. */
function fakeCrmSim(log: string, code = 0): string {
  return script(`fake-crm-sim-${code}.sh`, `echo "$* | memory=\${CRM_SIM_MAX_MEMORY-unset}" >> ${log}\nexit ${code}`);
}

/** Runs one of the batch scripts with bash, the given environment on top of a clean one. */
function batch(name: string, env: Record<string, string>, cwd = dir): { status: number | null; stdout: string; stderr: string } {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir };
  return spawnSync('bash', [join(SLURM, name)], { cwd, encoding: 'utf8', timeout: 240_000, env: { ...base, ...env } });
}

const SHARD_ENV = { SCENARIO: 'x.yaml', SHARDS_DIR: join(dir, 'none.shards'), REPLICATES: '8', SEED: '1', SHARDS: '2', SLURM_ARRAY_TASK_ID: '1' };

describe('deploy/slurm', () => {
  it.each<{ allocation: string; env: Record<string, string>; memory: string }>([
    { allocation: '--mem=8G', env: { SLURM_MEM_PER_NODE: '8192', SLURM_CPUS_PER_TASK: '4' }, memory: '6553MiB' },
    { allocation: '--mem-per-cpu=2000M -c 4', env: { SLURM_MEM_PER_CPU: '2000', SLURM_CPUS_PER_TASK: '4' }, memory: '6400MiB' },
    { allocation: '--mem=0 (whole node)', env: { SLURM_MEM_PER_NODE: '0' }, memory: 'unset' },
    { allocation: 'none', env: {}, memory: 'unset' },
    { allocation: 'CRM_SIM_MAX_MEMORY given', env: { SLURM_MEM_PER_NODE: '8192', CRM_SIM_MAX_MEMORY: '5GiB' }, memory: '5GiB' },
  ])('a shard task with $allocation gets CRM_SIM_MAX_MEMORY=$memory', ({ env, memory }) => {
    const log = join(dir, `memory-${memory}-${Object.keys(env).join('-')}.log`);
    const task = batch('crm-sim-shard.sbatch', { ...SHARD_ENV, ...env, CRM_SIM: fakeCrmSim(log) });
    expect(task.status).toBe(0);
    const call = readFileSync(log, 'utf8');
    expect(call).toContain(`memory=${memory}\n`);
    expect(call).toContain(`--shard 1/2 --workers ${'SLURM_CPUS_PER_TASK' in env ? env.SLURM_CPUS_PER_TASK : '1'} `);
  });

  it('submit.sh, from another folder through a symlink, submits the array and the merge with the checkout and MERGE_TIME', () => {
    const log = join(dir, 'sbatch.log');
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(join(SLURM, 'submit.sh'), join(bin, 'submit'));
    writeFileSync(join(bin, 'sbatch'), `#!/bin/sh\necho "$* | root=$CRM_SIM_ROOT shards=$SHARDS_DIR" >> ${log}\necho $(( $(wc -l < ${log}) + 100 ))\n`);
    chmodSync(join(bin, 'sbatch'), 0o755);
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, MERGE_TIME: '06:00:00' };
    const submit = spawnSync(join(bin, 'submit'), ['s.yaml', 'runs/out', '100', '7', '4', '2'], { cwd: dir, encoding: 'utf8', env });
    expect(submit.stderr).toBe('');
    expect(submit.status).toBe(0);
    const [array, merge] = readFileSync(log, 'utf8').trim().split('\n');
    expect(array).toContain('--array=1-4%2');
    expect(array).toContain(`${join(SLURM, 'crm-sim-shard.sbatch')} | root=${ROOT} shards=runs/out.shards`);
    expect(merge).toContain('--time=06:00:00 --dependency=afterok:101');
    expect(merge).toContain(join(SLURM, 'crm-sim-merge.sbatch'));
    // Once OUT_DIR exists (merged), a rerun submits nothing.
    mkdirSync(join(dir, 'runs', 'out'), { recursive: true });
    const again = spawnSync(join(bin, 'submit'), ['s.yaml', 'runs/out', '100', '7', '4', '2'], { cwd: dir, encoding: 'utf8', env });
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('complete already');
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('a failed merge keeps the shards', () => {
    const shards = join(dir, 'failed.shards');
    mkdirSync(join(shards, 'shard-1'), { recursive: true });
    const merge = batch('crm-sim-merge.sbatch', { SHARDS_DIR: shards, SHARDS: '2', OUT_DIR: join(dir, 'failed'), CRM_SIM: fakeCrmSim(join(dir, 'failed.log'), 2) });
    expect(merge.status).toBe(2);
    expect(existsSync(join(shards, 'shard-1'))).toBe(true);
  });

  it('runs a local array with the checkout launcher, merges, removes the shards; reruns do nothing', () => {
    const cwd = join(dir, 'elsewhere');
    mkdirSync(cwd);
    const env = {
      SCENARIO: join(ROOT, 'scenarios/baseline.yaml'), REPLICATES: '5', SEED: '3', SHARDS: '2', OUT_DIR: 'run', SHARDS_DIR: 'run.shards',
      CRM_SIM_ROOT: ROOT, RUN_OPTIONS: '--set years=1 --set ticksPerYear=12 --set "resolution.firmsPerCapacityCell=2"', SLURM_CPUS_PER_TASK: '1',
    };
    for (const k of ['1', '2']) expect(batch('crm-sim-shard.sbatch', { ...env, SLURM_ARRAY_TASK_ID: k }, cwd).status).toBe(0);
    expect(existsSync(join(cwd, 'run.shards', 'shard-2', 'manifest.json'))).toBe(true);
    const merge = batch('crm-sim-merge.sbatch', env, cwd);
    expect(merge.stderr).toBe('');
    expect(merge.status).toBe(0);
    expect(existsSync(join(cwd, 'run', 'summary.json'))).toBe(true);
    expect(existsSync(join(cwd, 'run.shards'))).toBe(false);
    // A rerun (a second submit, a requeued task) must neither recompute a shard nor fail the merge.
    const failing = fakeCrmSim(join(dir, 'rerun.log'), 99);
    expect(batch('crm-sim-shard.sbatch', { ...env, SLURM_ARRAY_TASK_ID: '1', CRM_SIM: failing }, cwd).status).toBe(0);
    const again = batch('crm-sim-merge.sbatch', { ...env, CRM_SIM: failing }, cwd);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('merged already');
    expect(existsSync(join(dir, 'rerun.log'))).toBe(false);
  });
});
