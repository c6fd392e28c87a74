import type { World } from '../world/world.ts';
import { termsAt, TERM_COST_FACTOR, TERM_CURRENT_PRICE, TERM_FILL, TERM_INPUT_COST, TERM_INPUT_PRICE, TERM_REVENUE_PER_OFFERED, TERM_SOLD_SHARE } from './firmDecisions.ts';
import { putCellResults, putCellSums } from './putCellResults.ts';

/**
 * Settlement's firm loops for the usual cell: no price floor (floor gap and floor price 0) and no
 * offtake (offtake share +0). There the full loops' offtake (offer × (1 − sold share) × 0) and floor
 * payment (sold × 0 + offtake × 0) are zeros, and adding them changes no result: for finite values
 * sold + offtake equals sold bit for bit (the offtake is +0 when the offer is ≥ +0 and −0 otherwise,
 * the sold share being ≥ +0 and never −0), and profit + 0 can differ from profit only in the sign of a
 * zero, which reaches no result (cash balances and the profit sum start at +0 and are never −0; a
 * zero profit is no loss). The loops below leave those terms out.
 */

/** `settleBuyerCell` (settleFirmCells.ts) for a cell with no price floor and no offtake (see settlePlainCells.ts). */
export function settlePlainBuyerCell(world: World, stage: number, c: number): void {
  const store = world.stores[stage];
  const sums = world.scratch.cellSums;
  const terms = world.scratch.cellTerms;
  const t = termsAt(world, stage, c);
  const costFactor = terms[t + TERM_COST_FACTOR];
  const inputCost = terms[t + TERM_INPUT_COST];
  const currentPrice = terms[t + TERM_CURRENT_PRICE];
  const soldShare = terms[t + TERM_SOLD_SHARE];
  const revenuePerOffered = terms[t + TERM_REVENUE_PER_OFFERED];
  const fill = terms[t + TERM_FILL];
  const inputPrice = terms[t + TERM_INPUT_PRICE];
  const band = world.spec.behaviour.utilisationBand;
  const keepShare = 1 - band;
  const smoothing = world.salesSmoothing;
  const { alive, producedTonnes, unitCostUsdPerTonne: unitCosts, cashUsd, lossStreakTicks, bidTonnes } = store;
  const { outputInventoryTonnes: outputStock, inputInventoryTonnes: inputStock, expectedSalesTonnesPerTick: expectedSales } = store;
  let longestLossStreak = -1;
  let bids = 0;
  let received = 0;
  let costs = 0;
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
    const bought = bid * fill;
    const profit = offered * revenuePerOffered - operatingCost - bought * inputPrice;
    const outputLeft = stock - sold;
    outputStock[f] = outputLeft;
    const inputHeld = inputLeft + bought;
    inputStock[f] = inputHeld;
    cashUsd[f] += profit;
    profits += profit;
    const streak = profit < 0 ? lossStreakTicks[f] + 1 : 0;
    lossStreakTicks[f] = streak;
    if (streak > longestLossStreak) longestLossStreak = streak;
    const sales = salesBefore + (sold - salesBefore) * smoothing;
    expectedSales[f] = sales;
    bids += bid;
    received += bought;
    costs += operatingCost;
    cellStock += outputLeft + inputHeld;
    cellSales += sales;
    cellFirms++;
  }
  putCellResults(world, stage, c, cellStock, cellSales, cellFirms);
  putCellSums(sums, c, costs, 0, 0, profits, bids, received, longestLossStreak);
}

/** `settleSellerCell` (settleFirmCells.ts) for a cell with no price floor and no offtake (see settlePlainCells.ts). */
export function settlePlainSellerCell(world: World, stage: number, c: number): void {
  const store = world.stores[stage];
  const sums = world.scratch.cellSums;
  const terms = world.scratch.cellTerms;
  const t = termsAt(world, stage, c);
  const costFactor = terms[t + TERM_COST_FACTOR];
  const inputCost = terms[t + TERM_INPUT_COST];
  const currentPrice = terms[t + TERM_CURRENT_PRICE];
  const soldShare = terms[t + TERM_SOLD_SHARE];
  const revenuePerOffered = terms[t + TERM_REVENUE_PER_OFFERED];
  const band = world.spec.behaviour.utilisationBand;
  const keepShare = 1 - band;
  // Expected sales rise on the 4-week memory; a mine's fall on the slower miningSalesFallWeeks (G27).
  const riseSmoothing = world.salesSmoothing;
  const fallSmoothing = stage === 0 ? world.miningSalesFallSmoothing : riseSmoothing;
  const { alive, producedTonnes, unitCostUsdPerTonne: unitCosts, cashUsd, lossStreakTicks } = store;
  const { outputInventoryTonnes: outputStock, expectedSalesTonnesPerTick: expectedSales } = store;
  let longestLossStreak = -1;
  let costs = 0;
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
    const profit = offered * revenuePerOffered - operatingCost;
    const outputLeft = stock - sold;
    outputStock[f] = outputLeft;
    cashUsd[f] += profit;
    profits += profit;
    const streak = profit < 0 ? lossStreakTicks[f] + 1 : 0;
    lossStreakTicks[f] = streak;
    if (streak > longestLossStreak) longestLossStreak = streak;
    const salesBefore = expectedSales[f];
    const salesGap = sold - salesBefore;
    const sales = salesBefore + salesGap * (salesGap < 0 ? fallSmoothing : riseSmoothing);
    expectedSales[f] = sales;
    costs += operatingCost;
    cellStock += outputLeft;
    cellSales += sales;
    cellFirms++;
  }
  putCellResults(world, stage, c, cellStock, cellSales, cellFirms);
  putCellSums(sums, c, costs, 0, 0, profits, 0, 0, longestLossStreak);
}
