import type { World } from '../world/world.ts';
import { RECYCLING } from '../world/world.ts';
import { OUTPUT_MARKET, INPUT_MARKET } from './advanceProducers.ts';
import { CELL_SUMS, SETTLE_END_USER_CELLS, SETTLE_FIRM_CELLS, type CellSplit } from './cellTasks.ts';

/**
 * Phase 11: commits this tick's clearing to every agent (compute, then commit) and settles money.
 * Sellers deliver offers × sell ratio and are paid the traded price; buyers receive bids × fill
 * ratio and pay it; operating costs go to the rest of the economy, which also funds end users'
 * purchases; stockpiles buy and release at the traded price; price floors pay home producers the
 * gap to the floor while their budget lasts, and offtake guarantees also buy their unsold refined
 * output at the floor into the stockpile. Records shortfall (unmet demand) per market and the
 * end-of-life flow of what end users received.
 * @param cells - runs the agents' part over cell ranges on several threads (null: all here)
 */
export function settleAccounts(world: World, cells: CellSplit | null = null): void {
  for (let stage = 0; stage < 4; stage++) settleFirms(world, stage, cells);
  settleEndUsers(world, cells);
  settleStockpiles(world);
}

function settleFirms(world: World, stage: number, cells: CellSplit | null): void {
  const count = world.materials * world.regions;
  if (cells !== null && !hasPriceFloors(world, stage)) {
    cells.run(SETTLE_FIRM_CELLS, stage);
    for (let c = 0; c < count; c++) bookFirmCell(world, stage, c);
  } else {
    // Price floors and offtake draw on a budget cell after cell: settle and book each cell in turn.
    for (let c = 0; c < count; c++) {
      settleFirmCells(world, stage, c, c + 1);
      bookFirmCell(world, stage, c);
    }
  }
  let longest = -1;
  for (let c = 0; c < count; c++) longest = Math.max(longest, world.scratch.cellSums[c * CELL_SUMS + 6]);
  world.firmTotals.longestLossStreakTicks[stage] = longest;
}

/** Whether any cell of a stage has a price floor (floor payments and offtake then depend on cell order). */
function hasPriceFloors(world: World, stage: number): boolean {
  const cells = world.materials * world.regions;
  for (let sc = stage * cells; sc < (stage + 1) * cells; sc++) if (world.effective.priceFloorUsdPerTonne[sc] > 0) return true;
  return false;
}

/**
 * The firms' part of settlement for cells [cellFrom, cellTo) of a stage: each live firm delivers,
 * receives, is paid and pays; per-cell results go to `world.scratch.cellSums` and `world.firmTotals`.
 */
