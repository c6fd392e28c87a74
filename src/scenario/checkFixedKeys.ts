import type { FoundUncertainty } from './extractUncertainties.ts';
import type { ProblemSink } from './problemSink.ts';

/** Top-level keys that shape every replicate alike (horizon, calendar, tick length): never drawn. */
export const FIXED_KEYS: ReadonlySet<string> = new Set(['startYear', 'years', 'ticksPerYear']);

/**
 * Refuses a distribution on a key the engine reads once for the whole run (see {@link FIXED_KEYS}):
 * `years: {dist: …}` would otherwise run a fixed horizon (its nominal value) while looking uncertain.
 * Example: `years: {dist: uniform, min: 5, max: 10}` → `years: expected a fixed number …, found a distribution`.
 */
export function checkFixedKeys(found: readonly FoundUncertainty[], sink: ProblemSink): void {
  for (const u of found) {
    if (u.path.length !== 1 || !FIXED_KEYS.has(String(u.path[0]))) continue;
    sink.add(u.path, `a fixed number (${String(u.path[0])} shapes every replicate alike; sweep it with crm-sim sweep --grid instead)`, 'a distribution');
  }
}
