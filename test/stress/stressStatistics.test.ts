import { describe, expect, it } from 'vitest';
import { STAGES, type Stage } from '../../sim-core/index.ts';
import { computeStageImpact } from '../../src/stress/computeStageImpact.ts';
import { drawStressHits } from '../../src/stress/drawStressHits.ts';
import { rankStages } from '../../src/stress/rankStages.ts';
import type { StageStress } from '../../src/stress/runStress.ts';

const all = (p: number) => Object.fromEntries(STAGES.map((s) => [s, p])) as Record<Stage, number>;

describe('drawStressHits', () => {
  it('depends only on seed and replicate and hits at the stated rate', () => {
    const probabilities = { ...all(0.3), mining: 0, processing: 1 };
    const hits = drawStressHits(9, 2000, probabilities);
    expect(drawStressHits(9, 2000, probabilities)).toEqual(hits);
    expect(drawStressHits(9, 10, probabilities).discovery).toEqual(hits.discovery.slice(0, 10));
    expect(hits.mining.every((h) => h === 0)).toBe(true);
    expect(hits.processing.every((h) => h === 1)).toBe(true);
    const rate = hits.discovery.reduce((a, b) => a + b, 0) / 2000;
    expect(Math.abs(rate - 0.3)).toBeLessThan(0.05);
    expect(hits.discovery).not.toEqual(hits.endUse);
  });
});

describe('computeStageImpact', () => {
  it('averages the paired difference where hit (expected) and everywhere (conditional)', () => {
    const impact = computeStageImpact([1, 1, 1, 1], [3, 5, 1, 9], Uint8Array.of(1, 0, 1, 1));
    expect(impact.expected.mean).toBe((2 + 0 + 0 + 8) / 4);
    expect(impact.conditional.mean).toBe((2 + 4 + 0 + 8) / 4);
    const same = computeStageImpact([1, 2], [1, 2], Uint8Array.of(1, 1));
    expect([same.expected.mean, same.expected.low, same.expected.high]).toEqual([0, 0, 0]);
  });
});

describe('rankStages', () => {
  it('puts the largest expected increase first and lets ties share a rank', () => {
    const stage = (name: Stage, shortfall: number): StageStress => ({
      stage: name, capability: 3, intent: 3, probability: 1, events: [], replicatesHit: 1, expectedShortfallByMaterial: {},
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
