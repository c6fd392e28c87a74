import type { ScenarioSpec } from '../../sim-core/index.ts';
import { TRADED_STAGE_COUNT } from './appendPricePaths.ts';
import { scriptedEffectEnd } from '../scenario/scriptedEffectEnd.ts';

/** The ticks [startTick, endTick) over which a disruption's price peak is taken, and the same as calendar years. */
export interface DisruptionWindow {
  startTick: number;
  endTick: number;
  /** `startYear + startTick / ticksPerYear` (e.g. 2026 is 1 January 2026). */
  fromYear: number;
  toYear: number;
  /**
   * When the scenario draws its events' times (a `dist:` on `start`, `end` or `announced`), the
   * earliest and latest `fromYear` and `toYear` over the replicates, whose peaks are each taken in
   * their own window; absent when every replicate's window is the nominal one above.
   */
  drawn?: { fromYear: [number, number]; toYear: [number, number] };
}

/** How long after its events end a disruption's window runs: the restocking and the late peaks that follow a cut (VC-1's Dy peaked 14 months after the quota began). */
export const WINDOW_AFTER_END_YEARS = 1;

/**
 * The window in which events act on prices: from the earliest announcement (or start) of the events
 * at `indices` to {@link WINDOW_AFTER_END_YEARS} after the last one's effects end (scriptedEffectEnd:
 * a scripted cyberattack's downtime after its start; the run's end for an event without an end), in ticks, rounded as the engine rounds event times (compileEvents.ts). No events:
 * the whole run.
 *
 * @param spec - The resolved scenario.
 * @param indices - Indices into `spec.events`.
 * @param ticks - The run's length in ticks.
 * @returns The window.
 * @example
 * disruptionWindow(spec, [0], 520); // { startTick: 52, endTick: 182, fromYear: 2026, toYear: 2028.5 }
 */
export function disruptionWindow(spec: ScenarioSpec, indices: readonly number[], ticks: number): DisruptionWindow {
  const perYear = spec.ticksPerYear;
  let startTick = ticks;
  let endTick = 0;
  for (const index of indices) {
    const event = spec.events[index];
    const first = Math.min(event.start, event.announced ?? event.start);
    startTick = Math.min(startTick, Math.max(0, Math.floor(first * perYear + 1e-9)));
    const end = scriptedEffectEnd(event);
    const last = end === undefined ? ticks : Math.ceil(end * perYear - 1e-9) + Math.round(WINDOW_AFTER_END_YEARS * perYear);
    endTick = Math.max(endTick, Math.min(ticks, last));
  }
  if (indices.length === 0 || endTick <= startTick) [startTick, endTick] = indices.length === 0 ? [0, ticks] : [startTick, Math.min(ticks, startTick + 1)];
  return { startTick, endTick, fromYear: spec.startYear + startTick / perYear, toYear: spec.startYear + endTick / perYear };
}

/** How the price paths after a replicate's summaries are laid out (impactWorker.ts): material, traded stage, tick. */
export interface PathShape {
  materials: number;
  ticks: number;
}

/**
 * Per replicate, the highest price multiple outside the foreign actor's region in that replicate's
 * window, over `picks` (each a material and its quoted traded stage, 0 mining … 2 manufacturing).
 *
 * @param paths - Per replicate, the price paths impactWorker appends (its summaries already cut off).
 * @param shape - Their layout.
 * @param picks - Material and stage indices.
 * @param windows - Per replicate, the ticks to look at (replicates may draw their event times).
 * @returns One peak per replicate (NaN when nothing is picked).
 * @example
 * windowPeaks(paths, shape, [{ material: 0, stage: 1 }], paths.map(() => window))[0];
 */
export function windowPeaks(paths: readonly Float64Array[], shape: PathShape, picks: readonly { material: number; stage: number }[], windows: readonly DisruptionWindow[]): Float64Array {
  const { ticks } = shape;
  return Float64Array.from(paths, (path, replicate) => {
    const window = windows[replicate];
    let peak = NaN;
    for (const { material, stage } of picks) {
      const offset = (material * TRADED_STAGE_COUNT + stage) * ticks;
      for (let t = window.startTick; t < window.endTick; t++) {
        const value = path[offset + t];
        if (Number.isNaN(peak) || value > peak) peak = value;
      }
    }
    return peak;
  });
}

/**
 * The nominal window with, when the replicates' own windows differ from it (drawn event times), the
 * range of their start and end years (`drawn`), so a reader of impact.json sees that each peak was
 * taken in its replicate's window.
 *
 * @param nominal - The window at the scenario's nominal event times.
 * @param perReplicate - Each replicate's window.
 * @returns `nominal`, with `drawn` when any replicate's window differs.
 * @example
 * withDrawnRange(disruptionWindow(spec, [0], 520), windows); // { …, drawn: { fromYear: [2025.75, 2026.25], toYear: [2028.5, 2029] } }
 */
export function withDrawnRange(nominal: DisruptionWindow, perReplicate: readonly DisruptionWindow[]): DisruptionWindow {
  if (perReplicate.every((w) => w.startTick === nominal.startTick && w.endTick === nominal.endTick)) return nominal;
  const range = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];
  return { ...nominal, drawn: { fromYear: range(perReplicate.map((w) => w.fromYear)), toYear: range(perReplicate.map((w) => w.toYear)) } };
}
