import type { EventSpec, ScenarioSpec } from '../../sim-core/index.ts';

/**
 * A copy of `spec` with extra events, all events ordered by (start, id) as the loader orders them.
 *
 * @param spec - The resolved scenario (not modified).
 * @param events - Events to add.
 * @returns The disturbed copy.
 * @example
 * createDisturbedSpec(spec, createStageDisruption(spec, 'processing'));
 */
export function createDisturbedSpec(spec: ScenarioSpec, events: readonly EventSpec[]): ScenarioSpec {
  const copy = structuredClone(spec);
  copy.events = [...copy.events, ...structuredClone([...events])].sort(
    (a, b) => a.start - b.start || (a.id ?? '').localeCompare(b.id ?? ''),
  );
  return copy;
}
