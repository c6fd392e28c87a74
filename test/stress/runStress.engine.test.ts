import { describe, expect, it } from 'vitest';
import { runStress, type StressRun } from '../../src/stress/runStress.ts';
import { formatStressCsv, STRESS_CSV_HEADER } from '../../src/stress/formatStressCsv.ts';
import { formatStressTable } from '../../src/stress/formatStressTable.ts';
import { rankStages } from '../../src/stress/rankStages.ts';
import { shipped, SMALL } from '../compare/smallScenario.ts';

/**
 * The share change is taken of the undisturbed run's demand (computeShortfallShareChange): where not
 * a tonne more or less of a material went unmet, its share change is exactly 0 even though the
 * disruption moved demand. (Each run's own share, differenced, moved with demand alone.) Returns how
 * many stage × material pairs had no change in tonnes.
 */
function expectNoShareChangeWithoutTonnes(runs: readonly StressRun[]): number {
  let unchanged = 0;
  for (const run of runs) {
    for (const s of run.stages) {
      for (const [m, tonnes] of Object.entries(s.expectedShortfallByMaterial)) {
        if (tonnes !== 0) continue;
        unchanged++;
        expect(s.expectedShortfallShareByMaterial[m], `${s.stage} ${m}`).toBe(0);
      }
      if (s.shortfall.conditional.low === 0 && s.shortfall.conditional.high === 0) expect(s.shortfallShare.conditional.mean, s.stage).toBe(0);
    }
  }
  expect(unchanged).toBeGreaterThan(0);
  return unchanged;
}

