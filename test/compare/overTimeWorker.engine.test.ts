import { describe, expect, it } from 'vitest';
import overTimeWorker from '../../src/compare/overTimeWorker.ts';
import { planOverTimeSeries, type OverTimeTarget } from '../../src/compare/planOverTimeSeries.ts';
import { planCapacityAtEnd } from '../../src/compare/planCapacityAtEnd.ts';
import { runComparison } from '../../src/compare/runComparison.ts';
import { computeScenarioHash } from '../../src/montecarlo/computeScenarioHash.ts';
import { compileScenario, createReplicateRunner } from '../../sim-core/index.ts';
import { smallBaseline } from '../sim-core/engineHelpers.ts';
import { shipped, SMALL } from './smallScenario.ts';

describe('the over-time worker', () => {
  const spec = { ...smallBaseline(2, 2), ticksPerYear: 52 };
  const compiled = compileScenario(spec);
  const targets: OverTimeTarget[] = spec.materials.slice(0, 2).map((m) => ({ material: m.id, priceStage: 'processing' }));
  const payload = { ...compiled, overTimeTargets: targets };
  const [result] = overTimeWorker({ scenarioHash: computeScenarioHash(payload), compiled: payload, masterSeed: 3, firstReplicate: 1, replicateCount: 1 }).results;
  const full = createReplicateRunner(compiled)(3, 1);
  const plan = planOverTimeSeries(compiled, targets);
  const atEnd = planCapacityAtEnd(compiled, targets.map((t) => t.material));
  const capacity = result.summaries.subarray(full.summaries.length, full.summaries.length + atEnd.length);
  const kept = result.summaries.subarray(full.summaries.length + atEnd.length);

  it('keeps home and allied capacity and home demand at the end whose ratio is the engine\'s finalSecureSupplyShare (audit 24, H3)', () => {
    for (const { material } of targets) {
      const demand = capacity[atEnd.findIndex((v) => v.key.metric === 'finalHomeDemand' && v.key.material === material)];
      expect(demand).toBeGreaterThan(0);
      for (const stage of ['mining', 'processing', 'manufacturing', 'recycling']) {
        const secure = capacity[atEnd.findIndex((v) => v.key.metric === 'finalSecureCapacity' && v.key.material === material && v.key.stage === stage)];
        const share = full.summaries[compiled.layout.summaries.findIndex((k) => k.metric === 'finalSecureSupplyShare' && k.material === material && k.stage === stage)];
        expect(secure / demand).toBeCloseTo(share, 9);
      }
    }
  });

  it('keeps the summaries unchanged and appends the monthly values', () => {
    expect([...result.summaries.subarray(0, full.summaries.length)]).toEqual([...full.summaries]);
    expect(kept).toHaveLength(plan.series.length * plan.periods.length);
    expect(result.series).toHaveLength(0);
  });

  it('gives monthly means that add up to the run summary of what end users received', () => {
    const weeksPerTick = 52 / spec.ticksPerYear;
    for (const { material } of targets) {
      const s = plan.series.findIndex((k) => k.material === material && k.measure === 'consumption');
      const fromMonths = plan.periods.reduce((sum, p, i) => sum + kept[s * plan.periods.length + i] * (p.endTick - p.startTick) * weeksPerTick, 0);
      const summary = full.summaries[compiled.layout.summaries.findIndex((k) => k.metric === 'cumulativeConsumption' && k.material === material && k.region === spec.government.region)];
      expect(summary).toBeGreaterThan(0);
      expect(Math.abs(fromMonths - summary) / summary).toBeLessThan(1e-12);
    }
  });
});

describe('runComparison over time', () => {
  it('gives the same month-by-month table with and without worker threads', async () => {
    const paths = [shipped('threat-export-quota'), shipped('mitigation-stockpile-60d')];
    const run = (workers: number) => runComparison({ paths, sets: SMALL, masterSeed: 5, replicates: 4, workers });
    const [inline, threaded] = [await run(0), await run(2)];
    // strategies × materials (NdPr, Dy) × series (consumption, refined and magnet price: the quotas strike both, stockpile) × months
    expect(inline.overTime.length).toBe(2 * 2 * 4 * 24);
    expect(threaded.overTime).toEqual(inline.overTime);
    const stockpile = inline.overTime.filter((r) => r.strategy === 'mitigation-stockpile-60d' && r.measure === 'stockpile');
    expect(Math.max(...stockpile.map((r) => r.median))).toBeGreaterThan(0);
  });
});
