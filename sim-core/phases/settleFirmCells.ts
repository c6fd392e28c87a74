import type { World } from '../world/world.ts';
import { RECYCLING } from '../world/world.ts';
import { OUTPUT_MARKET, INPUT_MARKET } from './advanceProducers.ts';
import { putCellResults, putCellSums } from './putCellResults.ts';
import { settlePlainBuyerCell, settlePlainSellerCell } from './settlePlainCells.ts';
import { offerShareOf, termsAt, TERM_COST_FACTOR, TERM_CURRENT_PRICE, TERM_FILL, TERM_FLOOR_GAP, TERM_INPUT_COST, TERM_INPUT_PRICE, TERM_OFFERED, TERM_OFFTAKE_SHARE, TERM_REVENUE_PER_OFFERED, TERM_SOLD_SHARE } from './firmDecisions.ts';

/**
 * The firms' part of settlement for cells [cellFrom, cellTo) of a stage: each live firm applies this
 * tick's production to its stocks, delivers, receives, is paid and pays; per-cell results go to
 * `world.scratch.cellSums` and `world.firmTotals`. A firm's offer and operating cost are recomputed
 * from its columns and the cell's terms saved by production (firmDecisions.ts); buyers' bids and
 * input stocks are as production left them. Per-cell values reach the firm loops through
 * `world.scratch.cellTerms` (a Float64Array), not as function arguments: a double passed as an
 * argument may arrive boxed and cost a check per firm.
 */
export function settleFirmCells(world: World, stage: number, cellFrom: number, cellTo: number): void {
  const { markets, effective, regions: R, materials: M } = world;
  const kOut = OUTPUT_MARKET[stage];
  const kIn = INPUT_MARKET[stage];
  const prices = markets.tradedPriceUsdPerTonne;
  const terms = world.scratch.cellTerms;
  for (let c = cellFrom; c < cellTo; c++) {
    const m = Math.floor(c / R);
    const r = c - m * R;
    const sc = (stage * M + m) * R + r;
    const sOut = (m * 3 + kOut) * R + r;
    const divert = stage === 0 ? effective.divertShare[c] : 0;
    const sDivert = divert > 0 ? m * 3 * R + effective.divertTo[c] : sOut;
    // Recyclers have their own sold share (clearSegment.ts: sales follow each seller's normal sales).
    const sellRatio = stage === RECYCLING ? markets.recycledSellRatio : markets.firmSellRatio;
    const soldShare = (1 - divert) * sellRatio[sOut] + divert * sellRatio[sDivert];
    // A leading price cutter's producers are paid a subsidy per tonne sold on top (0 elsewhere: the same bits).
    const subsidy = markets.saleSubsidyUsdPerTonne;
    const revenuePerOffered = (1 - divert) * sellRatio[sOut] * (prices[sOut] + subsidy[sOut]) + divert * sellRatio[sDivert] * (prices[sDivert] + subsidy[sDivert]);
    const t = termsAt(world, stage, c);
    // A floor pays the gap on sold tonnes first, then an offtake buys with what its budget has left.
    const soldTonnes = terms[t + TERM_OFFERED] * soldShare;
    const floorGap = affordableFloorGap(world, sc, Math.max(0, effective.priceFloorUsdPerTonne[sc] - prices[sOut]), soldTonnes);
    const offtakeShare = offtakeShareOf(world, stage, m, r, soldShare, soldTonnes * floorGap);
    const sIn = kIn >= 0 ? (m * 3 + kIn) * R + r : -1;
    terms[t + TERM_SOLD_SHARE] = soldShare;
    terms[t + TERM_REVENUE_PER_OFFERED] = revenuePerOffered;
    terms[t + TERM_FLOOR_GAP] = floorGap;
    terms[t + TERM_OFFTAKE_SHARE] = offtakeShare;
    terms[t + TERM_FILL] = sIn >= 0 ? markets.bidFillRatio[sIn] : 0;
    terms[t + TERM_INPUT_PRICE] = sIn >= 0 ? prices[sIn] : 0;
    // Most cells have no floor and no offtake: their loops leave those terms out (settlePlainCells.ts).
    const plain = floorGap === 0 && offtakeShare === 0 && effective.priceFloorUsdPerTonne[sc] === 0 && !Object.is(offtakeShare, -0) && !Object.is(soldShare, -0);
    if (sIn >= 0) {
      if (plain) settlePlainBuyerCell(world, stage, c);
      else settleBuyerCell(world, stage, c);
    } else if (plain) settlePlainSellerCell(world, stage, c);
    else settleSellerCell(world, stage, c);
  }
}

/**
 * Settles one cell of a stage that buys input (processing, manufacturing): each live firm's output
 * stock takes this tick's production (production already took its input use), it delivers offer ×
 * sold share, receives bid × fill and pays for it at the input price.
 */
