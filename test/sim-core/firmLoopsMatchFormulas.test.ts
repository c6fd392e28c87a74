import { describe, expect, it } from 'vitest';
import { createWorld, step, type ScenarioSpec, type World } from '../../sim-core/index.ts';
import { MANUFACTURING, MINING, PROCESSING, RECYCLING } from '../../sim-core/world/world.ts';
import { beginTick } from '../../sim-core/phases/beginTick.ts';
import { applyEvents } from '../../sim-core/phases/applyEvents.ts';
import { advanceForeignActor } from '../../sim-core/phases/advanceForeignActor.ts';
import { advanceGovernment } from '../../sim-core/phases/advanceGovernment.ts';
import { advanceDiscovery } from '../../sim-core/phases/advanceDiscovery.ts';
import { advanceProducers, hostUtilisation, INPUT_MARKET } from '../../sim-core/phases/advanceProducers.ts';
import { advanceEndUse } from '../../sim-core/phases/advanceEndUse.ts';
import { collectEndOfLife } from '../../sim-core/phases/collectEndOfLife.ts';
import { clearMarkets } from '../../sim-core/phases/clearMarkets.ts';
import { settleAccounts } from '../../sim-core/phases/settleAccounts.ts';
import { advanceInvestment } from '../../sim-core/phases/advanceInvestment.ts';
import { cellCapacityOf } from '../../sim-core/world/firmTotals.ts';
import {
  bidOf, offerShareOf, termsAt, utilisationOf, TERM_COST_FACTOR, TERM_COVER_TICKS, TERM_CURRENT_PRICE, TERM_EXPECTED_PRICE,
  TERM_EXPECTED_INPUT_COST, TERM_HOARDING, TERM_IGNORE_COST, TERM_INPUT_COST, TERM_SOLD_SHARE, TERM_UTILISATION_PRICE, TERM_YIELD,
} from '../../sim-core/phases/firmDecisions.ts';
import { smallBaseline } from './engineHelpers.ts';

/**
 * The firm loops of production and settlement write the decision formulas out by hand (a call to
 * an imported function costs checks per firm; docs/performance.md). These tests hold them to the
 * reference formulas of firmDecisions.ts, bit for bit, firm by firm, so that the copies cannot drift.
 */

/** A world with outages, a price war and a demand shock, so that clamps and hoarding bind somewhere. */
function busySpec(): ScenarioSpec {
  const base = smallBaseline(3, 4);
  const region = base.regions[0].id;
  const material = base.materials[0].id;
  return {
    ...base,
    // Dy as a by-product of NdPr, so the by-product rule of production is held to its formula too.
    materials: base.materials.map((m) => (m.id === 'dy' ? { ...m, byproductOf: 'ndpr' } : m)),
    events: [
      { kind: 'cyberattack', stage: 'processing', region, facilityShare: 0.5, downtimeYears: 0.2, start: 0.3 },
      { kind: 'demandShock', material, multiplier: 2.5, start: 0.5 },
    ],
  } as ScenarioSpec;
}

interface FirmSnapshot { expectedSales: Float64Array; outputStock: Float64Array; inputStock: Float64Array; downtime: Float64Array }

function snapshot(world: World, stage: number): FirmSnapshot {
  const store = world.stores[stage];
  return {
    expectedSales: store.expectedSalesTonnesPerTick.slice(),
    outputStock: store.outputInventoryTonnes.slice(),
    inputStock: store.inputInventoryTonnes.slice(),
    downtime: Float64Array.from(store.downtimeTicks),
  };
}

