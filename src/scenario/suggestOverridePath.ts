import { isPlainMap } from './locatedTree.ts';
import { resolvedScenarioSchema } from './scenarioSchema.ts';

/** The top-level keys a scenario may have (`extends` is gone by the time overrides apply). */
const ROOT_KEYS: ReadonlySet<string> = new Set(Object.keys((resolvedScenarioSchema as unknown as { shape: Record<string, unknown> }).shape));

/**
 * The full path an override probably meant when its first segment is no top-level key but a key of
 * one of the scenario's top-level maps: an event, material or region id (`cut.quotaShare` for
 * `events.cut.quotaShare`) or a child such as `electionEveryYears` of `government`. Undefined when
 * the first segment is a top-level key, or no map (or more than one) holds it.
 *
 * @param root - The scenario tree the override applies to (its `extends` chain merged).
 * @param path - The override's path segments.
 * @returns The dotted path with its missing top-level key, or undefined.
 * @example
 * suggestOverridePath({ events: { cut: {} } }, ['cut', 'quotaShare']); // 'events.cut.quotaShare'
 */
export function suggestOverridePath(root: Record<string, unknown>, path: readonly string[]): string | undefined {
  const [first] = path;
  if (first === undefined || ROOT_KEYS.has(first) || Object.hasOwn(root, first)) return undefined;
  const holders = Object.entries(root).filter(([, value]) => isPlainMap(value) && Object.hasOwn(value, first)).map(([key]) => key);
  return holders.length === 1 ? [holders[0], ...path].join('.') : undefined;
}
