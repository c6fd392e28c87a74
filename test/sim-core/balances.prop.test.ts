import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld, step, measureMaterialStocks, measureMoney, type EventSpec, type ScenarioSpec, type World } from '../../sim-core/index.ts';
import { smallBaseline } from './engineHelpers.ts';

const full = smallBaseline(1);
const regions = full.regions.map((r) => r.id);
const traded = ['mining', 'processing', 'manufacturing'] as const;
const capacityStages = ['mining', 'processing', 'manufacturing', 'recycling'] as const;
const home = full.government.region;
const actor = full.foreignActor.region;

/** A small world: the horizon, time step, resolution, election cycle, exit rule and one or two materials. */
interface WorldShape {
  years: number;
  ticksPerYear: number;
  firmsPerCapacityCell: number;
  sizeSigma: number;
  entrantHeadroom: number;
  electionEveryYears: number;
  reversalProbability: number;
  exitAfterLossWeeks: number;
  materials: string[];
  /** Makes the second material a by-product of the first (exercises the host coupling). */
  byproduct: boolean;
  /** How the foreign actor's rule-driven price wars reach the market. */
  priceWarMode: 'leadership' | 'exportDiscount';
}

const shapeArbitrary: fc.Arbitrary<WorldShape> = fc.record({
  years: fc.integer({ min: 3, max: 6 }),
  ticksPerYear: fc.constantFrom(12, 26, 52),
  firmsPerCapacityCell: fc.integer({ min: 1, max: 4 }),
  sizeSigma: fc.double({ min: 0, max: 1.5, noNaN: true }),
  entrantHeadroom: fc.double({ min: 0, max: 1, noNaN: true }),
  electionEveryYears: fc.double({ min: 0.5, max: 5, noNaN: true }),
  reversalProbability: fc.double({ min: 0, max: 1, noNaN: true }),
  exitAfterLossWeeks: fc.integer({ min: 1, max: 156 }),
  materials: fc.shuffledSubarray(full.materials.map((m) => m.id), { minLength: 1, maxLength: 2 }),
  byproduct: fc.boolean(),
  priceWarMode: fc.constantFrom('leadership' as const, 'exportDiscount' as const),
});

/** Fields every event may carry: start within the horizon, an optional end, announcement and reversibility. */
function timing(years: number) {
  return {
    start: fc.double({ min: 0, max: years * 0.9, noNaN: true }),
    end: fc.option(fc.double({ min: years * 0.2, max: years * 1.1, noNaN: true }), { nil: undefined }),
    announced: fc.option(fc.double({ min: 0, max: years * 0.5, noNaN: true }), { nil: undefined }),
    reversible: fc.option(fc.boolean(), { nil: undefined }),
  };
}

const share = fc.double({ min: 0, max: 1, noNaN: true });
const budget = fc.double({ min: 0, max: 1e10, noNaN: true });
/** A subsidy's budget: often small enough that a price floor or offtake spends it within the run. */
const subsidyBudget = fc.oneof(budget, fc.double({ min: 0, max: 1e7, noNaN: true }));
/** Optional running cost and budget of a regulatory instrument (both may be absent). */
const runningCost = { costUsdPerYear: fc.double({ min: 0, max: 1e9, noNaN: true }), budgetUsd: budget };

