import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld, step, measureMaterialStocks, measureMoney, type EventSpec, type ScenarioSpec } from '../../sim-core/index.ts';
import { smallBaseline } from './engineHelpers.ts';

const base = smallBaseline(1);
const materials = base.materials.map((m) => m.id);
const regions = base.regions.map((r) => r.id);
const stages = ['mining', 'processing', 'manufacturing'] as const;

/** Random events of several kinds, at random times, on random targets. */
const eventArbitrary: fc.Arbitrary<EventSpec> = fc.oneof(
  fc.record({ kind: fc.constant('exportControl' as const), material: fc.constantFrom(...materials), stage: fc.constantFrom(...stages), exporter: fc.constantFrom(...regions), mode: fc.constantFrom('quota' as const, 'licensing' as const, 'ban' as const), quotaShare: fc.double({ min: 0, max: 1, noNaN: true }), approvalRate: fc.double({ min: 0, max: 1, noNaN: true }), delayYears: fc.double({ min: 0, max: 0.5, noNaN: true }), destinations: fc.option(fc.subarray(regions, { minLength: 1 }), { nil: undefined }), start: fc.double({ min: 0, max: 0.8, noNaN: true }) }),
  fc.record({ kind: fc.constant('friendShoring' as const), members: fc.subarray(regions, { minLength: 2 }), preference: fc.double({ min: 0, max: 0.5, noNaN: true }), start: fc.double({ min: 0, max: 0.8, noNaN: true }) }),
  fc.record({ kind: fc.constant('outage' as const), material: fc.constantFrom(...materials), stage: fc.constantFrom('mining' as const, 'processing' as const, 'manufacturing' as const, 'recycling' as const), region: fc.constantFrom(...regions), capacityShare: fc.double({ min: 0, max: 1, noNaN: true }), start: fc.double({ min: 0, max: 0.8, noNaN: true }), end: fc.double({ min: 0.8, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('recyclingMandate' as const), material: fc.constantFrom(...materials), region: fc.constantFrom(...regions), collectionShare: fc.double({ min: 0, max: 1, noNaN: true }), start: fc.double({ min: 0, max: 0.8, noNaN: true }) }),
  fc.record({ kind: fc.constant('workforceProgramme' as const), region: fc.constantFrom(...regions), extraGraduatesPerYear: fc.integer({ min: 0, max: 2000 }), lagYears: fc.double({ min: 0, max: 1, noNaN: true }), budgetUsd: fc.double({ min: 0, max: 1e9, noNaN: true }), start: fc.double({ min: 0, max: 0.8, noNaN: true }) }),
  fc.record({ kind: fc.constant('tailingsReassessment' as const), material: fc.constantFrom(...materials), region: fc.constantFrom(...regions), capacityTonnesPerYear: fc.double({ min: 0, max: 1e5, noNaN: true }), leadYears: fc.double({ min: 0.05, max: 0.5, noNaN: true }), start: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
  fc.record({ kind: fc.constant('permittingReform' as const), region: fc.constantFrom(...regions), durationMultiplier: fc.double({ min: 0.1, max: 3, noNaN: true }), start: fc.double({ min: 0, max: 0.8, noNaN: true }) }),
  fc.record({ kind: fc.constant('cyberattack' as const), stage: fc.constantFrom('mining' as const, 'processing' as const), region: fc.constantFrom(...regions), facilityShare: fc.double({ min: 0, max: 1, noNaN: true }), downtimeYears: fc.double({ min: 0.01, max: 0.3, noNaN: true }), start: fc.double({ min: 0, max: 0.8, noNaN: true }) }),
  fc.record({ kind: fc.constant('stockpile' as const), material: fc.constantFrom(...materials), region: fc.constant(base.government.region), doctrine: fc.constantFrom('daysOfConsumption' as const, 'shortfall' as const, 'release' as const), targetDays: fc.integer({ min: 0, max: 120 }), releaseShortfallShare: fc.double({ min: 0, max: 0.2, noNaN: true }), maxBuyShare: fc.double({ min: 0, max: 0.5, noNaN: true }), initialDays: fc.integer({ min: 0, max: 60 }), budgetUsd: fc.double({ min: 0, max: 1e10, noNaN: true }), start: fc.double({ min: 0, max: 0.8, noNaN: true }) }),
  fc.record({ kind: fc.constant('tariff' as const), material: fc.constantFrom(...materials), stage: fc.constantFrom(...stages), importer: fc.constantFrom(...regions), rate: fc.double({ min: 0, max: 1, noNaN: true }), start: fc.double({ min: 0, max: 0.8, noNaN: true }) }),
  fc.record({ kind: fc.constant('priceManipulation' as const), material: fc.constantFrom(...materials), stage: fc.constantFrom(...stages), region: fc.constant(base.foreignActor.region), priceCut: fc.double({ min: 0, max: 0.6, noNaN: true }), budgetUsd: fc.double({ min: 0, max: 1e10, noNaN: true }), start: fc.double({ min: 0, max: 0.8, noNaN: true }) }),
  fc.record({ kind: fc.constant('demandShock' as const), material: fc.constantFrom(...materials), multiplier: fc.double({ min: 0.2, max: 3, noNaN: true }), start: fc.double({ min: 0, max: 0.8, noNaN: true }) }),
  fc.record({ kind: fc.constant('mineAcquisition' as const), material: fc.constantFrom(...materials), region: fc.constantFrom(...regions), acquirer: fc.constant(base.foreignActor.region), share: fc.double({ min: 0, max: 1, noNaN: true }), mode: fc.constant('offtake' as const), costUsd: fc.double({ min: 0, max: 1e9, noNaN: true }), start: fc.double({ min: 0, max: 0.8, noNaN: true }) }),
  fc.record({ kind: fc.constant('subsidy' as const), material: fc.constantFrom(...materials), stage: fc.constantFrom('processing' as const, 'recycling' as const), region: fc.constant(base.government.region), mode: fc.constantFrom('capex' as const, 'priceFloor' as const, 'offtake' as const, 'loanGuarantee' as const), hurdleReduction: fc.double({ min: 0, max: 0.1, noNaN: true }), capexShare: fc.double({ min: 0, max: 1, noNaN: true }), priceFloorUsdPerTonne: fc.double({ min: 0, max: 1e6, noNaN: true }), budgetUsd: fc.double({ min: 0, max: 1e10, noNaN: true }), start: fc.double({ min: 0, max: 0.8, noNaN: true }) }),
);

function withEvents(events: EventSpec[]): ScenarioSpec {
  return { ...base, events };
}

const relativeGap = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

/** The first negative stock, capacity, price or stockpile, or output above capacity, described; '' if none. */
function firstViolation(world: ReturnType<typeof createWorld>): string {
  for (const [k, store] of world.stores.entries()) {
    for (let i = 0; i < store.slots; i++) {
      if (!(store.outputInventoryTonnes[i] >= -1e-9)) return `store ${k} slot ${i}: output stock ${store.outputInventoryTonnes[i]}`;
      if (!(store.inputInventoryTonnes[i] >= -1e-9)) return `store ${k} slot ${i}: input stock ${store.inputInventoryTonnes[i]}`;
      if (!(store.capacityTonnesPerTick[i] >= 0)) return `store ${k} slot ${i}: capacity ${store.capacityTonnesPerTick[i]}`;
      if (!(store.producedTonnes[i] <= store.capacityTonnesPerTick[i] * (1 + 1e-12) + 1e-12)) return `store ${k} slot ${i}: produced ${store.producedTonnes[i]} above capacity ${store.capacityTonnesPerTick[i]}`;
    }
  }
  for (const [s, p] of world.markets.priceUsdPerTonne.entries()) if (!(p > 0)) return `segment ${s}: price ${p}`;
  for (const [c, s] of world.chain.stockpileTonnes.entries()) if (!(s >= -1e-9)) return `stockpile ${c}: ${s}`;
  return '';
}

describe('balances (every tick, random events)', () => {
  it('conserves mass per material and money overall, with no negative stocks or prices', () => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { maxLength: 4 }), fc.integer({ min: 0, max: 1000 }), (events, seed) => {
        const world = createWorld(withEvents(events), seed, 0);
        const money0 = measureMoney(world);
        const stocks = world.spec.materials.map((_, m) => measureMaterialStocks(world, m));
        for (let t = 0; t < world.ticks; t++) {
          step(world, null);
          for (let m = 0; m < world.materials; m++) {
            const now = measureMaterialStocks(world, m);
            const f = world.flows;
            const expected = stocks[m] + f.primaryTonnes[m] + f.secondaryTonnes[m] - f.consumptionTonnes[m] - f.lossTonnes[m];
            expect(relativeGap(now, expected), `mass of ${world.spec.materials[m].id} at tick ${t}`).toBeLessThan(1e-9);
            stocks[m] = now;
          }
          const scale = Math.max(1, ...world.stores.map((s) => s.cashUsd.reduce((a, b) => a + Math.abs(b), 0)));
          expect(Math.abs(measureMoney(world) - money0) / scale, `money at tick ${t}`).toBeLessThan(1e-9);
          // One expect per tick (an expect per slot made this test take ~36 s): the first violation, or ''.
          expect(firstViolation(world), `tick ${t}`).toBe('');
        }
      }),
      { numRuns: 25 },
    );
  });
});
