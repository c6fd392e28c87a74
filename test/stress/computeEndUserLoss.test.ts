import { describe, expect, it } from 'vitest';
import type { ReplicateResult, ResultLayout } from '../../sim-core/index.ts';
import { computeEndUserLoss } from '../../src/stress/computeEndUserLoss.ts';
import { computeStageImpact } from '../../src/stress/computeStageImpact.ts';
import { computeStressMeasures } from '../../src/stress/computeStressMeasures.ts';

const key = (metric: string, material: string, stage: string, unit: string) => ({ metric, material, stage, region: 'US', unit });
const layout: ResultLayout = {
  ticks: 1, ticksPerYear: 52, startYear: 2025, series: [],
  summaries: [key('cumulativeShortfall', 'ndpr', 'endUse', 't'), key('cumulativeShortfall', 'dy', 'endUse', 't'), key('policyCost', '', '', 'USD')],
};
const materials = { ids: ['ndpr', 'dy'], basePrices: [100, 1000] };

/** One material's run totals: demand D (t), received Q (t), spending on Q and unmet demand at market price (USD). */
interface Totals { demand: number; received: number; spending: number; unmetAtPrice: number }

/** A replicate as stressWorker returns it: the layout's summaries, then 4 extras per material. */
function replicate(replicateIndex: number, ndpr: Totals, dy: Totals): ReplicateResult {
  const extras = [ndpr, dy].flatMap((t) => [t.demand, t.spending, t.unmetAtPrice, t.received]);
  return { replicate: replicateIndex, series: new Float64Array(0), summaries: Float64Array.from([ndpr.demand - ndpr.received, dy.demand - dy.received, 0, ...extras]) };
}

// Undisturbed: NdPr 100 t bought at 100 USD/t, Dy 10 t bought at 1000 USD/t, nothing unmet.
const ndpr0 = { demand: 100, received: 100, spending: 10_000, unmetAtPrice: 0 };
const dy0 = { demand: 10, received: 10, spending: 10_000, unmetAtPrice: 0 };
// Disturbed, replicate 0: NdPr's price rises to 120 and end users thrift down to 60 t (spending
// 7,200, less than before); Dy's price stays at 1000 but 4 of its 10 t go unmet.
const ndpr1 = { demand: 60, received: 60, spending: 7_200, unmetAtPrice: 0 };
const dy1 = { demand: 10, received: 6, spending: 6_000, unmetAtPrice: 4_000 };

describe('computeEndUserLoss', () => {
  it('counts buying less because of a higher price as a loss, not a saving (hand-computed)', () => {
    const undisturbed = computeStressMeasures(layout, [replicate(0, ndpr0, dy0), replicate(1, ndpr0, dy0)], 'US', materials);
    const disturbed = computeStressMeasures(layout, [replicate(0, ndpr1, dy1), replicate(1, ndpr0, dy0)], 'US', materials);
    const loss = computeEndUserLoss(undisturbed, disturbed, materials);
    // NdPr: extra spending (120 − 100)·60 = 1,200; consumption the price removed 100·(100 − 60) = 4,000.
    // Dy: no price change; unmet demand 1000·4 − 1000·0 = 4,000.
    expect(Array.from(loss.extraSpending)).toEqual([1_200, 0]);
    expect(Array.from(loss.forgoneConsumptionValue)).toEqual([4_000, 0]);
    expect(Array.from(loss.unmetValueAtPrice)).toEqual([4_000, 0]);
    // 9,200, where the old "change in what the demand costs at market prices" gave
    // (7,200 + 6,000 + 4,000) − 20,000 = −2,800: a saving. Identical runs (replicate 1): exactly 0.
    expect(Array.from(loss.loss)).toEqual([9_200, 0]);
    // Net alternative: NdPr's 40 priced-out tonnes by the triangle ½·20·40 = 400 instead of 4,000.
    expect(Array.from(loss.surplusTriangleLoss)).toEqual([5_600, 0]);
    // Spending alone falls (−6,800): why it is reported but not the cost.
    expect(computeStageImpact(undisturbed.endUserSpending, disturbed.endUserSpending, 1).conditional.mean).toBe(-3_400);
  });

  it('is never negative when prices do not fall and end users receive no more', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const draw = (): [Totals, Totals] => {
      const price0 = 50 + 100 * random(), demand0 = 1 + 100 * random(), received0 = demand0 * random();
      const price1 = price0 * (1 + random()), demand1 = demand0 * random(), received1 = Math.min(received0, demand1 * random() + demand1 * 0.5);
      const totals = (price: number, demand: number, received: number): Totals =>
        ({ demand, received, spending: price * received, unmetAtPrice: price * (demand - received) });
      return [totals(price0, demand0, received0), totals(price1, demand1, received1)];
    };
    for (let i = 0; i < 200; i++) {
      const [a0, a1] = draw();
      const [b0, b1] = draw();
      const loss = computeEndUserLoss(computeStressMeasures(layout, [replicate(0, a0, b0)], 'US', materials),
        computeStressMeasures(layout, [replicate(0, a1, b1)], 'US', materials), materials);
      expect(loss.loss[0]).toBeGreaterThanOrEqual(-1e-9 * (a0.spending + b0.spending));
    }
  });
});