/** Every kind of event, with every mode, on random targets among the world's materials. */
function eventArbitrary(shape: WorldShape): fc.Arbitrary<EventSpec> {
  const material = fc.constantFrom(...shape.materials);
  const region = fc.constantFrom(...regions);
  const t = timing(shape.years);
  const kinds: Array<fc.Arbitrary<EventSpec>> = [
    fc.record({ kind: fc.constant('exportControl' as const), material, stage: fc.constantFrom(...traded), exporter: region, mode: fc.constantFrom('quota' as const, 'licensing' as const, 'ban' as const), quotaShare: share, quotaTonnesPerYear: fc.double({ min: 0, max: 50_000, noNaN: true }), approvalRate: share, delayYears: fc.double({ min: 0, max: 0.5, noNaN: true }), destinations: fc.option(fc.subarray(regions, { minLength: 1 }), { nil: undefined }), ...t }, { requiredKeys: ['kind', 'material', 'stage', 'exporter', 'mode', 'start'] }),
    fc.record({ kind: fc.constant('technologyBan' as const), exporter: region, stage: fc.constantFrom(...capacityStages), constructionMultiplier: fc.double({ min: 0.2, max: 5, noNaN: true }), ...t }, { requiredKeys: ['kind', 'exporter', 'stage', 'constructionMultiplier', 'start'] }),
    fc.record({ kind: fc.constant('priceManipulation' as const), material, stage: fc.constantFrom(...traded), region: fc.constantFrom(actor, ...regions), priceCut: fc.double({ min: 0, max: 0.6, noNaN: true }), budgetUsd: budget, mode: fc.constantFrom('leadership' as const, 'exportDiscount' as const), ...t }, { requiredKeys: ['kind', 'material', 'stage', 'region', 'priceCut', 'budgetUsd', 'mode', 'start'] }),
    fc.record({ kind: fc.constant('cyberattack' as const), stage: fc.constantFrom(...capacityStages), region, material: fc.option(material, { nil: undefined }), facilityShare: share, downtimeYears: fc.double({ min: 0.01, max: 0.5, noNaN: true }), ...t }, { requiredKeys: ['kind', 'stage', 'region', 'facilityShare', 'downtimeYears', 'start'] }),
    fc.record({ kind: fc.constant('stockpile' as const), material, region: fc.constantFrom(home, ...regions), doctrine: fc.constantFrom('daysOfConsumption' as const, 'shortfall' as const, 'release' as const), stage: fc.constantFrom('processing' as const, 'manufacturing' as const), targetDays: fc.integer({ min: 0, max: 120 }), releaseShortfallShare: fc.double({ min: 0, max: 0.2, noNaN: true }), releasePriceMultiple: fc.double({ min: 1, max: 3, noNaN: true }), maxBuyShare: fc.double({ min: 0, max: 0.5, noNaN: true }), initialDays: fc.integer({ min: 0, max: 60 }), budgetUsd: budget, carryingCostSharePerYear: fc.double({ min: 0, max: 0.2, noNaN: true }), ...t }, { requiredKeys: ['kind', 'material', 'region', 'doctrine', 'targetDays', 'releaseShortfallShare', 'releasePriceMultiple', 'maxBuyShare', 'budgetUsd', 'carryingCostSharePerYear', 'start'] }),
    fc.record({ kind: fc.constant('tariff' as const), material, stage: fc.constantFrom(...traded), importer: region, exporters: fc.option(fc.subarray(regions, { minLength: 1 }), { nil: undefined }), rate: fc.double({ min: 0, max: 2, noNaN: true }), ...runningCost, ...t }, { requiredKeys: ['kind', 'material', 'stage', 'importer', 'rate', 'start'] }),
    fc.record({ kind: fc.constant('friendShoring' as const), members: fc.subarray(regions, { minLength: 2 }), preference: fc.double({ min: 0, max: 0.5, noNaN: true }), ...runningCost, ...t }, { requiredKeys: ['kind', 'members', 'preference', 'start'] }),
    fc.record({ kind: fc.constantFrom('permittingReform' as const, 'disinformation' as const), region, durationMultiplier: fc.double({ min: 0.1, max: 5, noNaN: true }), ...runningCost, ...t }, { requiredKeys: ['kind', 'region', 'durationMultiplier', 'start'] }),
    fc.record({ kind: fc.constant('subsidy' as const), material, stage: fc.constantFrom(...capacityStages), region: fc.constantFrom(home, ...regions), mode: fc.constantFrom('capex' as const, 'priceFloor' as const, 'offtake' as const, 'loanGuarantee' as const), hurdleReduction: fc.double({ min: 0, max: 0.2, noNaN: true }), capexShare: share, priceFloorUsdPerTonne: fc.double({ min: 0, max: 1e7, noNaN: true }), budgetUsd: subsidyBudget, ...t }, { requiredKeys: ['kind', 'material', 'stage', 'region', 'mode', 'budgetUsd', 'start'] }),
    fc.record({ kind: fc.constant('recyclingMandate' as const), material, region, collectionShare: share, ...runningCost, ...t }, { requiredKeys: ['kind', 'material', 'region', 'collectionShare', 'start'] }),
    fc.record({ kind: fc.constant('workforceProgramme' as const), region, extraGraduatesPerYear: fc.integer({ min: 0, max: 5000 }), lagYears: fc.double({ min: 0, max: 3, noNaN: true }), budgetUsd: fc.double({ min: 0, max: 1e9, noNaN: true }), ...t }, { requiredKeys: ['kind', 'region', 'extraGraduatesPerYear', 'lagYears', 'budgetUsd', 'start'] }),
    fc.record({ kind: fc.constant('demandShock' as const), material, region: fc.option(region, { nil: undefined }), multiplier: fc.double({ min: 0, max: 3, noNaN: true }), ...t }, { requiredKeys: ['kind', 'material', 'multiplier', 'start'] }),
    fc.record({ kind: fc.constant('outage' as const), material, stage: fc.constantFrom(...capacityStages), region, capacityShare: share, ...t }, { requiredKeys: ['kind', 'material', 'stage', 'region', 'capacityShare', 'start'] }),
    fc.record({ kind: fc.constant('mineAcquisition' as const), material, region, acquirer: fc.constantFrom(actor, ...regions), share, mode: fc.constantFrom('acquisition' as const, 'offtake' as const), costUsd: fc.double({ min: 0, max: 1e10, noNaN: true }), ...t }, { requiredKeys: ['kind', 'material', 'region', 'acquirer', 'share', 'mode', 'costUsd', 'start'] }),
    fc.record({ kind: fc.constant('tailingsReassessment' as const), material, region, capacityTonnesPerYear: fc.double({ min: 0, max: 1e5, noNaN: true }), leadYears: fc.double({ min: 0.05, max: 2, noNaN: true }), ...t }, { requiredKeys: ['kind', 'material', 'region', 'capacityTonnesPerYear', 'leadYears', 'start'] }),
  ];
  return fc.oneof(...kinds);
}

