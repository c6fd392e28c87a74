import { describe, expect, it } from 'vitest';
import type { EventSpec, ScenarioSpec, SubsidyEvent } from '../../../sim-core/index.ts';
import { liveCapacity, oneMaterial, pipelineCapacity, PROCESSING, regionOf, simulate, withEvents } from './mechanismHelpers.ts';

/**
 * Paired runs of public support for investment: price floors, offtake guarantees, capex subsidies
 * and loan guarantees, each against the same world without it, and the discount private investors
 * apply to support that an election may reverse.
 */

/** Lithium: home refining capacity grows under support within three years (graphite's pending plant blocks greenfield). */
const lithium = (reversalProbability: number) => oneMaterial('lithium', 3, (s) => {
  s.government.reversalProbability = reversalProbability;
  s.government.electionEveryYears = 4;
});
const basePrice = lithium(0).materials[0].basePriceUsdPerTonne.processing;

/**
 * Investment decisions are lumpy (a greenfield plant is 5% of world capacity): results are summed over
 * replicates. With the session-20 refit the lithium world's greenfield NPV sits near 0 in some runs,
 * where a small push from the market starts a plant of ~16,500 t/yr; 16 replicates keep one such plant
 * from deciding a comparison (with 4, one plant in one run made a reversible floor look undiscounted).
 */
const REPLICATES = Array.from({ length: 16 }, (_, i) => i);

/** Home refining capacity at the end, live plus committed in the pipeline, t/yr, summed over the replicates. */
function committedCapacity(spec: ScenarioSpec): number {
  return REPLICATES.reduce((sum, replicate) => {
    const world = simulate(spec, 1, replicate);
    const us = regionOf(world, 'US');
    return sum + (liveCapacity(world, PROCESSING, us) + pipelineCapacity(world, PROCESSING, us)) * world.ticksPerYear;
  }, 0);
}

/**
 * A US refining subsidy. It is reversible, but the first election (year 4) comes after the horizon,
 * so between reversal probabilities only the investors' discount differs.
 */
const support = (mode: SubsidyEvent['mode'], terms: Partial<SubsidyEvent>): EventSpec => ({
  kind: 'subsidy', material: 'lithium', stage: 'processing', region: 'US', mode, budgetUsd: 1e12, start: 0, ...terms,
});
const instruments: Array<[string, EventSpec]> = [
  ['a price floor', support('priceFloor', { priceFloorUsdPerTonne: 2 * basePrice })],
  ['an offtake guarantee', support('offtake', { priceFloorUsdPerTonne: 2 * basePrice })],
  ['a capex subsidy', support('capex', { capexShare: 0.9 })],
  ['a loan guarantee', support('loanGuarantee', { hurdleReduction: 0.1 })],
];

describe('public support for investment', () => {
  const without = committedCapacity(lithium(0));
  it.each(instruments)('%s raises home capacity built and committed', (_, event) => {
    expect(committedCapacity(withEvents(lithium(0), event))).toBeGreaterThan(without * 1.01);
  });
  /** Capacity a support adds at reversal probability 0.9, and what it adds when sure, t/yr summed over the replicates. */
  const gainsOf = (event: EventSpec) => {
    const risky = lithium(0.9);
    return {
      gainWhenSure: committedCapacity(withEvents(lithium(0), event)) - without,
      gainAtRisk: committedCapacity(withEvents(risky, event)) - committedCapacity(risky),
    };
  };
  it.each(instruments)('investors discount %s by the risk of reversal (at reversal probability 0.9 it adds little)', (_, event) => {
    const { gainWhenSure, gainAtRisk } = gainsOf(event);
    expect(gainAtRisk).toBeLessThan(gainWhenSure * 0.25);
  });
  it.each(instruments)('investors do not discount %s that cannot be reversed (reversible: false)', (_, event) => {
    const firm = { ...event, reversible: false } as EventSpec;
    expect(committedCapacity(withEvents(lithium(0.9), firm))).toBe(committedCapacity(withEvents(lithium(0), firm)));
  });
  it('sees no election within the horizon (the runs differ only by the discount)', () => {
    expect(simulate(withEvents(lithium(0.9), instruments[0][1])).eventState.reversedAtTick[0]).toBe(-1);
  });
  it('has no effect when its budget is spent', () => {
    expect(committedCapacity(withEvents(lithium(0), { ...instruments[2][1], budgetUsd: 0 } as EventSpec))).toBe(without);
  });
});

describe('investors who fear the foreign actor\'s price wars (behaviour.priceWarRisk)', () => {
  const fearing = (risk: number) => oneMaterial('lithium', 3, (s) => {
    s.government.reversalProbability = 0;
    s.behaviour.priceWarRisk = risk;
  });
  const floor = support('priceFloor', { priceFloorUsdPerTonne: 2 * basePrice });

  it('build less at home when they expect to lose part of the price to its price wars', () => {
    expect(committedCapacity(fearing(0))).toBe(committedCapacity(lithium(0))); // 0 is the default: the same world
    expect(committedCapacity(fearing(0.5))).toBeLessThan(committedCapacity(fearing(0)) * 0.99);
  });

  it('a price floor covers that fear: under it, home capacity is close to what it is without the fear', () => {
    const withoutFear = committedCapacity(withEvents(fearing(0), floor));
    const withFear = committedCapacity(withEvents(fearing(0.5), floor));
    expect(withFear).toBeGreaterThan(0.95 * withoutFear);
    // So the floor buys more capacity where investors fear price wars.
    expect(withFear - committedCapacity(fearing(0.5))).toBeGreaterThan(withoutFear - committedCapacity(fearing(0)));
  });
});
