import type { World } from '../world/world.ts';
import { ADVERSARY, MINING, PROCESSING, MANUFACTURING, RECYCLING } from '../world/world.ts';
import { stageSpecOf } from '../world/populateFirms.ts';
import { weeksToTicks } from '../world/initialiseSteadyState.ts';
import { cellCapacityOf } from '../world/firmTotals.ts';
import { CELL_SUMS, PRODUCE_CELLS, type CellSplit } from './cellTasks.ts';
import { leaderPaidPrice } from './priceLeadership.ts';
import { HOARDING_LIMIT, termsAt, TERM_COST_FACTOR, TERM_COVER_TICKS, TERM_CURRENT_PRICE, TERM_EXPECTED_PRICE, TERM_HOARDING, TERM_IGNORE_COST, TERM_EXPECTED_INPUT_COST, TERM_INPUT_COST, TERM_OFFERED, TERM_UTILISATION_PRICE, TERM_YIELD } from './firmDecisions.ts';
import { askInputPriceOf } from './askInputPrice.ts';
import { utilisationOutputPriceOf } from './utilisationOutputPrice.ts';

/** Market index k a capacity stage sells into: concentrate, refined, component, refined (recyclers). */
export const OUTPUT_MARKET = [0, 1, 2, 1] as const;
/** Market index k a capacity stage buys from (−1: none). */
export const INPUT_MARKET = [-1, 0, 1, -1] as const;

/**
 * Produces and places orders for every firm of one capacity stage (phases 5–7 and 9).
 *
 * Per firm f in cell (m, r), with expected output price Pₑ (adaptive, floored by a public price floor
 * for that stage) and expected input cost per tonne of output cᵢ = Pₑ,input / yield:
 * - utilisation by cost: u = clamp((Pᵤ − cᵢ − (1 − band)·c_f) / (band·c_f), 0, 1) with c_f the firm's
 *   unit cost and Pᵤ = max(Pₑ, P·(1 − 0.25)) the output price production plans on
 *   (utilisationOutputPrice.ts); orders use uₒ, the same with Pₑ in place of Pᵤ (the foreign actor's
 *   firms ignore cost during a price war: u = uₒ = 1);
 * - production to order: q = clamp(Ŝ·(Pₑ/P₀)^σ (σ `supplyResponse`: with spare capacity, producers run harder when prices are high) + ρ·(W·Ŝ − I_out), 0, u·a·K) where Ŝ is expected sales,
 *   W the stock target in ticks, ρ `inventoryReleasePerTick`, a availability (outages, downtime, by-product host);
 * - by-product miners do not produce to order: they recover the by-product in their share of the host's
 *   output whenever it pays, q = u·a·K with a including the host's utilisation (see {@link hostUtilisation}),
 *   so their output is proportional to the host's, times the recovery share u;
 *   processors and manufacturers are also limited by input stock: q ≤ yield·I_in;
 * - input orders (order-up-to with hoarding): b = max(0, Ŝ/yield + ρ_in·(W·Ŝ/yield − I_in))·(1 + φ·max(0, ln(P_in/P_in,e)))
 *   with ρ_in `inputOrderAdjustmentPerTick` and φ `precautionaryBuying`, the hoarding factor applying
 *   only while I_in < 1.5·W·Ŝ/yield, placed only while uₒ > 0;
 * - stock is offered at a cost-based ask: share offered = clamp((P − (1 − band)·a)/(band·a), 0, 1) with
 *   a = c_f + cᵢ, so firms hold stock rather than sell it below cash cost.
 * @param recycledInput - per cell (m × R + r), scrap available to recyclers this tick, t (recycling only)
 * @param cells - runs the firms' part over cell ranges on several threads (null: all here)
 */
export function advanceProducers(world: World, stage: number, recycledInput: Float64Array | null, cells: CellSplit | null = null): void {
  if (cells === null) produceCells(world, stage, recycledInput, 0, world.materials * world.regions);
  else if (recycledInput === null || recycledInput === world.scratch.scrapTonnes) cells.run(PRODUCE_CELLS, stage);
  else throw new Error('advanceProducers across threads reads scrap from world.scratch.scrapTonnes');
  routeProduction(world, stage);
}

