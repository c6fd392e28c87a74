import { describe, expect, it } from 'vitest';
import type { Stage } from '../../sim-core/index.ts';
import { confidenceIntervalOfMean } from '../../src/stats/confidenceIntervalOfMean.ts';
import { compareFirstAndSecond } from '../../src/stress/compareFirstAndSecond.ts';
import { computeStageImpact } from '../../src/stress/computeStageImpact.ts';
import { rankStages } from '../../src/stress/rankStages.ts';
import type { StageStress } from '../../src/stress/runStress.ts';

describe('computeStageImpact', () => {
  it('takes the conditional impact over every replicate and the expected impact as p × it, mean and both bounds', () => {
    const undisturbed = [1, 1, 1, 1, 2];
    const disturbed = [3, 5, 1, 9, 2.5];
    const p = 2 / 9;
    const impact = computeStageImpact(undisturbed, disturbed, p);
    expect(impact.conditional).toEqual(confidenceIntervalOfMean([2, 4, 0, 8, 0.5]));
    expect(impact.expected).toEqual({ mean: p * impact.conditional.mean, low: p * impact.conditional.low, high: p * impact.conditional.high });
    // Not the hit-weighted mean of earlier versions: whatever replicates a draw would have struck, it is p·mean(d).
    expect(impact.expected.mean).toBeCloseTo((2 / 9) * (14.5 / 5), 14);
    // p = 1 (capability 3 × intent 3): expected = conditional; p = 0: exactly 0.
    expect(computeStageImpact(undisturbed, disturbed, 1).expected).toEqual(impact.conditional);
    expect(computeStageImpact(undisturbed, disturbed, 0).expected).toEqual({ mean: 0, low: 0, high: 0 });
    const same = computeStageImpact([1, 2], [1, 2], 0.5);
    expect([same.expected.mean, same.expected.low, same.expected.high]).toEqual([0, 0, 0]);
  });

  it('gives a proper interval where the hit-weighted estimate gave [0, 0] (the struck replicates had d = 0)', () => {
    // As mining in the audit's baseline run: d is 0 in most replicates; a draw striking only
    // replicates 0 and 3 made mean(hit·d) = 0 with the interval [0, 0].
    const undisturbed = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const disturbed = [0, 3e-6, 0, 0, 1e-6, 0, 0, 2e-6, 0, 0];
    const impact = computeStageImpact(undisturbed, disturbed, 2 / 9);
    expect(impact.expected.mean).toBeCloseTo((2 / 9) * 6e-7, 20);
    expect(impact.expected.low).toBeLessThan(impact.expected.mean);
    expect(impact.expected.high).toBeGreaterThan(impact.expected.mean);
    expect(impact.expected.high - impact.expected.low).toBeCloseTo((2 / 9) * (impact.conditional.high - impact.conditional.low), 20);
  });

  it('leaves out replicates undefined on either side and rejects a probability outside [0, 1]', () => {
    const impact = computeStageImpact([1, NaN, 1, 1], [2, 5, NaN, 4], 0.5);
    expect(impact.conditional.mean).toBe(2);
    expect(impact.expected.mean).toBe(1);
    expect(() => computeStageImpact([1], [2], 1.5)).toThrow(RangeError);
    expect(() => computeStageImpact([1], [2], NaN)).toThrow(RangeError);
  });
});

describe('compareFirstAndSecond', () => {
  const ranking = [{ stage: 'endUse' as Stage, rank: 1 }, { stage: 'processing' as Stage, rank: 2 }, { stage: 'mining' as Stage, rank: 3 }];
  // Shared noise: each stage's impact swings with the replicate, so their own intervals overlap widely.
  const noise = [0, 40, -30, 10, 25, -15, 5, -35, 20, -20];

  it('calls the first clearly first when the paired difference of p·d excludes 0, though the two intervals overlap', () => {
    const weighted: Partial<Record<Stage, number[]>> = {
      endUse: noise.map((e, i) => 1 * (100 + e + (i % 2 === 0 ? 1 : -1))),
      processing: noise.map((e) => 0.5 * (2 * (90 + e))),
    };
    const a = confidenceIntervalOfMean(weighted.endUse!);
    const b = confidenceIntervalOfMean(weighted.processing!);
    expect(a.low).toBeLessThan(b.high); // the unpaired intervals overlap
    const test = compareFirstAndSecond(ranking, (stage) => weighted[stage]!)!;
    expect(test).toMatchObject({ first: 'endUse', second: 'processing', n: 10, clearlyFirst: true });
    expect(test.meanDifference).toBeCloseTo(10, 12);
    expect(test.low).toBeGreaterThan(0);
    expect(test.pValue).toBeLessThan(0.05);
  });

  it('says not clearly first when the paired difference reaches 0', () => {
    const weighted: Partial<Record<Stage, number[]>> = {
      endUse: noise.map((e, i) => 100 + e + (i % 2 === 0 ? 8 : -6)),
      processing: noise.map((e) => 100 + e),
    };
    const test = compareFirstAndSecond(ranking, (stage) => weighted[stage]!)!;
    expect(test.meanDifference).toBeCloseTo(1, 12);
    expect(test.low).toBeLessThan(0);
    expect(test.clearlyFirst).toBe(false);
    // Identical leaders (e.g. all zero): not clearly apart; a single stage: nothing to compare.
    expect(compareFirstAndSecond(ranking, () => [0, 0, 0])?.clearlyFirst).toBe(false);
    expect(compareFirstAndSecond(ranking.slice(0, 1), () => [1, 2])).toBeUndefined();
  });
});

describe('rankStages', () => {
  it('puts the largest expected increase first and lets ties share a rank', () => {
    const stage = (name: Stage, shortfall: number): StageStress => ({
      stage: name, capability: 3, intent: 3, probability: 1, events: [], expectedShortfallByMaterial: {},
      shortfall: { expected: { mean: shortfall, low: NaN, high: NaN }, conditional: { mean: shortfall, low: NaN, high: NaN } },
      policyCost: { expected: { mean: 0, low: 0, high: 0 }, conditional: { mean: 0, low: 0, high: 0 } },
      shortfallShare: none, economicCost: none, extraSpending: none, forgoneConsumptionValue: none, unmetValueAtPrice: none, surplusTriangleLoss: none, endUserSpending: none, unmetValue: none, expectedShortfallShareByMaterial: {},
    });
    const none = { expected: { mean: 0, low: 0, high: 0 }, conditional: { mean: 0, low: 0, high: 0 } };
    const stages = [stage('discovery', 0), stage('mining', 5), stage('processing', NaN), stage('endUse', 9), stage('recycling', 0)];
    expect(rankStages(stages, 'shortfall')).toEqual([
      { stage: 'endUse', rank: 1 }, { stage: 'mining', rank: 2 }, { stage: 'discovery', rank: 3 }, { stage: 'recycling', rank: 3 },
      { stage: 'processing', rank: 5 },
    ]);
    expect(rankStages(stages, 'policyCost').every((r) => r.rank === 1)).toBe(true);
  });
});
