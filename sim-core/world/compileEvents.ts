import type { ScenarioSpec } from '../spec.ts';
import type { CompiledEvent } from './world.ts';
import { resolveEventIndices } from './resolveEventIndices.ts';

/** Kinds of the home government's policies: an election may reverse them when the home region enacts them. */
export const POLICY_KINDS: ReadonlySet<string> = new Set([
  'stockpile', 'tariff', 'subsidy', 'permittingReform', 'recyclingMandate', 'workforceProgramme', 'friendShoring',
]);

/** The fields that say who enacts an event (a plain authoring map or an EventSpec). */
export interface EnactedEvent {
  kind: unknown;
  region?: unknown;
  importer?: unknown;
  members?: unknown;
}

/**
 * Whether an election can reverse an event when the scenario does not say: a policy kind enacted by
 * the home region (its `region`, a tariff's `importer`, or friend-shoring with home among its
 * `members`). Only the home government's elections are modelled, so another region's policy (an
 * allied permitting reform or mandate) is not reversed unless the scenario sets `reversible: true`.
 * @param home - the home region's id (`government.region`)
 */
export function isReversibleByDefault(event: EnactedEvent, home: string): boolean {
  if (typeof event.kind !== 'string' || !POLICY_KINDS.has(event.kind)) return false;
  if (Array.isArray(event.members)) return event.members.includes(home);
  const enactedBy = event.kind === 'tariff' ? event.importer : event.region;
  return typeof enactedBy !== 'string' || enactedBy === home;
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
    return { spec: event, startTick, endTick, announcedTick, reversible: event.reversible ?? isReversibleByDefault(event, spec.government.region), at: resolveEventIndices(event, spec) };
  });
}