function settleBuyerCell(world: World, stage: number, c: number): void {
  const store = world.stores[stage];
  const sums = world.scratch.cellSums;
  const terms = world.scratch.cellTerms;
  const t = termsAt(world, stage, c);
  const costFactor = terms[t + TERM_COST_FACTOR];
  const inputCost = terms[t + TERM_INPUT_COST];
  const currentPrice = terms[t + TERM_CURRENT_PRICE];
  const soldShare = terms[t + TERM_SOLD_SHARE];
  const revenuePerOffered = terms[t + TERM_REVENUE_PER_OFFERED];
  const floorGap = terms[t + TERM_FLOOR_GAP];
  const offtakeShare = terms[t + TERM_OFFTAKE_SHARE];
  const fill = terms[t + TERM_FILL];
  const inputPrice = terms[t + TERM_INPUT_PRICE];
  const band = world.spec.behaviour.utilisationBand;
  const keepShare = 1 - band;
  const offtakePrice = world.effective.priceFloorUsdPerTonne[stage * world.materials * world.regions + c];
  const smoothing = world.salesSmoothing;
  // The store's columns in locals: this firm loop is one of the engine's hottest.
  const { alive, producedTonnes, unitCostUsdPerTonne: unitCosts, cashUsd, lossStreakTicks, bidTonnes } = store;
  const { outputInventoryTonnes: outputStock, inputInventoryTonnes: inputStock, expectedSalesTonnesPerTick: expectedSales } = store;
  let longestLossStreak = -1;
  let offtaken = 0;
  let bids = 0;
  let received = 0;
  let costs = 0;
  let floorPaid = 0;
  let profits = 0;
  // Sums for firmTotals (what the recorder reads), in slot order.
  let cellStock = 0;
  let cellSales = 0;
  let cellFirms = 0;
  for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
    if (alive[f] === 0) continue;
    const q = producedTonnes[f];
    const unitCost = unitCosts[f] * costFactor;
    const stock = outputStock[f] + q;
    const ask = unitCost + inputCost;
    const offered = stock * Math.min(1, Math.max(0, (currentPrice - keepShare * ask) / (band * ask)));
    const salesBefore = expectedSales[f];
    const inputLeft = inputStock[f];
    const bid = bidTonnes[f];
    const operatingCost = q * unitCost;
    const sold = offered * soldShare;
    const taken = offered * (1 - soldShare) * offtakeShare;
    const bought = bid * fill;
    const floorPayment = sold * floorGap + taken * offtakePrice;
    const profit = offered * revenuePerOffered + floorPayment - operatingCost - bought * inputPrice;
    const outputLeft = stock - (sold + taken);
    outputStock[f] = outputLeft;
    offtaken += taken;
    const inputHeld = inputLeft + bought;
    inputStock[f] = inputHeld;
    cashUsd[f] += profit;
    profits += profit;
    const streak = profit < 0 ? lossStreakTicks[f] + 1 : 0;
    lossStreakTicks[f] = streak;
    if (streak > longestLossStreak) longestLossStreak = streak;
    const sales = salesBefore + (sold + taken - salesBefore) * smoothing;
    expectedSales[f] = sales;
    bids += bid;
    received += bought;
    costs += operatingCost;
    floorPaid += floorPayment;
    cellStock += outputLeft + inputHeld;
    cellSales += sales;
    cellFirms++;
  }
  putCellResults(world, stage, c, cellStock, cellSales, cellFirms);
  putCellSums(sums, c, costs, floorPaid, offtaken, profits, bids, received, longestLossStreak);
}

/**
 * Settles one cell of a stage that buys no input (mining, recycling: their input stock is always 0,
 * so it is neither read nor written): each live firm's output stock takes this tick's production
 * and it delivers offer × sold share.
 */
