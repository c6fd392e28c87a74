import { EVENT_DEFAULTS } from './defaults.ts';
import { isPlainMap, type PlainMap } from './locatedTree.ts';
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

/**
 * A required key another key can stand in for, by kind: a quota is a share of past exports
 * (`quotaShare`) or a fixed tonnage (`quotaTonnesPerYear`), one or the other.
 */
export const MODE_FIELD_ALTERNATIVES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  exportControl: { quotaShare: 'quotaTonnesPerYear' },
};

/** The key that selects a kind's mode, its modes, its default (none: required) and the keys only some modes read. */
export interface ModeSwitch {
  key: string;
  modes: readonly string[];
  defaultMode?: string;
  /** Key → the modes that read it; in any other mode the engine never reads it. */
  onlyIn: Readonly<Record<string, readonly string[]>>;
}

/**
 * Every event kind with modes (`mineAcquisition`'s mode changes nothing, so it reads no key by mode).
 * A key listed here and given in another mode would be ignored silently (sim-core/phases/applyActiveEvent.ts,
 * advanceGovernment.ts, advanceForeignActor.ts).
 */
export const MODE_SWITCHES: Readonly<Record<string, ModeSwitch>> = {
  exportControl: {
    key: 'mode', modes: ['quota', 'licensing', 'ban'],
    onlyIn: { quotaShare: ['quota'], quotaTonnesPerYear: ['quota'], approvalRate: ['licensing'], delayYears: ['licensing'] },
  },
  cyberattack: {
    key: 'mode', modes: ['scripted', 'stochastic'], defaultMode: 'scripted',
    onlyIn: { ratePerYear: ['stochastic'], downtimeSpread: ['stochastic'] },
  },
  subsidy: {
    key: 'mode', modes: ['capex', 'priceFloor', 'offtake', 'loanGuarantee'],
    onlyIn: { capexShare: ['capex'], priceFloorUsdPerTonne: ['priceFloor', 'offtake'], hurdleReduction: ['loanGuarantee'] },
  },
  stockpile: {
    key: 'doctrine', modes: ['daysOfConsumption', 'shortfall', 'release'], defaultMode: 'daysOfConsumption',
    onlyIn: { targetDays: ['daysOfConsumption', 'shortfall'], releaseShortfallShare: ['daysOfConsumption', 'shortfall'], releasePriceMultiple: ['daysOfConsumption'] },
  },
  mineAcquisition: { key: 'mode', modes: ['acquisition', 'offtake'], onlyIn: {} },
  priceManipulation: { key: 'mode', modes: ['leadership', 'exportDiscount'], defaultMode: 'leadership', onlyIn: {} },
};

/** `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * Whether `value` is the kind's default for `key`: the resolved YAML of a run carries every default
 * (quotaShare 1 on a ban), and a default in a mode that does not read it changes nothing.
 */
function isDefault(kind: string, key: string, value: unknown): boolean {
  const defaults = EVENT_DEFAULTS[kind as keyof typeof EVENT_DEFAULTS];
  return defaults !== undefined && Object.hasOwn(defaults, key) && defaults[key] === value;
}

/**
 * Reports every key of `event` that its mode does not read (see {@link MODE_SWITCHES}): an error,
 * but a warning where a command-line override switched the mode over a key the file wrote for
 * another (a `--grid` over modes cannot remove the other mode's keys for one point only).
 */
function checkOnlyInMode(id: string, event: PlainMap, kind: string, sink: ProblemSink, warnings: ProblemSink): void {
  if (!Object.hasOwn(MODE_SWITCHES, kind)) return;
  const { key: modeKey, modes, defaultMode, onlyIn } = MODE_SWITCHES[kind];
  const written = event[modeKey];
  const mode = written === undefined || written === null ? defaultMode : written;
  if (typeof mode !== 'string' || !modes.includes(mode)) return; // a missing or unknown mode is the schema's to report
  for (const [key, readBy] of Object.entries(onlyIn)) {
    const value = event[key];
    if (value === undefined || value === null || readBy.includes(mode) || isDefault(kind, key, value)) continue;
    const current = `${modeKey} ${mode}${written === undefined || written === null ? ' (the default)' : ''}`;
    const path = ['events', id, key];
    // The mode switched by an override over a key the file wrote for another mode (a --grid over modes).
    const overridden = sink.isOverride(['events', id, modeKey]) && !sink.isOverride(path);
    (overridden ? warnings : sink).add(path, `no ${key} with ${current} (it applies only to ${modeKey} ${orList(readBy)})`, sink.found(path, value),
      overridden ? 'ignored at this setting' : `it would be ignored: remove it (null in a file that extends), or set ${modeKey}: ${readBy[0]}`, true);
  }
}

/**
 * Reports every event whose mode lacks a key that mode needs (see {@link MODE_FIELDS}), at the
 * event, before defaults are applied: `mode: quota` without `quotaShare` is a mistake, not a quota of
 * 100%; and every key its mode does not read (see {@link MODE_SWITCHES}): `mode: ban` with
 * `quotaShare: 50%` would silently ban, not cut by half. A key at its default is not reported.
 * Example: an exportControl `mode: licensing` without `approvalRate` → `events.x.approvalRate: expected
 * approvalRate (required with exportControl mode licensing), found nothing`.
 */
export function checkModeFields(tree: Record<string, unknown>, sink: ProblemSink, warnings: ProblemSink): void {
  if (!isPlainMap(tree.events)) return;
  for (const [id, event] of Object.entries(tree.events)) {
    if (!isPlainMap(event) || typeof event.kind !== 'string') continue;
    checkOnlyInMode(id, event, event.kind, sink, warnings);
    if (typeof event.mode !== 'string') continue;
    const byMode = Object.hasOwn(MODE_FIELDS, event.kind) ? MODE_FIELDS[event.kind] : {};
    const required = Object.hasOwn(byMode, event.mode) ? byMode[event.mode] : [];
    const given = (key: string) => event[key] !== undefined && event[key] !== null;
    for (const key of required) {
      const alternative = MODE_FIELD_ALTERNATIVES[event.kind]?.[key];
      if (alternative !== undefined && given(alternative)) {
        // Both written: which one counts would be a guess (a resolved file carries the share's default, which is not reported).
        if (given(key) && !isDefault(event.kind, key, event[key])) {
          const fromSets = sink.isOverride(['events', id, key]) || sink.isOverride(['events', id, alternative]);
          sink.add(['events', id, alternative], `${key} or ${alternative}, not both (with ${event.kind} mode ${event.mode})`, `both (${key} ${sink.found(['events', id, key], event[key])})`,
            fromSets ? `remove one of them: --set events.${id}.${key}=null or --set events.${id}.${alternative}=null` : 'remove one of them (null in a file that extends)', true);
        }
        continue;
      }
      if (given(key)) continue;
      sink.add(['events', id, key], `${key}${alternative === undefined ? '' : ` or ${alternative}`} (required with ${event.kind} mode ${event.mode})`, 'nothing', 'required key', true);
    }
  }
}
