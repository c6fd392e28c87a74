import { describe, expect, it } from 'vitest';
import { createWorld, type ScenarioSpec, type SubsidyEvent, type World } from '../../../sim-core/index.ts';
import { beginTick } from '../../../sim-core/phases/beginTick.ts';
import { applyEvents } from '../../../sim-core/phases/applyEvents.ts';
import { advanceForeignActor } from '../../../sim-core/phases/advanceForeignActor.ts';
import { advanceGovernment } from '../../../sim-core/phases/advanceGovernment.ts';
import { advanceDiscovery } from '../../../sim-core/phases/advanceDiscovery.ts';
import { advanceMining } from '../../../sim-core/phases/advanceMining.ts';
import { advanceProcessing } from '../../../sim-core/phases/advanceProcessing.ts';
import { advanceManufacturing } from '../../../sim-core/phases/advanceManufacturing.ts';
import { advanceEndUse } from '../../../sim-core/phases/advanceEndUse.ts';
import { advanceRecycling } from '../../../sim-core/phases/advanceRecycling.ts';
import { clearMarkets } from '../../../sim-core/phases/clearMarkets.ts';
import { settleAccounts } from '../../../sim-core/phases/settleAccounts.ts';
import { advanceInvestment } from '../../../sim-core/phases/advanceInvestment.ts';
import { INPUT_MARKET, OUTPUT_MARKET } from '../../../sim-core/phases/advanceProducers.ts';
import {
  offerShareOf, termsAt, TERM_COST_FACTOR, TERM_CURRENT_PRICE, TERM_FILL, TERM_INPUT_COST, TERM_INPUT_PRICE, TERM_REVENUE_PER_OFFERED,
} from '../../../sim-core/phases/firmDecisions.ts';
import { MINING, oneMaterial, PROCESSING, regionOf, withEvents } from './mechanismHelpers.ts';

/**
 * A US price floor (and an offtake guarantee) on NdPr at three times the base price, from week 4,
 * with a budget of a third of what the floor would pay over two years: it runs out mid-run. Its
 * budget is never overdrawn, the tick it runs out pays exactly what was left, and the cell's firms
 * receive exactly what the government pays (docs/model.md G9).
 *
 * Tolerance: a relative 1e-9. The cap spreads what is left over the cell's sold tonnes, so the firms'
 * payments add up to it only up to the rounding of a sum of a few products (~1e-16 each, relative);
 * a firm's receipt is recovered from its cash, so it carries the rounding of its cash balance and of
 * its other revenue and costs, which the tolerance is taken relative to.
 */
const STAGES = [['priceFloor', MINING], ['offtake', PROCESSING]] as const;
const STAGE_NAMES = ['mining', 'processing', 'manufacturing', 'recycling'] as const;

function floorSpec(mode: 'priceFloor' | 'offtake', stage: number, budgetUsd: number): ScenarioSpec {
  const spec = oneMaterial('ndpr', 2);
  const world = createWorld(spec, 1, 0);
  const base = world.markets.basePriceUsdPerTonne[OUTPUT_MARKET[stage] * world.regions + regionOf(world, 'US')];
  const floor: SubsidyEvent = {
    kind: 'subsidy', region: 'US', material: 'ndpr', stage: STAGE_NAMES[stage], mode, priceFloorUsdPerTonne: 3 * base, budgetUsd, start: 4 / 52,
  };
  return withEvents(spec, floor);
}

/** What one tick's settlement did: the budget before and after, the home government's payment, and what the cell's firms received from it. */
interface Settled { leftBefore: number; leftAfter: number; governmentPaid: number; firmsReceived: number; scale: number }

