import { describe, expect, it } from 'vitest';
import { runStress } from '../../src/stress/runStress.ts';
import { formatStressCsv, STRESS_CSV_HEADER } from '../../src/stress/formatStressCsv.ts';
import { formatStressTable } from '../../src/stress/formatStressTable.ts';
import { shipped, SMALL } from '../compare/smallScenario.ts';

describe('runStress with the engine', () => {
  it('measures each stage against the undisturbed run with the threat matrix as probability', async () => {
    const run = await runStress({
      path: shipped('baseline'),
      sets: [...SMALL, 'foreignActor.threat.mining.intent=0', 'foreignActor.threat.discovery.capability=1', 'foreignActor.threat.discovery.intent=1'],
      masterSeed: 3, replicates: 4, workers: 0,
    });
    expect(run.stages.map((s) => s.stage)).toEqual(['discovery', 'mining', 'processing', 'manufacturing', 'endUse', 'recycling']);
    const byStage = Object.fromEntries(run.stages.map((s) => [s.stage, s]));
    // intent 0: no disruption, no hit, exactly no impact
    expect(byStage.mining).toMatchObject({ probability: 0, replicatesHit: 0, events: [] });
    expect([byStage.mining.shortfall.expected.mean, byStage.mining.shortfall.conditional.mean]).toEqual([0, 0]);
    // capability × intent = 9: struck in every replicate, so expected = conditional
    expect(byStage.processing.replicatesHit).toBe(4);
    expect(byStage.processing.shortfall.expected).toEqual(byStage.processing.shortfall.conditional);
    // The disruption moves the outcome; its sign is the engine's business: a quota on the actor's
    // small refined exports in this coarse world also stops it importing dearer refined material,
    // which can leave more for home buyers (docs/model.md §10, import appetite).
    expect(byStage.processing.shortfall.conditional.mean).not.toBe(0);
    expect(byStage.discovery.probability).toBeCloseTo(1 / 9, 15);
    const csv = formatStressCsv(run.stages, 4).trimEnd().split('\n');
    expect(csv[0]).toBe(STRESS_CSV_HEADER);
    expect(csv).toHaveLength(1 + 6 * 2);
    expect(csv[3]).toMatch(/^mining,2,0,0,0,4,shortfall,t,0,0,0,0,0,0,\d$/);
    const table = formatStressTable(run, 4).trimEnd().split('\n');
    expect(table).toHaveLength(3 + 6);
  });
});