/** The small baseline reshaped: its horizon, resolution, government and materials replaced. */
function buildSpec(shape: WorldShape, events: EventSpec[]): ScenarioSpec {
  const materials = structuredClone(full.materials.filter((m) => shape.materials.includes(m.id)));
  if (shape.byproduct && materials.length === 2) materials[1].byproductOf = materials[0].id;
  return {
    ...full,
    years: shape.years,
    ticksPerYear: shape.ticksPerYear,
    materials,
    uncertainties: [],
    events,
    resolution: { firmsPerCapacityCell: shape.firmsPerCapacityCell, sizeSigma: shape.sizeSigma, entrantHeadroom: shape.entrantHeadroom },
    government: { ...full.government, electionEveryYears: shape.electionEveryYears, reversalProbability: shape.reversalProbability },
    behaviour: { ...full.behaviour, exitAfterLossWeeks: shape.exitAfterLossWeeks },
    foreignActor: { ...full.foreignActor, rules: { ...full.foreignActor.rules, priceWarMode: shape.priceWarMode } },
  };
}

const scenarioArbitrary = shapeArbitrary.chain((shape) =>
  fc.record({ shape: fc.constant(shape), events: fc.array(eventArbitrary(shape), { maxLength: 6 }), seed: fc.integer({ min: 0, max: 1000 }) }));

const relativeGap = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
/** A quantity that should be ≥ 0, allowing rounding relative to the scale it was computed at. */
const negative = (x: number, scale = 1) => !(x >= -1e-9 * Math.max(1, scale));

/** The first negative stock, capacity, price or stockpile, or output above capacity, described; '' if none. */
function firstFirmViolation(world: World): string {
  for (const [k, store] of world.stores.entries()) {
    for (let i = 0; i < store.slots; i++) {
      if (negative(store.outputInventoryTonnes[i])) return `store ${k} slot ${i}: output stock ${store.outputInventoryTonnes[i]}`;
      if (negative(store.inputInventoryTonnes[i])) return `store ${k} slot ${i}: input stock ${store.inputInventoryTonnes[i]}`;
      if (!(store.capacityTonnesPerTick[i] >= 0)) return `store ${k} slot ${i}: capacity ${store.capacityTonnesPerTick[i]}`;
      // A firm that exited this tick produced before its capacity went: only live firms' output is checked.
      if (store.alive[i] === 1 && !(store.producedTonnes[i] <= store.capacityTonnesPerTick[i] * (1 + 1e-12) + 1e-12)) return `store ${k} slot ${i}: produced ${store.producedTonnes[i]} above capacity ${store.capacityTonnesPerTick[i]}`;
    }
  }
  return '';
}