/** Mismatches between production's loop and the reference formulas for one stage (run just now from `before`). */
function productionMismatches(world: World, stage: number, before: FirmSnapshot, scrap: Float64Array | null): string[] {
  const store = world.stores[stage];
  const terms = world.scratch.cellTerms;
  const { inventoryReleasePerTick: rate, inputOrderAdjustmentPerTick: orderRate, utilisationBand: band, supplyResponse } = world.spec.behaviour;
  const found: string[] = [];
  for (let c = 0; c < world.materials * world.regions; c++) {
    const t = termsAt(world, stage, c);
    const m = Math.floor(c / world.regions);
    const r = c - m * world.regions;
    const yieldShare = terms[t + TERM_YIELD];
    const cover = terms[t + TERM_COVER_TICKS];
    const expectedPrice = terms[t + TERM_EXPECTED_PRICE];
    const sOut = (m * 3 + [0, 1, 2, 1][stage]) * world.regions + r;
    const priceResponse = Math.pow(expectedPrice / world.markets.basePriceUsdPerTonne[sOut], supplyResponse);
    const capacityInCell = cellCapacityOf(world, stage, c);
    const cellAvailability = world.effective.availability[(stage * world.materials + m) * world.regions + r] * hostUtilisation(world, stage, m, r);
    for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
      if (store.alive[f] === 0) continue;
      const unitCost = store.unitCostUsdPerTonne[f] * terms[t + TERM_COST_FACTOR];
      const utilisation = terms[t + TERM_IGNORE_COST] !== 0 ? 1 : utilisationOf(terms[t + TERM_UTILISATION_PRICE], terms[t + TERM_EXPECTED_INPUT_COST], band, unitCost);
      const orderUtilisation = terms[t + TERM_IGNORE_COST] !== 0 ? 1 : utilisationOf(expectedPrice, terms[t + TERM_EXPECTED_INPUT_COST], band, unitCost);
      const sales = before.expectedSales[f];
      const up = before.downtime[f] > 0 ? 0 : 1;
      const byproduct = stage === 0 && world.hostMaterial[m] >= 0;
      let q = byproduct ? Infinity : Math.max(0, sales * priceResponse + rate * (cover * sales - before.outputStock[f]));
      q = Math.min(q, utilisation * cellAvailability * up * store.capacityTonnesPerTick[f]);
      if (INPUT_MARKET[stage] >= 0) {
        q = Math.min(q, before.inputStock[f] * yieldShare);
        const bid = bidOf(orderUtilisation, sales / yieldShare, before.inputStock[f] - q / yieldShare, orderRate, cover, terms[t + TERM_HOARDING]);
        if (!Object.is(store.bidTonnes[f], bid)) found.push(`stage ${stage} firm ${f}: bid ${store.bidTonnes[f]} vs formula ${bid}`);
      } else if (scrap !== null) {
        const scrapPerCapacity = capacityInCell > 0 ? scrap[c] / capacityInCell : 0;
        q = Math.min(q, scrapPerCapacity * store.capacityTonnesPerTick[f] * yieldShare);
      }
      if (!Object.is(store.producedTonnes[f], q)) found.push(`stage ${stage} firm ${f}: output ${store.producedTonnes[f]} vs formula ${q}`);
    }
  }
  return found;
}

/** Mismatches between settlement's offers and the reference offer share, in cells without price floors. */
function settlementMismatches(world: World, stage: number, stockBefore: Float64Array, produced: Float64Array): string[] {
  const store = world.stores[stage];
  const terms = world.scratch.cellTerms;
  const band = world.spec.behaviour.utilisationBand;
  const found: string[] = [];
  for (let c = 0; c < world.materials * world.regions; c++) {
    const t = termsAt(world, stage, c);
    for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
      if (store.alive[f] === 0) continue;
      const stock = stockBefore[f] + produced[f];
      const ask = store.unitCostUsdPerTonne[f] * terms[t + TERM_COST_FACTOR] + terms[t + TERM_INPUT_COST];
      const left = stock - stock * offerShareOf(terms[t + TERM_CURRENT_PRICE], band, ask) * terms[t + TERM_SOLD_SHARE];
      if (!Object.is(store.outputInventoryTonnes[f], left)) found.push(`stage ${stage} firm ${f}: stock ${store.outputInventoryTonnes[f]} vs formula ${left}`);
    }
  }
  return found;
}

/** One tick phase by phase, checking each production stage and settlement against the formulas. */
function checkedTick(world: World): string[] {
  const found: string[] = [];
  beginTick(world);
  applyEvents(world);
  advanceForeignActor(world);
  advanceGovernment(world);
  advanceDiscovery(world);
  for (const stage of [MINING, PROCESSING, MANUFACTURING]) {
    const before = snapshot(world, stage);
    advanceProducers(world, stage, null);
    found.push(...productionMismatches(world, stage, before, null));
  }
  advanceEndUse(world);
  collectEndOfLife(world, world.scratch.scrapTonnes);
  const recyclersBefore = snapshot(world, RECYCLING);
  advanceProducers(world, RECYCLING, world.scratch.scrapTonnes);
  found.push(...productionMismatches(world, RECYCLING, recyclersBefore, world.scratch.scrapTonnes));
  clearMarkets(world);
  const stocks = world.stores.map((store) => store.outputInventoryTonnes.slice());
  const produced = world.stores.map((store) => store.producedTonnes.slice());
  settleAccounts(world);
  for (let stage = 0; stage < 4; stage++) found.push(...settlementMismatches(world, stage, stocks[stage], produced[stage]));
  // The rest of the tick as step() runs it (no recorder).
  advanceInvestment(world);
  world.tick++;
  return found;
}

describe('firm loops written out by hand', () => {
  it('produce, bid and offer exactly as the reference formulas of firmDecisions.ts, firm by firm', () => {
    const world = createWorld(busySpec(), 7, 0);
    const mismatches: string[] = [];
    let checkedTicks = 0;
    while (world.tick < world.ticks) {
      if (world.tick % 13 === 5) {
        mismatches.push(...checkedTick(world).slice(0, 5));
        checkedTicks++;
      } else step(world, null);
    }
    expect(checkedTicks).toBeGreaterThan(5);
    expect(mismatches).toEqual([]);
  });
});
