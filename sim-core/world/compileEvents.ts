import type { EventSpec, ScenarioSpec } from '../spec.ts';
import type { CompiledEvent } from './world.ts';
import { resolveEventIndices } from './resolveEventIndices.ts';

const POLICY_KINDS = new Set([
  'stockpile', 'tariff', 'subsidy', 'permittingReform', 'recyclingMandate', 'workforceProgramme', 'friendShoring',
]);

/** Whether an election can reverse an event of this kind when the scenario does not say. */
export function isReversibleByDefault(event: EventSpec): boolean {
  return POLICY_KINDS.has(event.kind);
}

/**
 * Converts events' times from years to ticks (start rounded down, end rounded up, at least one tick
 * long). An event that ended by the run's start (end ≤ 0) is never active: start and end tick 0.
 * Its material, region, stage and member ids are resolved to indices here (resolveEventIndices.ts).
 */
export function compileEvents(spec: ScenarioSpec, ticks: number): CompiledEvent[] {
  const perYear = spec.ticksPerYear;
  return spec.events.map((event) => {
    const startTick = Math.max(0, Math.floor(event.start * perYear + 1e-9));
    const lastTick = event.end === undefined ? ticks + 1 : Math.ceil(event.end * perYear - 1e-9);
    // Clamped to tick 0 and one tick long, an event of the past used to act in the run's first tick.
    const endTick = lastTick <= 0 ? 0 : Math.max(startTick + 1, lastTick);
    const announcedTick = event.announced === undefined ? startTick : Math.min(startTick, Math.floor(event.announced * perYear + 1e-9));
    return { spec: event, startTick, endTick, announcedTick, reversible: event.reversible ?? isReversibleByDefault(event), at: resolveEventIndices(event, spec) };
  });
}
