import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileScenario, createReplicateRunner, createWorld, step, type EventSpec, type ScenarioSpec, type World } from '../../sim-core/index.ts';
import { STOCKPILE_RELEASE_METRICS } from '../../sim-core/record/resultLayout.ts';
import { STOCKPILE_FORMS, STOCKPILE_TRIGGERS } from '../../sim-core/world/world.ts';
import { oneMaterial, regionOf, withEvents } from './mechanisms/mechanismHelpers.ts';

/**
 * What a stockpile sold, booked by the trigger of its offer (advanceGovernment → settleAccounts →
 * the summaries stockpileShortageReleaseTonnes, stockpilePriceSpikeReleaseTonnes, stockpileSteadyReleaseTonnes).
 */

type Doctrine = 'daysOfConsumption' | 'shortfall' | 'release';
const stockpile = (fields: Partial<{ doctrine: Doctrine; stage: 'processing' | 'manufacturing'; releaseShortfallShare: number; releasePriceMultiple: number; maxBuyShare: number; targetDays: number; initialDays: number }> = {}): EventSpec => ({
  kind: 'stockpile', material: 'graphite', region: 'US', doctrine: 'daysOfConsumption', targetDays: 60, releaseShortfallShare: 0.05,
  releasePriceMultiple: 1.5, maxBuyShare: 0.1, initialDays: 60, budgetUsd: 1e12, start: 0, ...fields,
});
/** A refinery outage in CN: the US refined price spikes above 1.5× base and US manufacturers go short. */
const outage = (capacityShare: number): EventSpec => ({ kind: 'outage', material: 'graphite', stage: 'processing', region: 'CN', capacityShare, start: 0.1 });
const graphite = oneMaterial('graphite', 1);

/** The stockpile's summaries by trigger (from the replicate runner, as outputs see them), t. */
function releasedByTrigger(spec: ScenarioSpec, stage = 'processing'): { shortage: number; priceSpike: number; steady: number } {
  const compiled = compileScenario(spec);
  const result = createReplicateRunner(compiled)(1, 0);
  const value = (metric: string) => {
    const i = compiled.layout.summaries.findIndex((key) => key.metric === metric && key.material === 'graphite' && key.stage === stage && key.region === 'US');
    if (i < 0) throw new Error(`no summary ${metric}`);
    expect(compiled.layout.summaries[i].unit).toBe('t');
    return result.summaries[i];
  };
  const [shortage, priceSpike, steady] = STOCKPILE_RELEASE_METRICS.map(value);
  return { shortage, priceSpike, steady };
}

/**
 * Runs the world tick by tick and measures, for its US graphite stockpile of `form`: the stock at the
 * start and the end, what it bought (bids × fill ratio) and what it sold (offers × sell ratio) tick by
 * tick, and the world's tally by trigger at the end.
 */
function traceStockpile(spec: ScenarioSpec, form: number, seed = 1): { start: number; end: number; bought: number; sold: number; byTrigger: number[]; world: World } {
  const world = createWorld(spec, seed, 0);
  const R = world.regions;
  const us = regionOf(world, 'US');
  const index = form * world.materials * R + us;
  const s = (1 + form) * R + us; // graphite is material 0: its refined (form 0) or component (form 1) market in the US
  const start = world.chain.stockpileTonnes[index];
  let bought = 0;
  let sold = 0;
  for (let t = 0; t < world.ticks; t++) {
    step(world, null);
    const mk = world.markets;
    bought += mk.stockpileBidTonnes[s] * mk.bidFillRatio[s];
    sold += mk.stockpileOfferTonnes[s] * mk.stockpileSellRatio[s];
  }
  const cells = STOCKPILE_FORMS * world.materials * world.regions;
  const byTrigger = Array.from({ length: STOCKPILE_TRIGGERS }, (_, k) => world.chain.stockpileReleasedByTriggerTonnes[k * cells + index]);
  return { start, end: world.chain.stockpileTonnes[index], bought, sold, byTrigger, world };
}