function settleSellerCell(world: World, stage: number, c: number): void {
  const store = world.stores[stage];
  const sums = world.scratch.cellSums;
  const terms = world.scratch.cellTerms;
  const t = termsAt(world, stage, c);
  const costFactor = terms[t + TERM_COST_FACTOR];
  const inputCost = terms[t + TERM_INPUT_COST];
  const currentPrice = terms[t + TERM_CURRENT_PRICE];
  const soldShare = terms[t + TERM_SOLD_SHARE];
  const revenuePerOffered = terms[t + TERM_REVENUE_PER_OFFERED];
  const floorGap = terms[t + TERM_FLOOR_GAP];
  const offtakeShare = terms[t + TERM_OFFTAKE_SHARE];
  const band = world.spec.behaviour.utilisationBand;
  const keepShare = 1 - band;
  const offtakePrice = world.effective.priceFloorUsdPerTonne[stage * world.materials * world.regions + c];
  // Expected sales rise on the 4-week memory; a mine's fall on the slower miningSalesFallWeeks (G27).
  const riseSmoothing = world.salesSmoothing;
  const fallSmoothing = stage === 0 ? world.miningSalesFallSmoothing : riseSmoothing;
  const { alive, producedTonnes, unitCostUsdPerTonne: unitCosts, cashUsd, lossStreakTicks } = store;
  const { outputInventoryTonnes: outputStock, expectedSalesTonnesPerTick: expectedSales } = store;
  let longestLossStreak = -1;
  let offtaken = 0;
  let costs = 0;
  let floorPaid = 0;
  let profits = 0;
  let cellStock = 0;
  let cellSales = 0;
  let cellFirms = 0;
  for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
    if (alive[f] === 0) continue;
    const q = producedTonnes[f];
    const unitCost = unitCosts[f] * costFactor;
    const stock = outputStock[f] + q;
    const ask = unitCost + inputCost;
    const offered = stock * Math.min(1, Math.max(0, (currentPrice - keepShare * ask) / (band * ask)));
    const operatingCost = q * unitCost;
    const sold = offered * soldShare;
    const taken = offered * (1 - soldShare) * offtakeShare;
    const floorPayment = sold * floorGap + taken * offtakePrice;
    const profit = offered * revenuePerOffered + floorPayment - operatingCost;
    const outputLeft = stock - (sold + taken);
    outputStock[f] = outputLeft;
    offtaken += taken;
    cashUsd[f] += profit;
    profits += profit;
    const streak = profit < 0 ? lossStreakTicks[f] + 1 : 0;
    lossStreakTicks[f] = streak;
    if (streak > longestLossStreak) longestLossStreak = streak;
    const salesBefore = expectedSales[f];
    const salesGap = sold + taken - salesBefore;
    const sales = salesBefore + salesGap * (salesGap < 0 ? fallSmoothing : riseSmoothing);
    expectedSales[f] = sales;
    costs += operatingCost;
    floorPaid += floorPayment;
    cellStock += outputLeft;
    cellSales += sales;
    cellFirms++;
  }
  putCellResults(world, stage, c, cellStock, cellSales, cellFirms);
  putCellSums(sums, c, costs, floorPaid, offtaken, profits, 0, 0, longestLossStreak);
}

/**
 * The floor gap per sold tonne that stage cell sc's budget affords this tick, so that a floor never
 * overdraws it: the full gap while paying it on all `soldTonnes` (the cell's offer, as production
 * summed it, × sold share) fits in what is left; otherwise what is left spread over those tonnes, so
 * the tick the budget runs out pays exactly what is left (as a price cut's last shipment is paid:
 * affordableCut, shipGoods.ts). This needs no extra work per firm, and it is the same on any thread:
 * a subsidy event covers one stage cell, which one thread settles, and no other cell's booking
 * touches its budget, so every thread reads the budget as the last tick left it. The firms' payments
 * add up to what is left up to rounding of the sum (booking counts such a remainder as spent: payFloor,
 * settleAccounts.ts). Returns `gap` itself (the same bits) when the budget suffices.
 */
function affordableFloorGap(world: World, sc: number, gap: number, soldTonnes: number): number {
  if (gap === 0) return gap;
  const e = world.effective.supportEvent[sc];
  if (e < 0) return gap;
  const left = Math.max(0, world.eventState.budgetLeftUsd[e]);
  return soldTonnes * gap <= left ? gap : left / soldTonnes;
}

/**
 * Offtake guarantee: the government buys, at the floor price and into its stockpile, the share of a
 * home cell's unsold refined output that its budget affords once the floor gap on sold tonnes is paid
 * (processing and recycling only: the offtake goes to the cell's refined stockpile).
 * @param gapPaidUsd - the cell's floor gap payment this tick (sold tonnes × affordable gap)
 */
function offtakeShareOf(world: World, stage: number, m: number, r: number, soldShare: number, gapPaidUsd: number): number {
  const sc = (stage * world.materials + m) * world.regions + r;
  const e = world.effective.supportEvent[sc];
  const floor = world.effective.priceFloorUsdPerTonne[sc];
  if ((stage !== 1 && stage !== 3) || world.effective.offtake[sc] === 0 || e < 0 || floor <= 0) return 0;
  const store = world.stores[stage];
  const c = m * world.regions + r;
  const t = termsAt(world, stage, c);
  const costFactor = world.scratch.cellTerms[t + TERM_COST_FACTOR];
  const inputCost = world.scratch.cellTerms[t + TERM_INPUT_COST];
  const currentPrice = world.scratch.cellTerms[t + TERM_CURRENT_PRICE];
  const band = world.spec.behaviour.utilisationBand;
  let unsold = 0;
  for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
    if (store.alive[f] === 0) continue;
    // The firm's offer as production made it (stocks do not yet include this tick's production).
    const offered = (store.outputInventoryTonnes[f] + store.producedTonnes[f]) * offerShareOf(currentPrice, band, store.unitCostUsdPerTonne[f] * costFactor + inputCost);
    unsold += offered * (1 - soldShare);
  }
  const affordable = Math.max(0, world.eventState.budgetLeftUsd[e] - gapPaidUsd) / floor;
  return unsold > 0 ? Math.min(1, affordable / unsold) : 0;
}
