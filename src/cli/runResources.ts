import type { ResultLayout } from '../../sim-core/index.ts';
import { checkRunResources, resolveMemoryLimit } from '../scenario/checkRunResources.ts';
import type { LoadedScenario } from '../scenario/loadScenario.ts';
import { UsageError } from './exitCodes.ts';
import type { RunSettings } from './runCommand.ts';

/**
 * The memory limit of a run: `--max-memory`, else $CRM_SIM_MAX_MEMORY, else 80% of RAM.
 * @throws UsageError when the flag or the variable is not a size.
 */
export function parseMemoryLimit(flag: string | undefined): { bytes: number; source: string } {
  const limit = resolveMemoryLimit(flag);
  if ('error' in limit) throw new UsageError(limit.error);
  return limit;
}

/**
 * Refuses a run (or shard) that would not fit in memory or whose spill would not fit on the
 * output's disk, before anything is allocated (src/scenario/checkRunResources.ts): a located
 * ScenarioError, exit code 3.
 */
export function checkRunFits(settings: RunSettings, loaded: LoadedScenario, layout: ResultLayout, replicatesHere: number, dir: string): void {
  checkRunResources(loaded, layout, {
    // A shard holds only its own replicates' summaries; the run's bands are the merge's.
    // The pool starts no more threads than there are replicates (countPoolWorkers): 1,000 workers for 2 replicates are 2.
    replicates: replicatesHere, bandReplicates: settings.shard === undefined ? settings.replicates : replicatesHere, workers: Math.min(settings.workers, replicatesHere), bands: settings.shard === undefined,
    chunkBytes: settings.chunkBytes, blockBytes: settings.blockBytes, keepSeries: settings.keepSeries,
    scenarioPath: settings.scenarioPath, sets: settings.sets, memoryLimit: settings.memoryLimit ?? parseMemoryLimit(undefined), outputDir: dir,
  });
}
