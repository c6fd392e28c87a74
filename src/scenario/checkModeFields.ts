import { isPlainMap } from './locatedTree.ts';
import type { ProblemSink } from './problemSink.ts';

/**
 * Keys an event needs in a given mode, by kind and mode: without them the mode has no meaning (a
 * quota of what share?), so they are never defaulted. Other keys keep their defaults (a licensing
 * delay of 0 is a plain choice; an approval rate of 100% would make licensing a no-op).
 */
export const MODE_FIELDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  exportControl: { quota: ['quotaShare'], licensing: ['approvalRate'] },
  cyberattack: { stochastic: ['ratePerYear'] },
  subsidy: { capex: ['capexShare'], priceFloor: ['priceFloorUsdPerTonne'], offtake: ['priceFloorUsdPerTonne'], loanGuarantee: ['hurdleReduction'] },
};

/** Keys that only one mode reads, by kind: given in another mode they would be ignored silently. */
const ONLY_IN_MODE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  cyberattack: { ratePerYear: 'stochastic', downtimeSpread: 'stochastic' },
};

/**
 * Reports every event whose mode lacks a key that mode needs (see {@link MODE_FIELDS}), at the
 * event, before defaults are applied: `mode: quota` without `quotaShare` is a mistake, not a quota of 100%.
 * Example: an exportControl `mode: licensing` without `approvalRate` → `events.x.approvalRate: expected
 * the share of licences approved (required with mode licensing), found nothing`.
 */
export function checkModeFields(tree: Record<string, unknown>, sink: ProblemSink): void {
  if (!isPlainMap(tree.events)) return;
  for (const [id, event] of Object.entries(tree.events)) {
    if (!isPlainMap(event) || typeof event.kind !== 'string') continue;
    const onlyIn = Object.hasOwn(ONLY_IN_MODE, event.kind) ? ONLY_IN_MODE[event.kind] : {};
    for (const [key, mode] of Object.entries(onlyIn)) {
      if (event[key] !== undefined && event[key] !== null && event.mode !== mode) {
        sink.add(['events', id, key], `${key} only with mode ${mode} (mode is ${typeof event.mode === 'string' ? event.mode : 'not given'})`, sink.found(['events', id, key], event[key]), `add mode: ${mode}, or remove ${key}`, true);
      }
    }
    if (typeof event.mode !== 'string') continue;
    const byMode = Object.hasOwn(MODE_FIELDS, event.kind) ? MODE_FIELDS[event.kind] : {};
    const required = Object.hasOwn(byMode, event.mode) ? byMode[event.mode] : [];
    for (const key of required) {
      if (event[key] !== undefined && event[key] !== null) continue;
      sink.add(['events', id, key], `${key} (required with ${event.kind} mode ${event.mode})`, 'nothing', 'required key', true);
    }
  }
}