/**
 * The firms' part of {@link advanceProducers} for cells c ∈ [cellFrom, cellTo) (c = m × R + r): each
 * live firm decides what to produce, bid and offer; each cell's sums go to `world.scratch.cellSums`,
 * its per-cell terms to `world.scratch.cellTerms` and each firm's output to `producedTonnes`.
 * Processors and manufacturers take their input use from their input stock and store their bid; the
 * output stock is left as it was: settlement adds q to it and recomputes each firm's offer with the
 * same formula and terms (firmDecisions.ts), so no per-firm offer or operating cost is stored.
 * It writes nothing outside its cells, so disjoint cell ranges may run on different threads.
 * @param recycledInput - as for advanceProducers (on helper threads: `world.scratch.scrapTonnes` for recycling)
 */
export function produceCells(world: World, stage: number, recycledInput: Float64Array | null, cellFrom: number, cellTo: number): void {
  const store = world.stores[stage];
  const sums = world.scratch.cellSums;
  const terms = world.scratch.cellTerms;
  const behaviour = world.spec.behaviour;
  const rate = behaviour.inventoryReleasePerTick;
  const orderRate = behaviour.inputOrderAdjustmentPerTick;
  const band = behaviour.utilisationBand;
  const hasInput = INPUT_MARKET[stage] >= 0;
  // The store's columns in locals: the firm loop below is the engine's hottest.
  const { alive, capacityTonnesPerTick: capacity, unitCostUsdPerTonne: unitCosts, expectedSalesTonnesPerTick: expectedSalesOf, downtimeTicks: downtime } = store;
  const { inputInventoryTonnes: inputStock, outputInventoryTonnes: outputStock, producedTonnes, bidTonnes } = store;
  for (let c = cellFrom; c < cellTo; c++) {
    const t = saveCellTerms(world, stage, c);
    const costFactor = terms[t + TERM_COST_FACTOR];
    const inputCost = terms[t + TERM_INPUT_COST];
    const expectedInputCost = terms[t + TERM_EXPECTED_INPUT_COST];
    const currentPrice = terms[t + TERM_CURRENT_PRICE];
    const expectedPrice = terms[t + TERM_EXPECTED_PRICE];
    const utilisationPrice = terms[t + TERM_UTILISATION_PRICE];
    const hoarding = terms[t + TERM_HOARDING];
    const ignoreCost = terms[t + TERM_IGNORE_COST] !== 0;
    const yieldShare = terms[t + TERM_YIELD];
    const coverTicks = terms[t + TERM_COVER_TICKS];
    const m = Math.floor(c / world.regions);
    const r = c - m * world.regions;
    const sOut = (m * 3 + OUTPUT_MARKET[stage]) * world.regions + r;
    // x^0 is 1 for every x (NaN included): skip the call for the default supplyResponse 0.
    const priceResponse = behaviour.supplyResponse === 0 ? 1 : Math.pow(expectedPrice / world.markets.basePriceUsdPerTonne[sOut], behaviour.supplyResponse);
    const availability = world.effective.availability[(stage * world.materials + m) * world.regions + r] * hostUtilisation(world, stage, m, r);
    const capacityInCell = recycledInput !== null ? cellCapacityOf(world, stage, c) : 0;
    const scrapPerCapacity = recycledInput !== null && capacityInCell > 0 ? recycledInput[c] / capacityInCell : 0;
    // By-product miners take all their feed when it pays (q = u·a·K): a plan of +∞ is capped there.
    const planFloor = stage === MINING && world.hostMaterial[m] >= 0 ? Infinity : 0;
    let produced = 0;
    let offered = 0;
    let bids = 0;
    let inputUsed = 0;
    // The decisions of firmDecisions.ts (utilisationOf, bidOf, offerShareOf) written out: a call to an
    // imported function, even inlined, re-checks its binding for every firm (test/sim-core/firmLoopsMatchFormulas.test.ts
    // holds this loop to those formulas bit for bit).
    const keepShare = 1 - band;
    const hoardingLimit = HOARDING_LIMIT;
    for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
      if (alive[f] === 0) continue;
      const unitCost = unitCosts[f] * costFactor;
      const utilisation = ignoreCost ? 1 : Math.min(1, Math.max(0, (utilisationPrice - expectedInputCost - keepShare * unitCost) / (band * unitCost)));
      const expectedSales = expectedSalesOf[f];
      const downtimeLeft = downtime[f];
      const up = downtimeLeft > 0 ? 0 : 1;
      const stockBefore = outputStock[f];
      let q = expectedSales * priceResponse + rate * (coverTicks * expectedSales - stockBefore);
      q = Math.min(Math.max(planFloor, q), utilisation * availability * up * capacity[f]);
      let used = 0;
      if (hasInput) {
        const inputBefore = inputStock[f];
        q = Math.min(q, inputBefore * yieldShare);
        used = q / yieldShare;
        const inputLeft = inputBefore - used;
        inputStock[f] = inputLeft;
        const expectedUse = expectedSales / yieldShare;
        const hoard = inputLeft < hoardingLimit * coverTicks * expectedUse ? hoarding : 1;
        // Orders stay on the expected margin: a price well above its Pₑ runs the input in stock, it does not buy more at the
        // spike. bidOf needs only whether utilisation on Pₑ* is above 0, which is whether its margin is (band·c_f > 0).
        const orders = ignoreCost || expectedPrice - expectedInputCost - keepShare * unitCost > 0;
        const bid = orders ? Math.max(0, expectedUse + orderRate * (coverTicks * expectedUse - inputLeft)) * hoard : 0;
        bidTonnes[f] = bid;
        bids += bid;
      } else if (recycledInput !== null) {
        q = Math.min(q, scrapPerCapacity * capacity[f] * yieldShare);
        used = q / yieldShare;
      }
      if (downtimeLeft > 0) downtime[f] = downtimeLeft - 1;
      producedTonnes[f] = q;
      produced += q;
      inputUsed += used;
      const ask = unitCost + inputCost;
      offered += (stockBefore + q) * Math.min(1, Math.max(0, (currentPrice - keepShare * ask) / (band * ask)));
    }
    sums[c * CELL_SUMS] = produced;
    sums[c * CELL_SUMS + 1] = offered;
    sums[c * CELL_SUMS + 2] = bids;
    sums[c * CELL_SUMS + 3] = inputUsed;
    terms[t + TERM_OFFERED] = offered;
  }
}

