import type { EventSpec, ScenarioSpec } from '../spec.ts';
import type { CompiledEvent } from './world.ts';

const POLICY_KINDS = new Set([
  'stockpile', 'tariff', 'subsidy', 'permittingReform', 'recyclingMandate', 'workforceProgramme', 'friendShoring',
]);

/** Whether an election can reverse an event of this kind when the scenario does not say. */
export function isReversibleByDefault(event: EventSpec): boolean {
  return POLICY_KINDS.has(event.kind);
}

/** Converts events' times from years to ticks (start rounded down, end rounded up, at least one tick long). */
export function compileEvents(spec: ScenarioSpec, ticks: number): CompiledEvent[] {
  const perYear = spec.ticksPerYear;
  return spec.events.map((event) => {
    const startTick = Math.max(0, Math.floor(event.start * perYear + 1e-9));
    const endTick = event.end === undefined ? ticks + 1 : Math.max(startTick + 1, Math.ceil(event.end * perYear - 1e-9));
    const announcedTick = event.announced === undefined ? startTick : Math.min(startTick, Math.floor(event.announced * perYear + 1e-9));
    return { spec: event, startTick, endTick, announcedTick, reversible: event.reversible ?? isReversibleByDefault(event) };
  });
}