/** Runs one tick as step() does (no recorder), watching settlement of the US cell of `stage`. */
function watchedTick(world: World, stage: number): Settled {
  beginTick(world);
  applyEvents(world);
  advanceForeignActor(world);
  advanceGovernment(world);
  advanceDiscovery(world);
  advanceMining(world);
  advanceProcessing(world);
  advanceManufacturing(world);
  advanceEndUse(world);
  advanceRecycling(world);
  clearMarkets(world);
  const store = world.stores[stage];
  const c = regionOf(world, 'US');
  const from = store.cellStart[c];
  const to = from + store.cellUsedSlots[c];
  const cash = store.cashUsd.slice(from, to);
  const stock = store.outputInventoryTonnes.slice(from, to);
  const home = world.government.region;
  const government = world.ledger.governmentUsd[home];
  const leftBefore = world.eventState.budgetLeftUsd[0];
  settleAccounts(world);
  const leftAfter = world.eventState.budgetLeftUsd[0];
  const governmentPaid = government - world.ledger.governmentUsd[home];
  // Each firm's receipt: its cash change less what it earned and paid besides (settleFirmCells.ts's profit).
  const terms = world.scratch.cellTerms;
  const t = termsAt(world, stage, c);
  const band = world.spec.behaviour.utilisationBand;
  let firmsReceived = 0;
  let scale = governmentPaid;
  for (let f = from; f < to; f++) {
    if (store.alive[f] === 0) continue;
    const q = store.producedTonnes[f];
    const unitCost = store.unitCostUsdPerTonne[f] * terms[t + TERM_COST_FACTOR];
    const offered = (stock[f - from] + q) * offerShareOf(terms[t + TERM_CURRENT_PRICE], band, unitCost + terms[t + TERM_INPUT_COST]);
    const revenue = offered * terms[t + TERM_REVENUE_PER_OFFERED];
    const inputPaid = INPUT_MARKET[stage] >= 0 ? store.bidTonnes[f] * terms[t + TERM_FILL] * terms[t + TERM_INPUT_PRICE] : 0;
    firmsReceived += store.cashUsd[f] - cash[f - from] - revenue + q * unitCost + inputPaid;
    scale += Math.abs(cash[f - from]) + Math.abs(revenue) + q * unitCost + inputPaid;
  }
  advanceInvestment(world);
  world.tick++;
  return { leftBefore, leftAfter, governmentPaid, firmsReceived, scale };
}

function run(spec: ScenarioSpec, stage: number): Settled[] {
  const world = createWorld(spec, 1, 0);
  const ticks: Settled[] = [];
  for (let t = 0; t < world.ticks; t++) ticks.push(watchedTick(world, stage));
  return ticks;
}

describe('a price floor\'s budget', () => {
  it.each(STAGES)('is never overdrawn; the tick it runs out pays what was left, and firms receive what the government pays (%s)', (mode, stage) => {
    // What the floor would pay over the run with an unlimited budget; a third of it runs out mid-run.
    const unlimited = run(floorSpec(mode, stage, 1e15), stage).reduce((sum, tick) => sum + tick.governmentPaid, 0);
    expect(unlimited).toBeGreaterThan(0);
    const budget = unlimited / 3;
    const ticks = run(floorSpec(mode, stage, budget), stage);
    let spent = 0;
    for (const [t, tick] of ticks.entries()) {
      spent += tick.governmentPaid;
      expect(spent, `spent by tick ${t}`).toBeLessThanOrEqual(budget * (1 + 1e-9));
      expect(tick.leftAfter, `left at tick ${t}`).toBeGreaterThanOrEqual(0);
      expect(Math.abs(tick.governmentPaid - (tick.leftBefore - tick.leftAfter)), `paid from the budget at tick ${t}`).toBeLessThanOrEqual(1e-9 * budget);
      expect(Math.abs(tick.firmsReceived - tick.governmentPaid), `firms received at tick ${t}`).toBeLessThanOrEqual(1e-9 * tick.scale);
    }
    expect(Math.abs(spent - budget)).toBeLessThanOrEqual(1e-9 * budget);
    // It paid for several ticks, then ran out within the run (paying what was left), and paid nothing after.
    const paying = ticks.filter((tick) => tick.governmentPaid > 0);
    const last = ticks.findIndex((tick) => tick.governmentPaid > 0 && tick.leftAfter <= 0);
    expect(paying.length).toBeGreaterThan(2);
    expect(last).toBeGreaterThan(0);
    expect(Math.abs(ticks[last].governmentPaid - ticks[last].leftBefore)).toBeLessThanOrEqual(1e-9 * budget);
    expect(ticks.slice(last + 1).every((tick) => tick.governmentPaid === 0)).toBe(true);
  });
});