describe('runStress with the engine', () => {
  it('measures each stage against the undisturbed run with the threat matrix as probability', async () => {
    const run = await runStress({
      path: shipped('baseline'),
      sets: [...SMALL, 'foreignActor.threat.mining.intent=0', 'foreignActor.threat.discovery.capability=1', 'foreignActor.threat.discovery.intent=1'],
      masterSeed: 3, replicates: 4, workers: 0,
    });
    expect(run.stages.map((s) => s.stage)).toEqual(['discovery', 'mining', 'processing', 'manufacturing', 'endUse', 'recycling']);
    const byStage = Object.fromEntries(run.stages.map((s) => [s.stage, s]));
    // intent 0: no disruption, exactly no impact
    expect(byStage.mining).toMatchObject({ probability: 0, events: [] });
    expect(byStage.mining).not.toHaveProperty('replicatesHit');
    expect([byStage.mining.shortfall.expected.mean, byStage.mining.shortfall.conditional.mean]).toEqual([0, 0]);
    // capability × intent = 9: probability 1, so expected = conditional
    expect(byStage.processing.shortfall.expected).toEqual(byStage.processing.shortfall.conditional);
    // Otherwise expected = probability × conditional, mean and bounds (no hit draws)
    for (const s of run.stages) {
      for (const measure of ['shortfall', 'shortfallShare', 'economicCost', 'policyCost'] as const) {
        const { expected, conditional } = s[measure];
        expect(expected).toEqual({ mean: s.probability * conditional.mean + 0, low: s.probability * conditional.low + 0, high: s.probability * conditional.high + 0 });
      }
    }
    // The disruption moves the outcome; its sign is the engine's business: a quota on the actor's
    // small refined exports in this coarse world also stops it importing dearer refined material,
    // which can leave more for home buyers (docs/model.md §10, import appetite).
    expect(byStage.processing.shortfall.conditional.mean).not.toBe(0);
    expect(byStage.discovery.probability).toBeCloseTo(1 / 9, 15);
    // Shares of home demand and the economic cost: exactly 0 without a disruption, identities otherwise.
    expect([byStage.mining.shortfallShare.expected.mean, byStage.mining.economicCost.expected.mean]).toEqual([0, 0]);
    // As above, the sign is the engine's business: the share moves, by less than the whole demand,
    // and the unmet value at base prices moves the same way as the value-weighted share.
    const share = byStage.processing.shortfallShare.conditional.mean;
    expect(share).not.toBe(0);
    expect(Math.abs(share)).toBeLessThan(1);
    const { economicCost, extraSpending, forgoneConsumptionValue, unmetValueAtPrice, endUserSpending, unmetValue } = byStage.processing;
    // economic cost = extra spending on what they received + consumption priced out + change in unmet demand (computeEndUserLoss)
    const parts = extraSpending.conditional.mean + forgoneConsumptionValue.conditional.mean + unmetValueAtPrice.conditional.mean;
    expect(Math.abs(economicCost.conditional.mean - parts)).toBeLessThanOrEqual(1e-9 * Math.abs(parts) + 1e-6);
    expect(economicCost.conditional.mean).not.toBe(endUserSpending.conditional.mean);
    expect([byStage.mining.extraSpending.expected.mean, byStage.mining.forgoneConsumptionValue.expected.mean, byStage.mining.unmetValueAtPrice.expected.mean]).toEqual([0, 0, 0]);
    expect(Math.sign(unmetValue.conditional.mean)).toBe(Math.sign(share));
    const materials = Object.keys(byStage.processing.expectedShortfallShareByMaterial);
    expect(materials).toEqual(Object.keys(byStage.processing.expectedShortfallByMaterial));
    for (const m of materials) expect(Math.sign(byStage.processing.expectedShortfallShareByMaterial[m])).toBe(Math.sign(byStage.processing.expectedShortfallByMaterial[m]));
    expect(run.strippedEvents).toEqual([]);
    expectNoShareChangeWithoutTonnes([run]);
    const csv = formatStressCsv(run.stages, 4).trimEnd().split('\n');
    expect(csv[0]).toBe(STRESS_CSV_HEADER);
    expect(csv).toHaveLength(1 + 6 * 4);
    expect(csv[5]).toMatch(/^mining,2,0,0,,4,shortfall,t,0,0,0,0,0,0,\d$/);
    expect(csv.filter((line) => line.includes(',shortfallShare,share,'))).toHaveLength(6);
    // The paired test of first against second, per ranking, and its line under the table
    const lead = run.firstVsSecond.shortfallShare!;
    expect(lead.first).toBe(rankStages(run.stages, 'shortfallShare')[0].stage);
    expect(lead.second).toBe(rankStages(run.stages, 'shortfallShare')[1].stage);
    const first = run.stages.find((s) => s.stage === lead.first)!.shortfallShare.expected.mean;
    const second = run.stages.find((s) => s.stage === lead.second)!.shortfallShare.expected.mean;
    expect(lead.meanDifference).toBeCloseTo(first - second, 12);
    expect(lead.clearlyFirst).toBe(lead.low > 0);
    const table = formatStressTable(run, 4).trimEnd().split('\n');
    // Header, rule, six stages, a legend line when a figure printed as ~0, then the two lead lines.
    const legend = table[9].startsWith('~0: ') ? 1 : 0;
    expect(table).toHaveLength(3 + 6 + legend + 2);
    expect(table[9 + legend]).toMatch(lead.clearlyFirst ? /^by share unmet: \w+ is clearly first, ahead of \w+ by / : /^by share unmet: \w+ and \w+ are not clearly apart: /);
    expect(table[10 + legend]).toMatch(/^by economic cost: /);
  });

  it('with stripEvents removes the scenario\'s own threat events from every arm, so a stage that repeats one is measured', async () => {
    const sets = [...SMALL, 'years=3', 'foreignActor.threat.discovery.intent=0', 'foreignActor.threat.mining.intent=0', 'foreignActor.threat.processing.intent=0',
      'foreignActor.threat.endUse.intent=0', 'foreignActor.threat.recycling.intent=0'];
    const options = { path: shipped('threat-export-quota'), sets, masterSeed: 5, replicates: 2, workers: 0 };
    const kept = await runStress(options);
    const stripped = await runStress({ ...options, stripEvents: true });
    expect(kept.strippedEvents).toEqual([]);
    // The scenario's own threats (its four export quotas) go from every arm, mitigations would stay.
    expect([...stripped.strippedEvents].sort()).toEqual(['cnQuotaDy', 'cnQuotaDyMagnets', 'cnQuotaNdpr', 'cnQuotaNdprMagnets']);
    const manufacturing = (run: typeof kept) => run.stages.find((s) => s.stage === 'manufacturing')!;
    // So the standard manufacturing disruption is measured against another undisturbed run: its impact differs.
    expect(manufacturing(stripped).shortfallShare.conditional.mean).not.toBe(manufacturing(kept).shortfallShare.conditional.mean);
    expectNoShareChangeWithoutTonnes([kept, stripped]);
  }, 240_000);
});
