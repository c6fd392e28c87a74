import type { World } from '../world/world.ts';
import { RECYCLING, STOCKPILE_FORMS } from '../world/world.ts';
import { INPUT_MARKET } from './advanceProducers.ts';
import { CELL_SUMS, SETTLE_END_USER_CELLS, SETTLE_FIRM_CELLS, type CellSplit } from './cellTasks.ts';
import { settleFirmCells } from './settleFirmCells.ts';
import { payStockpileCarryingCosts } from './payStockpileCarryingCosts.ts';

/**
 * Phase 11: commits this tick's clearing to every agent (compute, then commit) and settles money.
 * Sellers deliver offers × sell ratio and are paid the traded price; buyers receive bids × fill
 * ratio and pay it; operating costs go to the rest of the economy, which also funds end users'
 * purchases; stockpiles buy and release at the traded price; price floors pay home producers the
 * gap to the floor while their budget lasts, and offtake guarantees also buy their unsold refined
 * output at the floor into the stockpile (what a stockpile sells is booked by the trigger of its offer,
 * `chain.stockpileReleasedByTriggerTonnes`); stockpiles' carrying costs are paid. Records shortfall (unmet demand) per market and the
 * end-of-life flow of what end users received.
 * @param cells - runs the agents' part over cell ranges on several threads (null: all here)
 */
export function settleAccounts(world: World, cells: CellSplit | null = null): void {
  for (let stage = 0; stage < 4; stage++) settleFirms(world, stage, cells);
  settleEndUsers(world, cells);
  settleStockpiles(world);
  payStockpileCarryingCosts(world);
}

function settleFirms(world: World, stage: number, cells: CellSplit | null): void {
  const count = world.materials * world.regions;
  if (cells !== null && !hasOfftake(world, stage)) {
    cells.run(SETTLE_FIRM_CELLS, stage);
    for (let c = 0; c < count; c++) bookFirmCell(world, stage, c);
  } else {
    // An offtake's share depends on the budget the cells booked before it left: settle and book each cell in turn.
    for (let c = 0; c < count; c++) {
      settleFirmCells(world, stage, c, c + 1);
      bookFirmCell(world, stage, c);
    }
  }
  let longest = -1;
  for (let c = 0; c < count; c++) longest = Math.max(longest, world.scratch.cellSums[c * CELL_SUMS + 6]);
  world.firmTotals.longestLossStreakTicks[stage] = longest;
}

/**
 * Whether any cell of a stage has an offtake guarantee: its settlement reads the budget left after the
 * cells before it were booked, so the stage is settled cell by cell. A plain price floor settles on the
 * threads like any other cell: its gap is capped at its budget before its firms are paid
 * (affordableFloorGap, settleFirmCells.ts), from a budget that only its own cell's booking changes.
 */
function hasOfftake(world: World, stage: number): boolean {
  const cells = world.materials * world.regions;
  for (let sc = stage * cells; sc < (stage + 1) * cells; sc++) if (world.effective.offtake[sc] !== 0) return true;
  return false;
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
  // Offtaken output is refined material held in the stockpile: an asset, at the refined base price.
  const offtakeCredit = sums[at + 2] * world.markets.basePriceUsdPerTonne[(m * 3 + 1) * R + r];
  world.government.stockpileCreditUsdThisTick += offtakeCredit;
  world.government.stockpileCreditByMaterialUsdThisTick[m] += offtakeCredit;
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

/** Share of a floor's payment below which what its budget has left after it counts as spent (rounding of the firms' sum). */
const SPENT_TOLERANCE = 1e-9;

/**
 * The home government pays a cell's floor gap and offtake, as its firms were paid them, out of the
 * cell's subsidy budget. Settlement capped them at what the budget had left (affordableFloorGap,
 * settleFirmCells.ts), but the firms' payments add up to it only to rounding: a remainder within
 * rounding (or a rounding overdraft) counts as spent, so the floor lapses rather than lingering on a
 * few nano-dollars.
 */
function payFloor(world: World, sc: number, amountUsd: number): void {
  const e = world.effective.supportEvent[sc];
  if (e >= 0) {
    const left = world.eventState.budgetLeftUsd[e] - amountUsd;
    world.eventState.budgetLeftUsd[e] = left < SPENT_TOLERANCE * amountUsd ? 0 : left;
  }
  const g = world.government.region;
  world.ledger.governmentUsd[g] -= amountUsd;
  world.government.spendingUsdThisTick += amountUsd;
  world.government.spendingByMaterialUsdThisTick[Math.floor(sc / world.regions) % world.materials] += amountUsd;
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
  const factors = world.scratch.endUseFactors;
  const { isPublic: publicOf, baseDemandTonnesPerTick: baseDemand } = endUsers;
  for (let c = cellFrom; c < cellTo; c++) {
    const m = Math.floor(c / R);
    const s = (m * 3 + 2) * R + (c - m * R);
    const privateFill = markets.bidFillRatio[s];
    const publicFill = markets.publicFillRatio[s];
    const publicFactor = factors[c * 2];
    const privateFactor = factors[c * 2 + 1];
    let received = 0;
    let publicUnmet = 0;
    for (let u = endUsers.cellStart[c], end = u + endUsers.cellCount[c]; u < end; u++) {
      const isPublic = publicOf[u];
      // The user's bid as end use made it.
      const bid = baseDemand[u] * (isPublic === 1 ? publicFactor : privateFactor);
      const got = bid * (isPublic === 1 ? publicFill : privateFill);
      publicUnmet += isPublic * (bid - got);
      received += got;
    }
    sums[c * CELL_SUMS] = received;
    sums[c * CELL_SUMS + 1] = publicUnmet;
  }
}

function settleStockpiles(world: World): void {
  const { markets, chain, ledger, regions: R } = world;
  const cells = world.materials * R;
  for (let c = 0; c < cells; c++) {
    const m = Math.floor(c / R);
    const r = c - m * R;
    for (let form = 0; form < STOCKPILE_FORMS; form++) {
      const s = (m * 3 + 1 + form) * R + r;
      const bought = markets.stockpileBidTonnes[s] * markets.bidFillRatio[s];
      const released = markets.stockpileOfferTonnes[s] * markets.stockpileSellRatio[s];
      if (bought === 0 && released === 0) continue;
      const price = markets.tradedPriceUsdPerTonne[s];
      chain.stockpileTonnes[form * cells + c] += bought - released;
      // Booked by why it was offered (advanceGovernment); an offer always carries its trigger, so no sale goes unbooked.
      const trigger = chain.stockpileOfferTrigger[form * cells + c];
      if (released > 0) chain.stockpileReleasedByTriggerTonnes[(trigger - 1) * STOCKPILE_FORMS * cells + form * cells + c] += released;
      ledger.governmentUsd[r] += (released - bought) * price;
      const e = world.effective.stockpileEvent[form * cells + c];
      if (e >= 0) world.eventState.budgetLeftUsd[e] -= bought * price;
      // Region r's government holds and pays for its stockpile; only the home government's counts as
      // policy cost (as for regulatory running costs, fundRunningCost.ts).
      if (r !== world.government.region) continue;
      const credit = (bought - released) * markets.basePriceUsdPerTonne[s] + released * price;
      world.government.spendingUsdThisTick += bought * price;
      world.government.spendingByMaterialUsdThisTick[m] += bought * price;
      world.government.stockpileCreditUsdThisTick += credit;
      world.government.stockpileCreditByMaterialUsdThisTick[m] += credit;
    }
  }
}
