/**
 * A copy of sim-core/step.ts that times each phase: it calls the same phase functions in the same
 * order (the engine is not instrumented). `checkPhaseList` verifies that it still matches `step`
 * bit for bit, so a change of the tick's phase list shows up instead of silently skewing figures.
 */
import type { World } from '../sim-core/world/world.ts';
import { MANUFACTURING, MINING, PROCESSING, RECYCLING } from '../sim-core/world/world.ts';
import { beginTick } from '../sim-core/phases/beginTick.ts';
import { applyEvents } from '../sim-core/phases/applyEvents.ts';
import { advanceForeignActor } from '../sim-core/phases/advanceForeignActor.ts';
import { advanceGovernment } from '../sim-core/phases/advanceGovernment.ts';
import { advanceDiscovery } from '../sim-core/phases/advanceDiscovery.ts';
import { advanceProducers } from '../sim-core/phases/advanceProducers.ts';
import { advanceEndUse } from '../sim-core/phases/advanceEndUse.ts';
import { collectEndOfLife } from '../sim-core/phases/collectEndOfLife.ts';
import { clearMarkets } from '../sim-core/phases/clearMarkets.ts';
import { settleAccounts } from '../sim-core/phases/settleAccounts.ts';
import { advanceInvestment } from '../sim-core/phases/advanceInvestment.ts';
import { recordTick, type Recorder } from '../sim-core/record/recordTick.ts';
import { step } from '../sim-core/step.ts';
import { createBenchWorld } from './createBenchWorld.ts';
import type { ScenarioSpec } from '../sim-core/index.ts';

/** Phase names in tick order (index into the times array). */
export const PHASE_NAMES = [
  'beginTick', 'applyEvents', 'advanceForeignActor', 'advanceGovernment', 'advanceDiscovery',
  'mining', 'processing', 'manufacturing', 'advanceEndUse', 'collectEndOfLife', 'recycling',
  'clearMarkets', 'settleAccounts', 'advanceInvestment', 'recordTick',
] as const;

/** The wall clock in ms (performance.now, read at call time so that a replaced one is used). */
const wallClock = () => performance.now();

/**
 * One tick as in step.ts, adding each phase's elapsed milliseconds on `clock` to `times[phase]`
 * (the wall clock by default; bench/timeEngine.ts also passes the process's CPU clock).
 */
export function stepWithPhaseTimes(world: World, recorder: Recorder, times: Float64Array, clock: () => number = wallClock): void {
  let t = clock();
  let u = t;
  beginTick(world); u = clock(); times[0] += u - t; t = u;
  applyEvents(world); u = clock(); times[1] += u - t; t = u;
  advanceForeignActor(world); u = clock(); times[2] += u - t; t = u;
  advanceGovernment(world); u = clock(); times[3] += u - t; t = u;
  advanceDiscovery(world); u = clock(); times[4] += u - t; t = u;
  advanceProducers(world, MINING, null); u = clock(); times[5] += u - t; t = u;
  advanceProducers(world, PROCESSING, null); u = clock(); times[6] += u - t; t = u;
  advanceProducers(world, MANUFACTURING, null); u = clock(); times[7] += u - t; t = u;
  advanceEndUse(world); u = clock(); times[8] += u - t; t = u;
  collectEndOfLife(world, world.scratch.scrapTonnes); u = clock(); times[9] += u - t; t = u;
  advanceProducers(world, RECYCLING, world.scratch.scrapTonnes); u = clock(); times[10] += u - t; t = u;
  clearMarkets(world); u = clock(); times[11] += u - t; t = u;
  settleAccounts(world); u = clock(); times[12] += u - t; t = u;
  advanceInvestment(world); u = clock(); times[13] += u - t; t = u;
  recordTick(world, recorder); u = clock(); times[14] += u - t;
  world.tick++;
}

/**
 * Runs `ticks` ticks of one replicate with `step` and with {@link stepWithPhaseTimes}; returns
 * whether the recorded series are byte-identical (false: step.ts changed, update this file).
 */
export function checkPhaseList(spec: ScenarioSpec, seed: number, ticks: number): boolean {
  const a = createBenchWorld(spec, seed, 0);
  const b = createBenchWorld(spec, seed, 0, a.compiled);
  const times = new Float64Array(PHASE_NAMES.length);
  for (let i = 0; i < ticks; i++) {
    step(a.world, a.recorder);
    stepWithPhaseTimes(b.world, b.recorder, times);
  }
  return Buffer.from(a.recorder.series.buffer).equals(Buffer.from(b.recorder.series.buffer));
}
