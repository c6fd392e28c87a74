import type { DistributionSpec } from '../../sim-core/index.ts';
import type { FoundUncertainty } from './extractUncertainties.ts';
import { isPlainMap, type PlainMap } from './locatedTree.ts';
import { formatCalendarDate } from './parseTime.ts';
import type { ProblemSink } from './problemSink.ts';

/** The values a time can take: its lowest and highest (infinite for an unbounded law), and whether they have weight of their own. */
interface TimeRange {
  low: number;
  high: number;
  /** A fixed time or a discrete law: a draw can equal an end of the range exactly. */
  atoms: boolean;
  /** Written as a distribution. */
  drawn: boolean;
}

/**
 * The range of a distribution's draws (a normal without min or max, or a lognormal, is unbounded on
 * that side), or undefined for a malformed law: this check runs before the loader throws the
 * problems found so far, so it meets laws the schema has already refused (a discrete law without
 * `values`, a uniform without `min`) and must neither crash on them nor add a second error.
 */
function rangeOf(dist: DistributionSpec): TimeRange | undefined {
  switch (dist.dist) {
    case 'uniform':
    case 'triangular':
      return areNumbers([dist.min, dist.max]) ? { low: dist.min, high: dist.max, atoms: false, drawn: true } : undefined;
    case 'normal':
      return areNumbers([dist.min ?? 0, dist.max ?? 0]) ? { low: dist.min ?? -Infinity, high: dist.max ?? Infinity, atoms: false, drawn: true } : undefined;
    case 'lognormal':
      return { low: 0, high: Infinity, atoms: false, drawn: true };
    case 'discrete':
      return Array.isArray(dist.values) && areNumbers(dist.values) ? { ...extremesOf(dist.values), atoms: true, drawn: true } : undefined;
    default:
      return undefined;
  }
}

/** Whether there is at least one value and every one is a number (an array, not spread arguments: see extremesOf). */
function areNumbers(values: readonly unknown[]): boolean {
  return values.length > 0 && values.every((v) => typeof v === 'number');
}

/**
 * The lowest and highest of `values`, in a loop: `Math.min(...values)` passes each value as an
 * argument, and a 1 MiB file may list more values than the stack holds arguments (~150,000 overflow it).
 */
function extremesOf(values: readonly number[]): { low: number; high: number } {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  return { low, high };
}

/**
 * Checks the drawn times of events against each other (audit 25, H2): an event whose `end` a
 * replicate can draw at or before its `start`, or whose `announced` after its `start`. The engine
 * runs such a draw for one tick (compileEvents keeps end after start), silently, so a quota "until
 * Sep 2026" with a start drawn in 2026 bound for a week in some runs and the Monte Carlo mean mixed them
 * in. Bounded ranges of start and end that can cross are errors, naming both ranges; a law without a
 * bound on the side that matters (a normal without `max`, a lognormal) is a warning: its draws cross
 * rarely, but can. An announcement drawn after the start only loses its lead (the engine announces
 * such a run's event at its start): a warning.
 * Fixed times on both sides are checkReferences' (end after start, announced at or before it).
 *
 * @param nominal - The tree with distributions replaced by nominal values (canonical units: years since the start).
 * @param found - The distributions taken out of it, by path.
 * @param startYear - The scenario's first calendar year (dates in messages).
 * @param errors - Where errors go.
 * @param warnings - Where warnings go.
 * @example
 * checkDrawnEventTimes(nominal, found, 2025, sink, warnings);
 */
export function checkDrawnEventTimes(nominal: PlainMap, found: readonly FoundUncertainty[], startYear: number, errors: ProblemSink, warnings: ProblemSink): void {
  const events = isPlainMap(nominal.events) ? nominal.events : {};
  const drawn = new Map(found.filter((u) => u.path.length === 3 && u.path[0] === 'events').map((u) => [`${String(u.path[1])}.${String(u.path[2])}`, u.distribution]));
  const date = (years: number): string => (Number.isFinite(startYear) ? formatCalendarDate(years, startYear) : `${years} years`);
  for (const [id, event] of Object.entries(events)) {
    if (!isPlainMap(event)) continue;
    const timeOf = (key: string): TimeRange | undefined => {
      const dist = drawn.get(`${id}.${key}`);
      if (dist !== undefined) return rangeOf(dist);
      return typeof event[key] === 'number' ? { low: event[key] as number, high: event[key] as number, atoms: true, drawn: false } : undefined;
    };
    const start = timeOf('start');
    if (start === undefined) continue;
    const describe = (key: string, range: TimeRange): string => {
      if (!range.drawn) return `${key} ${date(range.low)}`;
      const [low, high] = [Number.isFinite(range.low), Number.isFinite(range.high)];
      if (low && high) return `${key} drawn from ${date(range.low)} to ${date(range.high)}`;
      if (low) return `${key} drawn from ${date(range.low)}, without an upper bound`;
      return high ? `${key} drawn up to ${date(range.high)}, without a lower bound` : `${key} drawn from a law without bounds`;
    };
    const pairs: Array<{ key: 'end' | 'announced'; early: TimeRange; late: TimeRange; expected: string; strict: boolean }> = [];
    const end = timeOf('end');
    if (end !== undefined) pairs.push({ key: 'end', early: start, late: end, expected: 'an end after every start it can be drawn with', strict: true });
    const announced = timeOf('announced');
    if (announced !== undefined) pairs.push({ key: 'announced', early: announced, late: start, expected: 'an announcement at or before every start it can be drawn with', strict: false });
    for (const { key, early, late, expected, strict } of pairs) {
      if (!early.drawn && !late.drawn) continue;
      // The late time must follow the early one in every draw: its lowest after the other's highest (equal only where neither has weight there, or where equality is allowed).
      const touching = late.low === early.high && (strict ? early.atoms && late.atoms : false);
      if (late.low > early.high || (late.low === early.high && !touching)) continue;
      const path = [key === 'end' && !end?.drawn ? 'start' : key === 'announced' && !announced?.drawn ? 'start' : key];
      const both = `${describe(key === 'end' ? 'start' : 'announced', early)}, ${describe(key === 'end' ? 'end' : 'start', late)}`;
      const bounded = Number.isFinite(early.high) && Number.isFinite(late.low);
      const effect = key === 'end' ? 'a run that draws them the wrong way round runs the event for one week' : 'a run that draws them the wrong way round has no announcement ahead: the event comes unannounced';
      // An announcement drawn late only loses its lead (the engine announces at the start): a warning, bounded or not.
      if (bounded && key === 'end') {
        errors.add(['events', id, ...path], expected, both, `${effect}; the two ranges must not overlap`);
        // checkReferences would compare the nominal start and end too, quoting a start nobody wrote (review 25, L2).
        errors.suppress(['events', id, 'end']);
      } else {
        const fix = bounded ? 'the two ranges must not overlap' : `give the unbounded law a ${Number.isFinite(early.high) ? 'min' : 'max'} so that every draw keeps the order`;
        warnings.add(['events', id, ...path], expected, both, `${effect}${bounded ? '' : ' (rarely)'}; ${fix}`);
      }
    }
  }
}