/**
 * Computes the per-cell terms of a cell's decisions (those that depend only on the markets) into
 * `world.scratch.cellTerms`, where settlement finds them; returns their index.
 */
function saveCellTerms(world: World, stage: number, c: number): number {
  const { markets, effective, regions: R } = world;
  const terms = world.scratch.cellTerms;
  const behaviour = world.spec.behaviour;
  const kIn = INPUT_MARKET[stage];
  const m = Math.floor(c / R);
  const r = c - m * R;
  const stageSpec = stageSpecOf(world.spec.materials[m], stage);
  const yieldShare = stageSpec.yield;
  const sc = (stage * world.materials + m) * R + r;
  const sOut = (m * 3 + OUTPUT_MARKET[stage]) * R + r;
  const sIn = kIn >= 0 ? (m * 3 + kIn) * R + r : -1;
  const inputPrice = sIn >= 0 ? markets.priceUsdPerTonne[sIn] : 0;
  const t = termsAt(world, stage, c);
  terms[t + TERM_COST_FACTOR] = stage === RECYCLING ? learningCostFactor(world, m, r) : 1;
  // Margins compare like with like: the expected output price against the expected input price.
  const expectedInputPrice = sIn >= 0 ? markets.expectedPriceUsdPerTonne[sIn] : 0;
  terms[t + TERM_EXPECTED_INPUT_COST] = expectedInputPrice / yieldShare;
  // The ask prices the input in stock at Pₑ until the input price crashes well below it, then at what it
  // costs to replace (askInputPrice.ts): Pₑ, a 34-week average, lags a crash by months, and with it firms
  // withheld all their stock after a gallium quota's end while their buyers went short (docs/model.md G35).
  terms[t + TERM_INPUT_COST] = askInputPriceOf(inputPrice, expectedInputPrice) / yieldShare;
  // A leading price cutter's producers are paid their part of the gap to the price without the lead (clearMarkets): their ask compares with that.
  terms[t + TERM_CURRENT_PRICE] = leaderPaidPrice(world, sOut, markets.priceUsdPerTonne[sOut]);
  const adversary = world.regionState.alignment[r] === ADVERSARY;
  // A leading cutter's producers plan output on what they are paid, not on the led price: the actor
  // pays them to keep the market supplied (otherwise, with a supply response, they would cut output and
  // hand the market to the rivals the war is meant to deter; docs/model.md G11).
  const paidWhileLeading = adversary && effective.leadershipCut[sOut] > 0 ? terms[t + TERM_CURRENT_PRICE] : 0;
  terms[t + TERM_EXPECTED_PRICE] = Math.max(markets.expectedPriceUsdPerTonne[sOut], effective.priceFloorUsdPerTonne[sc], paidWhileLeading);
  // Utilisation plans on the expected price until the price paid now is well above it, then on that
  // price: after a quota the input's Pₑ catches up with the output's while the output sells at twice
  // its Pₑ, and firms stopped producing with weeks of input in stock (docs/model.md G35, rising phase).
  terms[t + TERM_UTILISATION_PRICE] = utilisationOutputPriceOf(terms[t + TERM_CURRENT_PRICE], terms[t + TERM_EXPECTED_PRICE]);
  terms[t + TERM_HOARDING] = sIn >= 0 ? 1 + behaviour.precautionaryBuying * Math.max(0, Math.log(inputPrice / markets.expectedPriceUsdPerTonne[sIn])) : 1;
  terms[t + TERM_IGNORE_COST] = (effective.priceCut[sOut] > 0 || effective.leadershipCut[sOut] > 0) && adversary ? 1 : 0;
  terms[t + TERM_YIELD] = yieldShare;
  terms[t + TERM_COVER_TICKS] = weeksToTicks(world, stageSpec.inventoryTargetWeeks);
  return t;
}

