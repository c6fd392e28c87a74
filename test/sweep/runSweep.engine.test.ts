import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exitCodes.ts';
import { formatMetricId } from '../../src/outputs/formatMetricId.ts';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';
import { expandGrid } from '../../src/sweep/expandGrid.ts';
import { runSweep } from '../../src/sweep/runSweep.ts';
import { shipped } from '../compare/smallScenario.ts';

const TINY = ['years=1', 'ticksPerYear=12', 'resolution.firmsPerCapacityCell=2'];

describe('runSweep with the engine', () => {
  it('runs every point with common random numbers and ranks the uncertain parameters', async () => {
    const points = expandGrid([{ path: 'materials.ndpr.demand.growthPerYear', values: ['3%', '3%', '20%'] }]);
    const run = await runSweep({
      path: shipped('baseline'), sets: TINY, points, tornado: true, metric: 'peakPriceMultiple.ndpr.processing.US',
      masterSeed: 5, replicates: 3, workers: 0,
    });
    expect(run.points).toHaveLength(3);
    expect(run.points[0].loaded.spec.materials[0].demand.growthPerYear).toBeCloseTo(0.03, 12);
    // Same value, same seed, same replicates: identical statistics (nothing but the point differs between arms).
    expect(run.points[1].stats).toEqual(run.points[0].stats);
    expect(run.points[2].stats).not.toEqual(run.points[0].stats);
    expect(formatMetricId(run.metric)).toBe('peakPriceMultiple.ndpr.processing.US');
    const tornado = run.tornado ?? [];
    expect(tornado.map((row) => row.parameter).sort()).toEqual(run.base.spec.uncertainties.map((u) => u.label).sort());
    const swings = tornado.map((row) => Math.abs(row.swing));
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    expect(tornado.every((row) => row.n === 3)).toBe(true);
  });

  it('uses home consumption of the first material by default (no event names one) and names bad metrics and points', async () => {
    const run = await runSweep({ path: shipped('baseline'), sets: TINY, points: [], tornado: false, masterSeed: 5, replicates: 2, workers: 0 });
    expect(formatMetricId(run.metric)).toBe('cumulativeConsumption.ndpr.endUse.US');
    expect(run.tornado).toBeNull();
    const options = { path: shipped('baseline'), sets: TINY, tornado: false, masterSeed: 5, replicates: 2, workers: 0 };
    await expect(runSweep({ ...options, points: [], metric: 'policyCost.UZ' })).rejects.toThrow(UsageError);
    await expect(runSweep({ ...options, points: [[{ path: 'materials.ndpr.demand.growthPerYear', value: '3 kt' }]] })).rejects.toThrow(ScenarioError);
    // A scenario whose events name a material: its consumption, not NdPr's (the audit's graphite sweep showed NdPr shortfall, 0 everywhere).
    const graphite = await runSweep({ ...options, path: shipped('mitigation-graphite-subsidy'), points: [] });
    expect(formatMetricId(graphite.metric)).toBe('cumulativeConsumption.graphite.endUse.US');
    // Events on cobalt, then lithium: the scenario's material order (lithium first) decides, not the events'.
    const acquisition = await runSweep({ ...options, path: shipped('threat-mine-acquisition'), points: [] });
    expect(formatMetricId(acquisition.metric)).toBe('cumulativeConsumption.lithium.endUse.US');
  });
});
