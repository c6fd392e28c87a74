import { describe, expect, it } from 'vitest';
import type { ReplicateResult, ResultLayout } from '../../sim-core/index.ts';
import { computeShortfallShareChange } from '../../src/stress/computeShortfallShareChange.ts';
import { computeStageImpact } from '../../src/stress/computeStageImpact.ts';
import { computeStressMeasures } from '../../src/stress/computeStressMeasures.ts';

const key = (metric: string, material: string, stage: string, unit: string) => ({ metric, material, stage, region: 'US', unit });
const layout: ResultLayout = {
  ticks: 1, ticksPerYear: 52, startYear: 2025, series: [],
  summaries: [key('cumulativeShortfall', 'ndpr', 'endUse', 't'), key('cumulativeShortfall', 'dy', 'endUse', 't'), key('policyCost', '', '', 'USD')],
};
const materials = { ids: ['ndpr', 'dy'], basePrices: [100, 1000] };

/** One material's run totals: demand D and unmet S (t); spending and unmet at price do not enter the share. */
interface Totals { demand: number; unmet: number }

/** A replicate as stressWorker returns it: the layout's summaries, then 4 extras per material (demand, spending, unmet at price, received). */
function replicate(replicateIndex: number, ndpr: Totals, dy: Totals): ReplicateResult {
  const extras = [ndpr, dy].flatMap((t) => [t.demand, 0, 0, t.demand - t.unmet]);
  return { replicate: replicateIndex, series: new Float64Array(0), summaries: Float64Array.from([ndpr.unmet, dy.unmet, 0, ...extras]) };
}

/** What the command differenced until session 32: each run's share of its own demand, value-weighted (Σ S·price / Σ D·price). */
function ownShare(measures: ReturnType<typeof arm>): Float64Array {
  return Float64Array.from(measures.shortfall, (_, r) => {
    let unmet = 0, demand = 0;
    materials.ids.forEach((id, m) => { unmet += measures.shortfallByMaterial[id][r] * materials.basePrices[m]; demand += measures.demandByMaterial[id][r] * materials.basePrices[m]; });
    return unmet / demand;
  });
}

/** The measures of one arm from its replicates' totals. */
const arm = (runs: [Totals, Totals][]) => computeStressMeasures(layout, runs.map(([a, b], r) => replicate(r, a, b)), 'US', materials);

describe('computeShortfallShareChange', () => {
  it('is 0 when demand falls but the unmet tonnes are unchanged (the old own-demand denominator was not)', () => {
    // Undisturbed: NdPr 100 t demanded, 5 unmet; Dy 10 t, 1 unmet. Disturbed: a price rise thrifts
    // demand down (NdPr 60 t, Dy 8 t), the same 5 t and 1 t go unmet.
    const undisturbed = arm([[{ demand: 100, unmet: 5 }, { demand: 10, unmet: 1 }]]);
    const disturbed = arm([[{ demand: 60, unmet: 5 }, { demand: 8, unmet: 1 }]]);
    const change = computeShortfallShareChange(undisturbed, disturbed, materials);
    expect(Array.from(change.share)).toEqual([0]);
    expect(Array.from(change.byMaterial.ndpr)).toEqual([0]);
    expect(Array.from(change.byMaterial.dy)).toEqual([0]);
    // Each run's own share differs: (5·100 + 1·1000) / (60·100 + 8·1000) − 1,500 / 20,000 = 0.0321…,
    // the spurious increase the old paired difference of own shares reported.
    const old = computeStageImpact(ownShare(undisturbed), ownShare(disturbed), 1).conditional.mean;
    expect(old).toBeCloseTo(1_500 / 14_000 - 1_500 / 20_000, 12);
    expect(old).toBeGreaterThan(0.03);
  });

  it('divides the extra unmet tonnes by the undisturbed demand, per material and value-weighted (hand-computed)', () => {
    // Replicate 0: NdPr demand 100 → 80 t, unmet 5 → 13 t (+8); Dy demand 10 → 10 t, unmet 1 → 3 t (+2).
    // Replicate 1: identical arms.
    const undisturbed = arm([[{ demand: 100, unmet: 5 }, { demand: 10, unmet: 1 }], [{ demand: 50, unmet: 0 }, { demand: 4, unmet: 0 }]]);
    const disturbed = arm([[{ demand: 80, unmet: 13 }, { demand: 10, unmet: 3 }], [{ demand: 50, unmet: 0 }, { demand: 4, unmet: 0 }]]);
    const change = computeShortfallShareChange(undisturbed, disturbed, materials);
    expect(Array.from(change.byMaterial.ndpr)).toEqual([8 / 100, 0]);
    expect(Array.from(change.byMaterial.dy)).toEqual([2 / 10, 0]);
    // Value-weighted: (8·100 + 2·1000) / (100·100 + 10·1000) = 2,800 / 20,000 = 0.14.
    expect(change.share[0]).toBeCloseTo(0.14, 15);
    expect(change.share[1]).toBe(0);
  });

  it('keeps the sign of the change in unmet tonnes when demand moves the other way', () => {
    // Demand falls a lot and unmet tonnes fall a little: the own shares say the share unmet rose
    // (4 / 50 > 5 / 100), yet fewer tonnes went unmet.
    const undisturbed = arm([[{ demand: 100, unmet: 5 }, { demand: 0, unmet: 0 }]]);
    const disturbed = arm([[{ demand: 50, unmet: 4 }, { demand: 0, unmet: 0 }]]);
    const change = computeShortfallShareChange(undisturbed, disturbed, materials);
    expect(change.byMaterial.ndpr[0]).toBeCloseTo(-0.01, 15);
    expect(change.share[0]).toBeCloseTo(-100 / 10_000, 15);
    // No demand of Dy in either run: no change, 0 (not NaN).
    expect(change.byMaterial.dy[0]).toBe(0);
    expect(computeStageImpact(ownShare(undisturbed), ownShare(disturbed), 1).conditional.mean).toBeGreaterThan(0);
  });

  it('is NaN where the demand is unknown (no extras) or a change is taken of no demand', () => {
    const bare = (ndprUnmet: number): ReplicateResult => ({ replicate: 0, series: new Float64Array(0), summaries: Float64Array.from([ndprUnmet, 0, 0]) });
    const noExtras = computeShortfallShareChange(computeStressMeasures(layout, [bare(1)], 'US', materials),
      computeStressMeasures(layout, [bare(2)], 'US', materials), materials);
    expect(Number.isNaN(noExtras.share[0])).toBe(true);
    expect(Number.isNaN(noExtras.byMaterial.ndpr[0])).toBe(true);
    // Dy: no undisturbed demand, 1 t unmet disturbed: no share to take; the value-weighted share still has NdPr's demand.
    const change = computeShortfallShareChange(arm([[{ demand: 100, unmet: 0 }, { demand: 0, unmet: 0 }]]),
      arm([[{ demand: 100, unmet: 0 }, { demand: 2, unmet: 1 }]]), materials);
    expect(Number.isNaN(change.byMaterial.dy[0])).toBe(true);
    expect(change.share[0]).toBeCloseTo(1_000 / 10_000, 15);
  });
});