/** The markets' part of {@link advanceProducers}: adds each cell's sums to its markets and the flows, in cell order. */
function routeProduction(world: World, stage: number): void {
  const { markets, flows, regions: R, materials: M } = world;
  const sums = world.scratch.cellSums;
  const kOut = OUTPUT_MARKET[stage];
  const kIn = INPUT_MARKET[stage];
  for (let m = 0; m < M; m++) {
    for (let r = 0; r < R; r++) {
      const c = m * R + r;
      const sc = (stage * M + m) * R + r;
      const sOut = (m * 3 + kOut) * R + r;
      const sIn = kIn >= 0 ? (m * 3 + kIn) * R + r : -1;
      const produced = sums[c * CELL_SUMS];
      const inputUsed = sums[c * CELL_SUMS + 3];
      routeOffers(world, stage, m, r, sOut, sums[c * CELL_SUMS + 1]);
      if (sIn >= 0) markets.localBidTonnes[sIn] += sums[c * CELL_SUMS + 2];
      flows.productionTonnes[sc] = produced;
      if (stage === MINING) flows.primaryTonnes[m] += produced;
      if (stage === RECYCLING) flows.secondaryTonnes[m] += produced;
      // Recyclers' scrap left the balance when it was consumed, so only processing and manufacturing losses count.
      if (stage === PROCESSING || stage === MANUFACTURING) flows.lossTonnes[m] += inputUsed - produced;
    }
  }
}

/** Adds a cell's offers to its market, sending the diverted share of mine output to the acquirer's market. */
function routeOffers(world: World, stage: number, m: number, r: number, sOut: number, offered: number): void {
  const c = m * world.regions + r;
  const divert = stage === MINING ? world.effective.divertShare[c] : 0;
  world.markets.firmOfferTonnes[sOut] += offered * (1 - divert);
  if (stage === RECYCLING) world.markets.recycledOfferTonnes[sOut] += offered;
  if (divert > 0) world.markets.firmOfferTonnes[(m * 3) * world.regions + world.effective.divertTo[c]] += offered * divert;
}

/**
 * For by-product miners: the host material's mining utilisation in the region last tick (1 otherwise),
 * host output ÷ host live capacity. It is the feed of each tonne of by-product recovery capacity: the
 * recovery capacity is taken as sized to the host's (by-product content × host capacity), so by-product
 * output, u·a·K, is proportional to the host's output.
 */
export function hostUtilisation(world: World, stage: number, m: number, r: number): number {
  const host = world.hostMaterial[m];
  if (stage !== MINING || host < 0) return 1;
  const capacity = cellCapacityOf(world, MINING, host * world.regions + r);
  if (capacity <= 0) return 1;
  return Math.min(1, world.flows.previousProductionTonnes[(MINING * world.materials + host) * world.regions + r] / capacity);
}

/** Recycling cost multiplier from the learning curve: (cumulative / reference)^log2(1 − learningRate). */
function learningCostFactor(world: World, m: number, r: number): number {
  const c = m * world.regions + r;
  const learning = world.spec.materials[m].recycling.learningRate;
  const reference = world.chain.referenceRecycledTonnes[c];
  // A cell with neither recycling capacity nor demand at the start has no reference: no learning yet.
  if (reference <= 0) return 1;
  return Math.pow(world.chain.cumulativeRecycledTonnes[c] / reference, Math.log2(1 - learning));
}
