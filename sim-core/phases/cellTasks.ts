/**
 * The per-cell parts of the firm and end-user phases, which may run over ranges of cells
 * c = m × R + r on several threads (one replicate across threads). Each writes only its cells' agents
 * and per-cell results (`world.scratch.cellSums`, stride {@link CELL_SUMS}); the phase then adds the
 * per-cell results to markets, flows and ledgers on one thread, in cell order, so a replicate's bytes
 * do not depend on how cells were split.
 */

/** Task: firms of one capacity stage produce, bid and offer (advanceProducers). */
export const PRODUCE_CELLS = 0;
/** Task: firms of one capacity stage settle (settleAccounts). */
export const SETTLE_FIRM_CELLS = 1;
/** Task: end users bid (advanceEndUse). */
export const END_USE_CELLS = 2;
/** Task: end users settle (settleAccounts). */
export const SETTLE_END_USER_CELLS = 3;

/** Values per cell in `world.scratch.cellSums`. */
export const CELL_SUMS = 8;

/**
 * Runs a phase's per-cell task over every cell, split across threads or not; returns when all cells
 * are done. Threads call {@link runCellTask} on their own ranges.
 */
export interface CellSplit {
  run(task: number, stage: number): void;
}
