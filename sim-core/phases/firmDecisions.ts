import type { World } from '../world/world.ts';

/**
 * A producing firm's decisions of one tick as pure formulas: the reference definitions. Production
 * sums them per cell for the markets; settlement recomputes each firm's offer instead of reading it
 * from a per-firm scratch column (fewer columns written and stored, the same bits). Both use the
 * same per-cell terms, which production saves in `world.scratch.cellTerms` ({@link termsAt}).
 * (Recomputing bids in settlement too was measured slower than storing them.)
 *
 * The hot firm loops (advanceProducers.ts, settlePlainCells.ts, settleFirmCells.ts) write these
 * formulas out rather than call them: V8 re-checks an imported binding (loaded from its module
 * cell, compared with the hole and with the inlined function) on every call, even an inlined one,
 * which cost ~5% of the tick's instructions. test/sim-core/firmLoopsMatchFormulas.test.ts holds the
 * written-out copies to these functions bit for bit, firm by firm.
 */

/** Input stock, as a multiple of its target, beyond which buyers stop precautionary buying. Assumption. */
export const HOARDING_LIMIT = 1.5;

/** Values per (stage, cell) in `world.scratch.cellTerms`: 11 saved by production, 6 by settlement for its cell loops. */
export const CELL_TERMS = 17;
/** Offsets into a cell's terms. */
export const TERM_COST_FACTOR = 0;
/** The ask's input cost per tonne of output: askInputPriceOf(P, Pₑ) of the input / yield. */
export const TERM_INPUT_COST = 1;
export const TERM_CURRENT_PRICE = 2;
export const TERM_EXPECTED_PRICE = 3;
export const TERM_HOARDING = 4;
export const TERM_IGNORE_COST = 5;
export const TERM_YIELD = 6;
export const TERM_COVER_TICKS = 7;
export const TERM_SOLD_SHARE = 8;
export const TERM_REVENUE_PER_OFFERED = 9;
export const TERM_FLOOR_GAP = 10;
export const TERM_OFFTAKE_SHARE = 11;
export const TERM_FILL = 12;
export const TERM_INPUT_PRICE = 13;
/** The cell's offer (Σ of its firms' offers) as production summed it: settlement caps a price floor's payment with it. */
export const TERM_OFFERED = 14;
/** Expected input cost per tonne of output, Pₑ,input / yield: utilisation's input cost (TERM_INPUT_COST is the ask's, askInputPrice.ts). */
export const TERM_EXPECTED_INPUT_COST = 15;
/** The output price production's utilisation plans on: utilisationOutputPriceOf(P, Pₑ*) (utilisationOutputPrice.ts); orders' utilisation and the price response keep TERM_EXPECTED_PRICE. */
export const TERM_UTILISATION_PRICE = 16;

/** Index of the first term of cell c (m × R + r) of a capacity stage in `world.scratch.cellTerms`. */
export function termsAt(world: World, stage: number, c: number): number {
  return (stage * world.materials * world.regions + c) * CELL_TERMS;
}

/**
 * Utilisation by cost: clamp((Pᵤ − cᵢ − (1 − band)·c_f) / (band·c_f), 0, 1).
 * @param expectedPrice - the output price utilisation plans on, Pᵤ = max(Pₑ*, P·(1 − x)) (utilisationOutputPrice.ts), USD/t
 * @param inputCost - expected input cost per tonne of output, USD/t
 * @param unitCost - the firm's unit cost this tick (learning applied), USD/t
 */
export function utilisationOf(expectedPrice: number, inputCost: number, band: number, unitCost: number): number {
  const margin = expectedPrice - inputCost - (1 - band) * unitCost;
  return Math.min(1, Math.max(0, margin / (band * unitCost)));
}

/**
 * Share of stock offered at a cost-based ask a = unit cost + input cost (the input at askInputPriceOf(P, Pₑ), askInputPrice.ts): clamp((P − (1 − band)·a)/(band·a), 0, 1).
 * @param currentPrice - the output market's price when production ran, USD/t
 */
export function offerShareOf(currentPrice: number, band: number, ask: number): number {
  return Math.min(1, Math.max(0, (currentPrice - (1 - band) * ask) / (band * ask)));
}

/**
 * Input order (order-up-to with hoarding while stock is below HOARDING_LIMIT × target), t.
 * @param utilisation - utilisation on the expected output price Pₑ*, not on Pᵤ: orders do not follow an output-price spike (utilisationOutputPrice.ts)
 * @param expectedUse - expected sales ÷ yield, t/tick
 * @param inputLeft - input stock after this tick's production, t
 */
export function bidOf(utilisation: number, expectedUse: number, inputLeft: number, rate: number, coverTicks: number, hoarding: number): number {
  const hoard = inputLeft < HOARDING_LIMIT * coverTicks * expectedUse ? hoarding : 1;
  return utilisation > 0 ? Math.max(0, expectedUse + rate * (coverTicks * expectedUse - inputLeft)) * hoard : 0;
}
