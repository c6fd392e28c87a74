/**
 * Runs the one-machine recipe deploy/parallel/run-parallel.sh for real (GNU parallel, three shard
 * processes, two at a time, then crm-sim merge) and checks that the merged folder equals a
 * single-process run byte for byte (every file but manifest.json), that a rerun after a crash
 * keeps a finished shard instead of running it again, and that the script run from another folder
 * through a symlink runs this checkout's launcher (never npx). Fails when GNU parallel is missing
 * (`npm run setup:system` installs it, .ci/setup.d/parallel.sh).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFolderWithoutManifest } from '../cli/smallRun.ts';

const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
const SETS = ['--set', 'years=1', '--set', 'ticksPerYear=12', '--set', 'resolution.firmsPerCapacityCell=2'];
const RECIPE = resolve('deploy/parallel/run-parallel.sh');
const SCENARIO = resolve('scenarios/baseline.yaml');
const dir = mkdtempSync(join(tmpdir(), 'crm-sim-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI, failing the test on a non-zero exit. */
function crmSim(args: string[]): string {
  return execFileSync(process.execPath, ['bin/crm-sim.js', ...args], { encoding: 'utf8', timeout: 120_000 });
}

let single: Promise<Record<string, string>> | undefined;
/** The files of one single-process run of the recipes' run (7 replicates, seed 11), made once. */
function singleRunFiles(): Promise<Record<string, string>> {
  single ??= (async () => {
    const out = join(dir, 'single');
    crmSim(['run', SCENARIO, '--replicates', '7', '--seed', '11', '--workers', '2', '--out', out, '--quiet', ...SETS]);
    return readFolderWithoutManifest(out);
  })();
  return single;
}

if (!hasParallel) throw new Error('GNU parallel is missing: run npm run setup:system (.ci/setup.d/parallel.sh)');

describe('deploy/parallel/run-parallel.sh', () => {
  it('merges shards run by GNU parallel into the single-process bytes, reusing a finished shard', async () => {
    const out = join(dir, 'merged');
    // A shard finished by an earlier, crashed attempt: the recipe must keep it, not run it again.
    crmSim(['run', SCENARIO, '--replicates', '7', '--seed', '11', '--shard', '2/3', '--workers', '1',
      '--out', join(`${out}.shards`, 'shard-2'), '--quiet', ...SETS]);
    const log = join(dir, 'calls.log');
    const wrapper = join(dir, 'crm-sim-logged.sh');
    writeFileSync(wrapper, `#!/usr/bin/env bash\necho "$*" >> ${log}\nexec ${process.execPath} ${resolve('bin/crm-sim.js')} "$@"\n`);
    chmodSync(wrapper, 0o755);
    const recipe = spawnSync('bash', [RECIPE, SCENARIO, out, '7', '11', '3', '2', '--', ...SETS], {
      encoding: 'utf8', timeout: 240_000, env: { ...process.env, CRM_SIM: wrapper },
    });
    expect(recipe.stderr).toBe('');
    expect(recipe.status).toBe(0);
    expect(recipe.stdout.trim()).toBe(out);
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((line) => line.split(' ')[0] + (/--shard (\S+)/.exec(line)?.[1] ?? ''));
    expect(calls.sort()).toEqual(['merge', 'run1/3', 'run3/3']);
    expect(await readFolderWithoutManifest(out)).toEqual(await singleRunFiles());
  });

  it("runs this checkout's launcher by default when started from another folder through a symlink", async () => {
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(join(elsewhere, 'bin'), { recursive: true });
    symlinkSync(RECIPE, join(elsewhere, 'bin', 'run-parallel'));
    // An npx that fails loudly: the recipe must not depend on npx or on the current folder.
    writeFileSync(join(elsewhere, 'bin', 'npx'), '#!/bin/sh\necho "npx called: $*" >&2\nexit 99\n');
    chmodSync(join(elsewhere, 'bin', 'npx'), 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(elsewhere, 'bin')}:${process.env.PATH ?? ''}` };
    delete env.CRM_SIM;
    // A relative OUT_DIR, from a folder outside the checkout.
    const recipe = spawnSync(join(elsewhere, 'bin', 'run-parallel'), [SCENARIO, 'merged', '7', '11', '3', '2', '--', ...SETS], {
      cwd: elsewhere, encoding: 'utf8', timeout: 240_000, env,
    });
    expect(recipe.stderr).not.toContain('npx called');
    expect(recipe.status).toBe(0);
    expect(recipe.stdout.trim()).toBe('merged');
    expect(await readFolderWithoutManifest(join(elsewhere, 'merged'))).toEqual(await singleRunFiles());
    expect(existsSync(join(elsewhere, 'merged.shards'))).toBe(false);
  });
});
