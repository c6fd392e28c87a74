import type { World } from '../world/world.ts';
import { RECYCLING } from '../world/world.ts';
import { END_USE_CELLS, PRODUCE_CELLS, SETTLE_END_USER_CELLS, SETTLE_FIRM_CELLS } from './cellTasks.ts';
import { produceCells } from './advanceProducers.ts';
import { endUseCells } from './advanceEndUse.ts';
import { settleEndUserCells } from './settleAccounts.ts';
import { settleFirmCells } from './settleFirmCells.ts';

/**
 * Runs one per-cell task (see cellTasks.ts) on cells [cellFrom, cellTo): what each thread of a
 * replicate stepped across threads calls for its share of the cells.
 * @param stage - capacity stage (firm tasks; ignored by end-user tasks)
 */
export function runCellTask(world: World, task: number, stage: number, cellFrom: number, cellTo: number): void {
  if (task === PRODUCE_CELLS) produceCells(world, stage, stage === RECYCLING ? world.scratch.scrapTonnes : null, cellFrom, cellTo);
  else if (task === SETTLE_FIRM_CELLS) settleFirmCells(world, stage, cellFrom, cellTo);
  else if (task === END_USE_CELLS) endUseCells(world, cellFrom, cellTo);
  else if (task === SETTLE_END_USER_CELLS) settleEndUserCells(world, cellFrom, cellTo);
  else throw new Error(`unknown cell task ${task}`);
}
