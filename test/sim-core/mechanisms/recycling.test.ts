import { describe, expect, it } from 'vitest';
import type { ScenarioSpec } from '../../../sim-core/index.ts';
import { termsAt, TERM_COST_FACTOR } from '../../../sim-core/phases/firmDecisions.ts';
import { oneMaterial, RECYCLING, regionOf, runRecorded, simulate, total, withEvents } from './mechanismHelpers.ts';

/**
 * Paired runs of the recyclers' mechanisms: cost learning with cumulative volume, and collection
 * mandates. (Recycled output levels are not asserted: they depend on rules being reworked.)
 */

describe('recycling cost learning', () => {
  /** The cost factor the engine applied to the home recyclers' unit costs at every tick. */
  function costFactors(spec: ScenarioSpec): number[] {
    const factors: number[] = [];
    simulate(spec, 1, 0, (w) => factors.push(w.scratch.cellTerms[termsAt(w, RECYCLING, regionOf(w, 'US')) + TERM_COST_FACTOR]));
    return factors;
  }
  const learning = oneMaterial('cobalt', 3);
  const flat = oneMaterial('cobalt', 3, (s) => {
    s.materials[0].recycling.learningRate = 0;
  });
  const learned = costFactors(learning);

  it('lowers recyclers\' unit costs as cumulative volume grows (control: no learning keeps them at base)', () => {
    expect(costFactors(flat).every((f) => f === 1)).toBe(true);
    expect(learned.at(-1)).toBeLessThan(learned[0]);
    for (let t = 1; t < learned.length; t++) expect(learned[t]).toBeLessThanOrEqual(learned[t - 1]);
  });
  it('raises recyclers\' profit over the run', () => {
    const profit = (spec: ScenarioSpec) => total(runRecorded(spec).series('profit', 'recycling', ''));
    expect(profit(learning)).toBeGreaterThan(profit(flat));
  });
});

describe('recycling mandate', () => {
  /** End-of-life material collected as scrap in the home region over the run, t. */
  function collected(spec: ScenarioSpec, region = 'US'): number {
    let scrap = 0;
    simulate(spec, 1, 0, (w) => (scrap += w.scratch.scrapTonnes[regionOf(w, region)]));
    return scrap;
  }
  const cobalt = oneMaterial('cobalt', 2);
  const mandated = withEvents(cobalt, { kind: 'recyclingMandate', material: 'cobalt', region: 'US', collectionShare: 0.9, start: 0.25 });
  it('collects more end-of-life material where it applies (control: scrap is collected without it)', () => {
    const before = collected(cobalt);
    expect(before).toBeGreaterThan(0);
    expect(collected(mandated)).toBeGreaterThan(before * 1.2);
  });
  it('leaves other regions\' collection unchanged', () => {
    expect(collected(mandated, 'ALLIES')).toBe(collected(cobalt, 'ALLIES'));
  });
});