export function settleFirmCells(world: World, stage: number, cellFrom: number, cellTo: number): void {
  const store = world.stores[stage];
  const { markets, effective, firmTotals, regions: R, materials: M } = world;
  const sums = world.scratch.cellSums;
  const kOut = OUTPUT_MARKET[stage];
  const kIn = INPUT_MARKET[stage];
  const smoothing = world.salesSmoothing;
  // The store's columns in locals: this firm loop is one of the engine's hottest.
  const { alive, offeredTonnes, bidTonnes, operatingCostUsd, cashUsd, lossStreakTicks, capacityTonnesPerTick: capacity } = store;
  const { outputInventoryTonnes: outputStock, inputInventoryTonnes: inputStock, expectedSalesTonnesPerTick: expectedSales } = store;
  for (let c = cellFrom; c < cellTo; c++) {
    const m = Math.floor(c / R);
    const r = c - m * R;
    let longestLossStreak = -1;
    const sc = (stage * M + m) * R + r;
    const sOut = (m * 3 + kOut) * R + r;
    const divert = stage === 0 ? effective.divertShare[c] : 0;
    const sDivert = divert > 0 ? m * 3 * R + effective.divertTo[c] : sOut;
    const soldShare = (1 - divert) * markets.firmSellRatio[sOut] + divert * markets.firmSellRatio[sDivert];
    const revenuePerOffered = (1 - divert) * markets.firmSellRatio[sOut] * markets.tradedPriceUsdPerTonne[sOut] + divert * markets.firmSellRatio[sDivert] * markets.tradedPriceUsdPerTonne[sDivert];
    const sIn = kIn >= 0 ? (m * 3 + kIn) * R + r : -1;
    const fill = sIn >= 0 ? markets.bidFillRatio[sIn] : 0;
    const inputPrice = sIn >= 0 ? markets.tradedPriceUsdPerTonne[sIn] : 0;
    const floorGap = Math.max(0, effective.priceFloorUsdPerTonne[sc] - markets.tradedPriceUsdPerTonne[sOut]);
    const offtakeShare = offtakeShareOf(world, stage, m, r, soldShare);
    const offtakePrice = effective.priceFloorUsdPerTonne[sc];
    let offtaken = 0;
    let bids = 0;
    let received = 0;
    let costs = 0;
    let floorPaid = 0;
    let profits = 0;
    // Sums for firmTotals (what the recorder reads), in slot order.
    let cellCapacity = 0;
    let cellStock = 0;
    let cellSales = 0;
    let cellFirms = 0;
    for (let f = store.cellStart[c], end = f + store.cellSlots[c]; f < end; f++) {
      if (alive[f] === 0) continue;
      const offered = offeredTonnes[f];
      const sold = offered * soldShare;
      const taken = offered * (1 - soldShare) * offtakeShare;
      const bid = sIn >= 0 ? bidTonnes[f] : 0;
      const bought = sIn >= 0 ? bid * fill : 0;
      const operatingCost = operatingCostUsd[f];
      const floorPayment = sold * floorGap + taken * offtakePrice;
      const profit = offered * revenuePerOffered + floorPayment - operatingCost - bought * inputPrice;
      const outputLeft = outputStock[f] - (sold + taken);
      outputStock[f] = outputLeft;
      offtaken += taken;
      const inputHeld = inputStock[f] + bought;
      inputStock[f] = inputHeld;
      cashUsd[f] += profit;
      profits += profit;
      const streak = profit < 0 ? lossStreakTicks[f] + 1 : 0;
      lossStreakTicks[f] = streak;
      if (streak > longestLossStreak) longestLossStreak = streak;
      const sales = expectedSales[f] + (sold + taken - expectedSales[f]) * smoothing;
      expectedSales[f] = sales;
      bids += bid;
      received += bought;
      costs += operatingCost;
      floorPaid += floorPayment;
      cellCapacity += capacity[f];
      cellStock += outputLeft + inputHeld;
      cellSales += sales;
      cellFirms++;
    }
    firmTotals.capacityTonnesPerTick[sc] = cellCapacity;
    firmTotals.stockTonnes[sc] = cellStock;
    firmTotals.expectedSalesTonnesPerTick[sc] = cellSales;
    firmTotals.firms[sc] = cellFirms;
    const at = c * CELL_SUMS;
    sums[at] = costs;
    sums[at + 1] = floorPaid;
    sums[at + 2] = offtaken;
    sums[at + 3] = profits;
    sums[at + 4] = bids;
    sums[at + 5] = received;
    sums[at + 6] = longestLossStreak;
  }
}

/** Books a settled cell's results to the ledgers, budgets, stockpiles and flows. */
function bookFirmCell(world: World, stage: number, c: number): void {
  const { flows, ledger, regions: R, materials: M } = world;
  const sums = world.scratch.cellSums;
  const at = c * CELL_SUMS;
  const m = Math.floor(c / R);
  const r = c - m * R;
  const sc = (stage * M + m) * R + r;
  const kIn = INPUT_MARKET[stage];
  ledger.externalUsd += sums[at];
  if (sums[at + 1] > 0) payFloor(world, sc, sums[at + 1]);
  world.chain.stockpileTonnes[c] += sums[at + 2];
  flows.profitUsd[sc] = sums[at + 3];
  if (stage === RECYCLING) world.chain.cumulativeRecycledTonnes[c] += flows.productionTonnes[sc];
  if (kIn >= 0) {
    const bids = sums[at + 4];
    const received = sums[at + 5];
    flows.demandTonnes[(kIn * M + m) * R + r] = bids;
    flows.deliveredTonnes[(kIn * M + m) * R + r] = received;
    flows.unmetTonnes[(kIn * M + m) * R + r] = bids - received;
  }
}

/**
 * Offtake guarantee: the government buys, at the floor price and into its stockpile, the share of a
 * home cell's unsold refined output that its budget affords (processing and recycling only, since
 * stockpiles hold refined material).
 */
