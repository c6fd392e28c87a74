import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrmSim, shipped } from '../compare/smallScenario.ts';
import { readStressJson } from '../../src/report/readStressJson.ts';

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
    expect(json.rankingByShortfallShare).toHaveLength(6);
    expect(json.rankingByEconomicCost).toHaveLength(6);
    expect(json.strippedEvents).toEqual([]);
    // the horizon the arms ran, added last so earlier fields keep their places
    expect(json.horizonYears).toBe(1);
    // what the share measures are a share of (session 32), added after it
    expect(json.shortfallShareOf).toBe('undisturbedDemand');
    expect(Object.keys(json).slice(-2)).toEqual(['horizonYears', 'shortfallShareOf']);
    expect(Object.keys(json).slice(0, 10)).toEqual(['scenario', 'masterSeed', 'replicates', 'strippedEvents', 'rankingByShortfallShare', 'rankingByEconomicCost',
      'rankingByShortfall', 'rankingByPolicyCost', 'firstVsSecond', 'stages']);
    expect(json.stages[2]).toMatchObject({ shortfallShare: { expected: {} }, economicCost: { unit: 'USD' }, expectedShortfallShareByMaterial: {} });
    // expected = probability × conditional (no hit draws, no replicatesHit)
    for (const s of json.stages) {
      expect(s).not.toHaveProperty('replicatesHit');
      if (s.shortfallShare.conditional.mean !== null) expect(s.shortfallShare.expected.mean).toBe(s.probability * s.shortfallShare.conditional.mean + 0);
    }
    // first against second, paired, per ranking
    expect(json.firstVsSecond.shortfallShare).toMatchObject({ unit: 'share', first: json.rankingByShortfallShare[0].stage, second: json.rankingByShortfallShare[1].stage, n: 2 });
    expect(json.firstVsSecond.economicCost).toMatchObject({ unit: 'USD', first: json.rankingByEconomicCost[0].stage, clearlyFirst: expect.any(Boolean) });
    // stress.csv rows state each measure with the unit and numbers of stress.json (names mapped as docs/outputs.md's table says)
    const [header, ...rows] = (await readFile(join(out, 'stress.csv'), 'utf8')).trimEnd().split('\n').map((line) => line.split(','));
    expect(rows).toHaveLength(6 * 4);
    // replicatesHit stays in its place, empty, so columns read by position do not move
    expect(header.slice(0, 6)).toEqual(['stage', 'capability', 'intent', 'probability', 'replicatesHit', 'n']);
    expect(rows.every((fields) => fields[4] === '')).toBe(true);
    const number = (field: string) => (field === '' ? null : Number(field));
    for (const fields of rows) {
      const row = Object.fromEntries(header.map((name, i) => [name, fields[i]]));
      const measure = json.stages.find((s: { stage: string }) => s.stage === row.stage)[row.measure];
      expect(measure.unit).toBe(row.unit);
      expect([measure.expected.mean, measure.expected.low, measure.expected.high]).toEqual([row.expectedImpact, row.ciLow, row.ciHigh].map(number));
      expect([measure.conditional.mean, measure.conditional.low, measure.conditional.high]).toEqual([row.conditionalImpact, row.conditionalCiLow, row.conditionalCiHigh].map(number));
    }
    // readable by the report, which ranks as the command does (share unmet, economic cost)
    const impacts = await readStressJson(out);
    expect(impacts?.size).toBe(6);
    expect(impacts?.get('processing')?.shortfall?.unit).toBe('t');
    expect(impacts?.get('processing')?.shortfallShare?.rank).toBe(json.rankingByShortfallShare.find((r: { stage: string }) => r.stage === 'processing').rank);
    const leader = json.firstVsSecond.shortfallShare;
    expect(impacts?.get(leader.first)?.shortfallShare?.firstVsSecond).toMatchObject({ second: leader.second, clearlyFirst: leader.clearlyFirst, n: 2 });
    expect(impacts?.get(leader.second)?.shortfallShare?.firstVsSecond).toBeUndefined();
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ command: 'stress', arms: 7 });
    // which threat events --strip-events removed (none here), after the command's own fields
    expect(manifest.strippedEvents).toEqual([]);
    expect(Object.keys(manifest).at(-1)).toBe('strippedEvents');
    expect(manifest.commandLine).toEqual(['crm-sim', 'stress', shipped('baseline'), '--replicates', '2', '--workers', '0', '--years', '1',
      '--set', 'ticksPerYear=12', '--set', 'resolution.firmsPerCapacityCell=2', '--out', out, '--json', '--quiet']);
  });
});
