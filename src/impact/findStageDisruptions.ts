import type { EventSpec, ScenarioSpec, Stage } from '../../sim-core/index.ts';

/** Event kinds that disrupt supply or demand (threats and shocks); the others are mitigations. */
export const DISRUPTIVE_KINDS: ReadonlySet<string> = new Set(['exportControl', 'technologyBan', 'priceManipulation', 'cyberattack', 'outage', 'disinformation', 'mineAcquisition', 'demandShock']);

/**
 * The life-cycle stage a disruptive event strikes, or undefined for a mitigation (stockpile,
 * tariff, subsidy, …). Events with a `stage` strike that stage; disinformation (permitting)
 * strikes discovery, a mine acquisition mining, a demand shock end use.
 *
 * @param event - A scripted event.
 * @returns The stage, or undefined when the event is not disruptive.
 * @example
 * disruptedStage({ kind: 'exportControl', stage: 'processing', … }); // 'processing'
 */
export function disruptedStage(event: EventSpec): Stage | undefined {
  if (!DISRUPTIVE_KINDS.has(event.kind)) return undefined;
  if (event.kind === 'disinformation') return 'discovery';
  if (event.kind === 'mineAcquisition') return 'mining';
  if (event.kind === 'demandShock') return 'endUse';
  return 'stage' in event ? event.stage : undefined;
}

/** A stage's disruptive events: their indices in `spec.events` and their ids. */
export interface StageDisruption {
  stage: Stage;
  indices: number[];
  ids: string[];
}

/**
 * Groups a scenario's disruptive events by the stage they strike, in chain order.
 *
 * @param spec - The resolved scenario.
 * @param stages - Stage order (sim-core `STAGES`).
 * @returns One entry per stage with at least one disruptive event.
 * @example
 * findStageDisruptions(spec, STAGES).map((d) => d.stage); // ['processing', 'manufacturing']
 */
export function findStageDisruptions(spec: ScenarioSpec, stages: readonly Stage[]): StageDisruption[] {
  return stages.flatMap((stage) => {
    const indices = spec.events.flatMap((event, i) => (disruptedStage(event) === stage ? [i] : []));
    return indices.length === 0 ? [] : [{ stage, indices, ids: indices.map((i) => eventId(spec.events[i], i)) }];
  });
}

/**
 * An event's id, or `<kind>#<index>` when it has none.
 *
 * @param event - The event.
 * @param index - Its index in `spec.events`.
 * @returns The id.
 * @example
 * eventId({ kind: 'outage', … }, 3); // 'outage#3'
 */
export function eventId(event: EventSpec, index: number): string {
  return event.id ?? `${event.kind}#${index}`;
}

/**
 * A copy of `spec` without the events at `indices`, its uncertainties on events re-indexed (those
 * of a removed event dropped).
 *
 * Why remove rather than defer (compare `deferEventsPastHorizon` in src/calibrate/runEpisode.ts): an
 * impact arm must be free of the struck events whatever their uncertain values (a deferred event with an
 * uncertain start would be drawn back inside the horizon), so the events and their uncertainties go.
 * The arm stays paired with the run as scripted because each uncertain value's stream is named after its
 * label (an id path such as `events.q.quotaShare`; see `parameterStreamName` in sim-core), which the
 * re-indexed uncertainties keep.
 *
 * @param spec - The resolved scenario (not modified).
 * @param indices - Indices into `spec.events` to drop.
 * @returns The counterfactual scenario.
 * @example
 * removeEvents(spec, [0, 2]).events.length; // spec.events.length - 2
 */
export function removeEvents(spec: ScenarioSpec, indices: readonly number[]): ScenarioSpec {
  const drop = new Set(indices);
  const copy = structuredClone(spec);
  copy.events = copy.events.filter((_, i) => !drop.has(i));
  // Uncertainties address events by index: those of a removed event go with it, the others follow
  // their event to its new index (their draws are keyed by label, so the pairing holds).
  const newIndex = spec.events.map((_, i) => (drop.has(i) ? -1 : i - [...drop].filter((d) => d < i).length));
  copy.uncertainties = copy.uncertainties.flatMap((u) => {
    const match = /^events\.(\d+)\.(.*)$/.exec(u.path);
    if (match === null) return [u];
    const to = newIndex[Number(match[1])];
    return to === undefined || to < 0 ? [] : [{ ...u, path: `events.${to}.${match[2]}` }];
  });
  return copy;
}