function offtakeShareOf(world: World, stage: number, m: number, r: number, soldShare: number): number {
  const sc = (stage * world.materials + m) * world.regions + r;
  const e = world.effective.supportEvent[sc];
  const floor = world.effective.priceFloorUsdPerTonne[sc];
  if ((stage !== 1 && stage !== 3) || world.effective.offtake[sc] === 0 || e < 0 || floor <= 0) return 0;
  const store = world.stores[stage];
  const c = m * world.regions + r;
  let unsold = 0;
  for (let f = store.cellStart[c], end = f + store.cellSlots[c]; f < end; f++) unsold += store.alive[f] * store.offeredTonnes[f] * (1 - soldShare);
  const affordable = Math.max(0, world.eventState.budgetLeftUsd[e]) / floor;
  return unsold > 0 ? Math.min(1, affordable / unsold) : 0;
}

function payFloor(world: World, sc: number, amountUsd: number): void {
  const e = world.effective.supportEvent[sc];
  if (e >= 0) world.eventState.budgetLeftUsd[e] -= amountUsd;
  const g = world.government.region;
  world.ledger.governmentUsd[g] -= amountUsd;
  world.government.spendingUsdThisTick += amountUsd;
}

function settleEndUsers(world: World, cells: CellSplit | null): void {
  const { markets, flows, chain, ledger, regions: R, materials: M } = world;
  const sums = world.scratch.cellSums;
  if (cells === null) settleEndUserCells(world, 0, M * R);
  else cells.run(SETTLE_END_USER_CELLS, 0);
  for (let m = 0; m < M; m++) {
    const slot = (world.tick + chain.lifetimeTicks[m]) % chain.eolSlots;
    for (let r = 0; r < R; r++) {
      const c = m * R + r;
      const s = (m * 3 + 2) * R + r;
      const received = sums[c * CELL_SUMS];
      const spent = received * markets.tradedPriceUsdPerTonne[s];
      ledger.externalUsd -= spent;
      flows.consumptionTonnes[m] += received;
      flows.deliveredTonnes[(2 * M + m) * R + r] = received;
      flows.unmetTonnes[(2 * M + m) * R + r] = flows.demandTonnes[(2 * M + m) * R + r] - received;
      flows.publicUnmetTonnes[c] = sums[c * CELL_SUMS + 1];
      chain.eolTonnes[c * chain.eolSlots + slot] += received;
    }
  }
}

/** The end users' part of settlement for cells [cellFrom, cellTo): deliveries and public shortfall per cell into `world.scratch.cellSums`. */
export function settleEndUserCells(world: World, cellFrom: number, cellTo: number): void {
  const { endUsers, markets, regions: R } = world;
  const sums = world.scratch.cellSums;
  for (let c = cellFrom; c < cellTo; c++) {
    const m = Math.floor(c / R);
    const s = (m * 3 + 2) * R + (c - m * R);
    const privateFill = markets.bidFillRatio[s];
    const publicFill = markets.publicFillRatio[s];
    let received = 0;
    let publicUnmet = 0;
    for (let u = endUsers.cellStart[c], end = u + endUsers.cellCount[c]; u < end; u++) {
      const fill = endUsers.isPublic[u] === 1 ? publicFill : privateFill;
      const bid = endUsers.bidTonnes[u];
      const got = bid * fill;
      publicUnmet += endUsers.isPublic[u] * (bid - got);
      received += got;
    }
    sums[c * CELL_SUMS] = received;
    sums[c * CELL_SUMS + 1] = publicUnmet;
  }
}

function settleStockpiles(world: World): void {
  const { markets, chain, ledger, regions: R } = world;
  for (let c = 0; c < world.materials * R; c++) {
    const m = Math.floor(c / R);
    const r = c - m * R;
    const s = (m * 3 + 1) * R + r;
    const bought = markets.stockpileBidTonnes[s] * markets.bidFillRatio[s];
    const released = markets.stockpileOfferTonnes[s] * markets.terminalSellRatio[s];
    if (bought === 0 && released === 0) continue;
    const price = markets.tradedPriceUsdPerTonne[s];
    chain.stockpileTonnes[c] += bought - released;
    ledger.governmentUsd[r] += (released - bought) * price;
    world.government.spendingUsdThisTick += bought * price;
    const e = world.effective.stockpileEvent[c];
    if (e >= 0) world.eventState.budgetLeftUsd[e] -= bought * price;
  }
}