describe('stockpile releases by trigger', () => {
  it('books a days-of-consumption stockpile that never counts as short (releaseShortfallShare 1) to price spikes only', () => {
    const released = releasedByTrigger(withEvents(graphite, stockpile({ releaseShortfallShare: 1 }), outage(0.6)));
    expect(released.priceSpike).toBeGreaterThan(1000);
    expect(released.shortage).toBe(0);
    expect(released.steady).toBe(0);
  });

  it('books one that never sells into a spike (releasePriceMultiple 1000) to shortage only, under the same outage', () => {
    const released = releasedByTrigger(withEvents(graphite, stockpile({ releasePriceMultiple: 1000, releaseShortfallShare: 0.01 }), outage(0.6)));
    expect(released.shortage).toBeGreaterThan(1000);
    expect(released.priceSpike).toBe(0);
    expect(released.steady).toBe(0);
  });

  it('books the release doctrine\'s sale to steady release only (control: no outage, so no shortage or spike to mistake it for)', () => {
    const released = releasedByTrigger(withEvents(graphite, stockpile({ doctrine: 'release' })));
    expect(released.steady).toBeGreaterThan(100);
    expect(released.shortage + released.priceSpike).toBe(0);
  });

  it('splits a stockpile released by both shortage and a spike, and the parts add up to what it sold and what its stock lost', () => {
    const spec = withEvents(graphite, stockpile(), outage(0.6));
    const trace = traceStockpile(spec, 0);
    const [shortage, priceSpike, steady] = trace.byTrigger;
    expect(shortage).toBeGreaterThan(0);
    expect(priceSpike).toBeGreaterThan(shortage);
    expect(steady).toBe(0);
    const total = shortage + priceSpike + steady;
    // Mass balance of the stock: start + bought − sold = end (no offtake here).
    expect(Math.abs(trace.start + trace.bought - total - trace.end)).toBeLessThan(1e-9 * trace.start);
    expect(Math.abs(total - trace.sold)).toBeLessThan(1e-9 * trace.sold);
    // The summaries the runner returns are this tally.
    const summaries = releasedByTrigger(spec);
    expect([summaries.shortage, summaries.priceSpike, summaries.steady]).toEqual(trace.byTrigger);
  });

  it('keeps the mass balance and each doctrine\'s triggers in random worlds (any doctrine, form, thresholds, disruption and seed)', () => {
    const world = fc.record({
      doctrine: fc.constantFrom<Doctrine>('daysOfConsumption', 'shortfall', 'release'),
      form: fc.constantFrom(0, 1),
      releaseShortfallShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
      releasePriceMultiple: fc.double({ min: 1, max: 2.5, noNaN: true }),
      maxBuyShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
      targetDays: fc.integer({ min: 0, max: 120 }),
      initialDays: fc.integer({ min: 0, max: 90 }),
      outageShare: fc.double({ min: 0, max: 0.9, noNaN: true }),
      ticksPerYear: fc.constantFrom(12, 52),
      seed: fc.integer({ min: 0, max: 1000 }),
    });
    const released = [0, 0, 0]; // runs that released on each trigger: the check below is not vacuous
    fc.assert(fc.property(world, (w) => {
      const base = { ...graphite, ticksPerYear: w.ticksPerYear };
      const event = stockpile({ doctrine: w.doctrine, stage: w.form === 1 ? 'manufacturing' : 'processing', releaseShortfallShare: w.releaseShortfallShare, releasePriceMultiple: w.releasePriceMultiple, maxBuyShare: w.maxBuyShare, targetDays: w.targetDays, initialDays: w.initialDays });
      const trace = traceStockpile(withEvents(base, event, outage(w.outageShare)), w.form, w.seed);
      const [shortage, priceSpike, steady] = trace.byTrigger;
      const total = shortage + priceSpike + steady;
      trace.byTrigger.forEach((tonnes, k) => { if (tonnes > 0) released[k]++; });
      const scale = Math.max(1, trace.start, trace.bought);
      expect(Math.min(shortage, priceSpike, steady)).toBeGreaterThanOrEqual(0);
      expect(Math.abs(trace.start + trace.bought - total - trace.end)).toBeLessThan(1e-9 * scale);
      expect(Math.abs(total - trace.sold)).toBeLessThan(1e-9 * scale);
      // A doctrine releases only on its own triggers (docs/model.md §3, stockpile orders).
      if (w.doctrine === 'release') expect(shortage + priceSpike).toBe(0);
      if (w.doctrine === 'shortfall') expect(priceSpike + steady).toBe(0);
      if (w.doctrine === 'daysOfConsumption') expect(steady).toBe(0);
    }), { numRuns: 24, seed: 20261202 });
    expect(released.every((runs) => runs > 0), `runs releasing on shortage, price spike, steady: ${released.join(', ')}`).toBe(true);
  });
});
