/**
 * Runs the one-machine recipe deploy/parallel/run-parallel.sh for real (GNU parallel, three shard
 * processes, two at a time, then crm-sim merge) and checks that the merged folder equals a
 * single-process run byte for byte (every file but manifest.json), and that a rerun after a crash
 * keeps a finished shard instead of running it again. Fails when GNU parallel is missing
 * (`npm run setup:system` installs it, .ci/setup.d/parallel.sh).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFolderWithoutManifest } from '../cli/smallRun.ts';

const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
const SETS = ['--set', 'years=1', '--set', 'ticksPerYear=12', '--set', 'resolution.firmsPerCapacityCell=2'];
const dir = mkdtempSync(join(tmpdir(), 'crm-sim-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI, failing the test on a non-zero exit. */
function crmSim(args: string[]): string {
  return execFileSync(process.execPath, ['bin/crm-sim.js', ...args], { encoding: 'utf8', timeout: 120_000 });
}

if (!hasParallel) throw new Error('GNU parallel is missing: run npm run setup:system (.ci/setup.d/parallel.sh)');

describe('deploy/parallel/run-parallel.sh', () => {
  it('merges shards run by GNU parallel into the single-process bytes, reusing a finished shard', async () => {
    const out = join(dir, 'merged');
    // A shard finished by an earlier, crashed attempt: the recipe must keep it, not run it again.
    crmSim(['run', 'scenarios/baseline.yaml', '--replicates', '7', '--seed', '11', '--shard', '2/3', '--workers', '1',
      '--out', join(`${out}.shards`, 'shard-2'), '--quiet', ...SETS]);
    const log = join(dir, 'calls.log');
    const wrapper = join(dir, 'crm-sim-logged.sh');
    writeFileSync(wrapper, `#!/usr/bin/env bash\necho "$*" >> ${log}\nexec ${process.execPath} ${resolve('bin/crm-sim.js')} "$@"\n`);
    chmodSync(wrapper, 0o755);
    const recipe = spawnSync('bash', ['deploy/parallel/run-parallel.sh', 'scenarios/baseline.yaml', out, '7', '11', '3', '2', '--', ...SETS], {
      encoding: 'utf8', timeout: 240_000, env: { ...process.env, CRM_SIM: wrapper },
    });
    expect(recipe.stderr).toBe('');
    expect(recipe.status).toBe(0);
    expect(recipe.stdout.trim()).toBe(out);
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((line) => line.split(' ')[0] + (/--shard (\S+)/.exec(line)?.[1] ?? ''));
    expect(calls.sort()).toEqual(['merge', 'run1/3', 'run3/3']);
    const single = join(dir, 'single');
    crmSim(['run', 'scenarios/baseline.yaml', '--replicates', '7', '--seed', '11', '--workers', '2', '--out', single, '--quiet', ...SETS]);
    expect(await readFolderWithoutManifest(out)).toEqual(await readFolderWithoutManifest(single));
  });
});
