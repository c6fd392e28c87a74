import { EVENT_DEFAULTS, REVERSIBLE_KINDS } from './defaults.ts';
import { eventKeyNote } from './eventKeyNotes.ts';
import { describeRange, type FieldRule, ruleFor } from './fieldRules.ts';
import { MODE_FIELDS, MODE_SWITCHES } from './checkModeFields.ts';
import type { Dimension } from './parseQuantity.ts';

/** What an event key is, for the event reference and the JSON Schema's hover text. */
export interface EventKeyFacts {
  /** Unit family with an example, what a bare number means, and the range, e.g. `share (50% or 0.5), ≥ 0 and ≤ 1`. */
  unit?: string;
  /** The default filled in when the key is omitted, as written in a scenario. */
  defaultValue?: string;
  /** The modes that read the key (all if undefined), as `mode quota`. */
  modes?: string;
  /** The modes that require it, as `mode quota`. */
  requiredIn?: string;
  note?: string;
}

/** Units by dimension: an example with its unit, and what a bare number is read as. */
const UNITS: Readonly<Record<Dimension | 'time', string>> = {
  share: 'share (50% or 0.5)',
  years: 'duration (18 months; bare: years)',
  weeks: 'duration (6 weeks; bare: weeks)',
  days: 'duration (60 days; bare: days)',
  price: 'price (450 USD/kg; bare: USD/t)',
  money: 'money (500 MUSD, 1 bn USD; bare: USD)',
  moneyRate: 'money per year (50 MUSD/yr; bare: USD/yr)',
  flow: 'flow (2 kt/yr; bare: t/yr)',
  mass: 'mass (2 kt; bare: t)',
  capex: 'capital cost (USD/(t/yr))',
  number: 'number',
  time: 'time (2026-01, 2026-01-15 or 18 months after the start; bare: years after the start, from 1800 a calendar year)',
};

/** A value of a key of `dimension` as a scenario would write it (a share as a percentage, money in MUSD or bn USD). */
export function formatValue(value: unknown, dimension: Dimension | 'time' | undefined): string {
  if (typeof value !== 'number') return String(value);
  if (dimension === 'share') return `${Number((value * 100).toPrecision(12))}%`;
  if (dimension === 'money' && value >= 1e9) return `${value / 1e9} bn USD`;
  if (dimension === 'money' && value >= 1e6) return `${value / 1e6} MUSD`;
  if (dimension === 'days') return `${value} days`;
  if (dimension === 'weeks') return `${value} weeks`;
  // A duration under a month reads better in days (the actor's one-week cyber downtime is 7/365.25 years).
  if (dimension === 'years' && value > 0 && value < 1 / 12 && Math.abs(value * 365.25 - Math.round(value * 365.25)) < 1e-9) return `${Math.round(value * 365.25)} days`;
  if (dimension === 'years') return `${value} years`;
  if (dimension === 'money' || dimension === 'moneyRate') return `${value} USD${dimension === 'moneyRate' ? '/yr' : ''}`;
  return String(value);
}

/** A default as a scenario would write it. */
function formatDefault(kind: string, key: string, value: unknown): string {
  return formatValue(value, ruleFor(['events', kind, key])?.dimension);
}

/** The unit family of a rule with an example, what a bare number means, and its range, e.g. `flow (2 kt/yr; bare: t/yr), ≥ 0`. */
export function describeRule(rule: FieldRule): string {
  const range = describeRange(rule).replace(/^a number ?/, '');
  return rule.dimension === 'time' || range === '' ? UNITS[rule.dimension] : `${UNITS[rule.dimension]}, ${range}`;
}

/** The numeric unit of `key` (undefined for ids, enums and flags). */
function unitOf(kind: string, key: string): string | undefined {
  const rule = ruleFor(['events', kind, key]);
  return rule ? describeRule(rule) : undefined;
}

/** The modes of `kind` in which `key` is read or required. */
function modesOf(kind: string, key: string): Pick<EventKeyFacts, 'modes' | 'requiredIn'> {
  const modeSwitch = Object.hasOwn(MODE_SWITCHES, kind) ? MODE_SWITCHES[kind] : undefined;
  const readBy = modeSwitch && Object.hasOwn(modeSwitch.onlyIn, key) ? modeSwitch.onlyIn[key] : undefined;
  const byMode = Object.hasOwn(MODE_FIELDS, kind) ? MODE_FIELDS[kind] : {};
  const required = Object.keys(byMode).filter((mode) => byMode[mode].includes(key));
  const label = (modes: string[]) => (modes.length ? `${modeSwitch?.key ?? 'mode'} ${modes.join(', ')}` : undefined);
  return { modes: readBy ? label([...readBy]) : undefined, requiredIn: label(required) };
}

/**
 * Facts about one event key, from the loader's own tables (fieldRules, defaults, modes), so that the
 * reference and the schema's hover text say what the loader does.
 * Example: `describeEventKey('exportControl', 'quotaShare')` → `{ unit: 'share (…), ≥ 0 and ≤ 1',
 * defaultValue: '100%', modes: 'mode quota', requiredIn: 'mode quota', note: 'Exports allowed, …' }`.
 */
export function describeEventKey(kind: string, key: string): EventKeyFacts {
  const defaults = EVENT_DEFAULTS[kind as keyof typeof EVENT_DEFAULTS];
  let defaultValue = defaults && Object.hasOwn(defaults, key) ? formatDefault(kind, key, defaults[key]) : undefined;
  if (key === 'reversible') defaultValue = REVERSIBLE_KINDS.has(kind) ? 'true when the home region enacts it' : 'false';
  if (kind === 'cyberattack' && key === 'mode') defaultValue = 'scripted';
  const modes = modesOf(kind, key);
  // A key required in every mode that reads it has a default only where nothing reads it.
  if (modes.requiredIn !== undefined && modes.requiredIn === modes.modes) defaultValue = undefined;
  return { unit: unitOf(kind, key), defaultValue, ...modes, note: eventKeyNote(kind, key) };
}

/** One line of hover text for the JSON Schema: note, unit, default, modes. */
export function eventKeyHover(kind: string, key: string): string | undefined {
  const f = describeEventKey(kind, key);
  const parts = [f.note, f.unit && `Unit: ${f.unit}`, f.defaultValue !== undefined && `Default: ${f.defaultValue}`,
    f.modes && `Only with ${f.modes}`, f.requiredIn && `Required with ${f.requiredIn}`];
  const text = parts.filter(Boolean).join('. ');
  return text ? `${text}.` : undefined;
}