/**
 * Every stage cell's production against its live capacity; '' if none is above. Capacity only grows
 * within a tick (completions come before production) except through exits, so cells of a stage and
 * region with an entry or exit this tick are skipped.
 */
function firstStageViolation(world: World): string {
  const { materials: M, regions: R } = world;
  for (let stage = 0; stage < 4; stage++) {
    const store = world.stores[stage];
    for (let c = 0; c < M * R; c++) {
      if (world.exits[stage * R + (c % R)] + world.entries[stage * R + (c % R)] > 0) continue;
      let capacity = 0;
      for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) capacity += store.alive[f] * store.capacityTonnesPerTick[f];
      const produced = world.flows.productionTonnes[stage * M * R + c];
      if (negative(produced) || produced > capacity * (1 + 1e-12) + 1e-12) return `stage ${stage} cell ${c}: produced ${produced} with live capacity ${capacity}`;
    }
  }
  return '';
}

/** Terminal stocks, goods in transit, exports within offers, unmet demand, prices and stockpiles; '' if all sound. */
function firstMarketViolation(world: World): string {
  const mk = world.markets;
  for (let s = 0; s < mk.priceUsdPerTonne.length; s++) {
    if (!(mk.priceUsdPerTonne[s] > 0)) return `segment ${s}: price ${mk.priceUsdPerTonne[s]}`;
    if (negative(mk.terminalAlliedTonnes[s]) || negative(mk.terminalOtherTonnes[s])) return `segment ${s}: terminal stocks ${mk.terminalAlliedTonnes[s]}, ${mk.terminalOtherTonnes[s]}`;
    if (negative(mk.exportedTonnes[s]) || mk.exportedTonnes[s] > mk.firmOfferTonnes[s] * (1 + 1e-12) + 1e-9) return `segment ${s}: exported ${mk.exportedTonnes[s]} of ${mk.firmOfferTonnes[s]} offered`;
  }
  for (let i = 0; i < mk.transitAlliedTonnes.length; i++) {
    if (negative(mk.transitAlliedTonnes[i]) || negative(mk.transitOtherTonnes[i])) return `transit slot ${i}: ${mk.transitAlliedTonnes[i]}, ${mk.transitOtherTonnes[i]}`;
  }
  const f = world.flows;
  for (let b = 0; b < f.unmetTonnes.length; b++) {
    if (negative(f.unmetTonnes[b], f.demandTonnes[b]) || f.unmetTonnes[b] > f.demandTonnes[b] * (1 + 1e-9) + 1e-9) return `buyer market ${b}: unmet ${f.unmetTonnes[b]} of demand ${f.demandTonnes[b]}`;
  }
  for (let c = 0; c < f.publicUnmetTonnes.length; c++) {
    if (negative(f.publicUnmetTonnes[c]) || f.publicUnmetTonnes[c] > f.unmetTonnes[2 * world.materials * world.regions + c] * (1 + 1e-9) + 1e-9) return `cell ${c}: public unmet ${f.publicUnmetTonnes[c]}`;
  }
  for (const [c, s] of world.chain.stockpileTonnes.entries()) if (negative(s)) return `stockpile ${c}: ${s}`;
  // Budgets are spent to the last dollar and never overdrawn (price cuts, stockpiles, programmes, capex
  // subsidies, price floors and offtakes), to rounding relative to the budget.
  for (const [e, left] of world.eventState.budgetLeftUsd.entries()) {
    const event = world.spec.events[e];
    if (negative(left, 'budgetUsd' in event && event.budgetUsd !== undefined ? event.budgetUsd : 0)) return `event ${e} (${event.kind}): budget left ${left}`;
  }
  if (negative(world.foreignActor.budgetLeftUsd, world.spec.foreignActor.rules.budgetUsd)) return `foreign actor: budget left ${world.foreignActor.budgetLeftUsd}`;
  return '';
}

describe('balances (every tick, random worlds and events)', () => {
  it('conserves mass per material and money overall, with no negative stocks, transit, unmet demand or prices, and nothing above capacity', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ shape, events, seed }) => {
        const world = createWorld(buildSpec(shape, events), seed, 0);
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
          expect(firstFirmViolation(world) || firstStageViolation(world) || firstMarketViolation(world), `tick ${t}`).toBe('');
        }
      }),
      { numRuns: 50 },
    );
  });
});
