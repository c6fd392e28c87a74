import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidCpuProfile, sampledFunctions } from './cpuProfileChecks.ts';

// The bench as a user runs it (through tsx), at its smallest size, nothing else measured. Six replicates:
// a small world takes ~4 ms to create, and with two, a CI run on a loaded machine once caught no sample
// inside any creation (the sampler thread had no core), only the profiler's own calls.
const folder = mkdtempSync(join(tmpdir(), 'crm-sim-cpu-prof-'));
let run: { status: number | null; stdout: string; stderr: string };
const profile = (suffix: string) => {
  const files = readdirSync(folder).filter((file) => file.endsWith(`-${suffix}.cpuprofile`));
  expect(files).toHaveLength(1);
  return JSON.parse(readFileSync(join(folder, files[0]), 'utf8')) as Profiler.Profile;
};

beforeAll(() => {
  const args = ['--size', 'small', '--replicates', '6', '--skip', 'kernel,memory,mc,threads', '--json', '--cpu-prof', '--cpu-prof-init', '--cpu-prof-dir', folder, '--json-out', join(folder, 'bench.json')];
  run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/main.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
}, 130_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('npm run bench -- --cpu-prof', () => {
  it('writes one profile of the timed runs and one of the world creations, and says what each covers', () => {
    expect(run.stderr).toMatch(/CPU profile of the timed engine runs only .*-timed-runs\.cpuprofile/);
    expect(run.stderr).toMatch(/CPU profile of the timed world creations only .*-world-creation\.cpuprofile/);
    expect(run.status).toBe(0);
    expect(readdirSync(folder).filter((file) => file.endsWith('.cpuprofile'))).toHaveLength(2);
  });

  it('marks the figures as profiled, on stdout and in the --json-out file alike', () => {
    const printed = JSON.parse(run.stdout) as { profiled: boolean; profiledParts: string[]; date: string };
    expect(printed).toMatchObject({ profiled: true, profiledParts: ['runs', 'init'] });
    expect(JSON.parse(readFileSync(join(folder, 'bench.json'), 'utf8'))).toEqual(printed);
  });

  it('profiles the engine steps of the timed runs, and neither world creation nor the phase-timed runs', () => {
    const runs = profile('timed-runs');
    expectValidCpuProfile(runs);
    const functions = sampledFunctions(runs);
    for (const name of ['runTicks', 'step']) expect(functions).toContain(name);
    for (const name of ['createWorld', 'populateFirms', 'createBenchWorld', 'stepWithPhaseTimes', 'warmUpEngine']) expect(functions).not.toContain(name);
  });

  it('profiles the world creations apart, without a step', () => {
    const init = profile('world-creation');
    expectValidCpuProfile(init);
    const functions = sampledFunctions(init);
    expect(functions).toContain('createWorld');
    for (const name of ['runTicks', 'step']) expect(functions).not.toContain(name);
  });
});
