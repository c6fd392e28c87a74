import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrmSim, shipped } from '../compare/smallScenario.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-stress-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('crm-sim stress', () => {
  it('writes stress.json and stress.csv and prints stress.json with --json', async () => {
    const out = join(root, 'stress');
    const result = runCrmSim(['stress', shipped('baseline'), '--replicates', '2', '--workers', '0', '--years', '1',
      '--set', 'ticksPerYear=12', '--set', 'resolution.firmsPerCapacityCell=2', '--out', out, '--json', '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['manifest.json', 'scenario.resolved.yaml', 'stress.csv', 'stress.json']);
    const json = JSON.parse(result.stdout);
    expect(json).toEqual(JSON.parse(await readFile(join(out, 'stress.json'), 'utf8')));
    expect(json.stages.map((s: { stage: string }) => s.stage)).toEqual(['discovery', 'mining', 'processing', 'manufacturing', 'endUse', 'recycling']);
    expect(json.rankingByShortfall).toHaveLength(6);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ command: 'stress', arms: 7 });
    expect(manifest.commandLine).toEqual(['crm-sim', 'stress', shipped('baseline'), '--replicates', '2', '--workers', '0', '--years', '1',
      '--set', 'ticksPerYear=12', '--set', 'resolution.firmsPerCapacityCell=2', '--out', out, '--json', '--quiet']);
  });
});
