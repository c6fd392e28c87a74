import { type FieldRule, type TreePath, ruleFor } from './fieldRules.ts';
import { isDist, isPlainMap, type PlainMap } from './locatedTree.ts';
import { nominalValue } from './nominalValue.ts';
import { describeDimension, parseQuantity } from './parseQuantity.ts';
import { parseTime } from './parseTime.ts';
import type { ProblemSink } from './problemSink.ts';
import { MAX_MAGNITUDE } from './scenarioLimits.ts';

/** Distribution parameters that carry the key's unit (sd of a time is a duration). */
const UNIT_PARAMS = new Set(['min', 'mode', 'max', 'mean', 'sd', 'median']);

/** Converts one number-or-string to the rule's canonical unit; reports and returns it unchanged on failure. */
function convertScalar(value: unknown, rule: FieldRule, path: TreePath, startYear: number, sink: ProblemSink): unknown {
  if (typeof value !== 'number' && typeof value !== 'string') return value;
  if (rule.dimension === 'time') {
    // Without a valid startYear (itself reported), a date cannot become years since the start: check
    // its form only, and keep the schema from calling a good date "not a number" (one mistake, one error).
    const time = parseTime(value, Number.isNaN(startYear) ? 0 : startYear);
    if (Number.isNaN(startYear) && time.ok) {
      sink.suppress(path);
      return value;
    }
    if (time.ok) return time.value;
    sink.add(path, time.expected, sink.found(path, value), time.note);
    return value;
  }
  if (typeof value === 'number') return value;
  const quantity = parseQuantity(value, rule.dimension);
  if (quantity.ok) return quantity.value;
  sink.add(path, quantity.expected, sink.found(path, value), quantity.note);
  return value;
}

/** Converts the parameters of a distribution object in place. */
function convertDist(dist: PlainMap, rule: FieldRule, path: TreePath, startYear: number, sink: ProblemSink): void {
  for (const [param, value] of Object.entries(dist)) {
    if ((param === 'source' || param === 'asOf') && typeof value === 'number') dist[param] = String(value);
    const paramRule: FieldRule = param === 'sd' && rule.dimension === 'time' ? { dimension: 'years' } : rule;
    if (UNIT_PARAMS.has(param)) dist[param] = convertScalar(value, paramRule, [...path, param], startYear, sink);
    if (param === 'values' && Array.isArray(value)) {
      dist.values = value.map((v, i) => convertScalar(v, rule, [...path, param, i], startYear, sink));
    }
  }
}

/** Converts every numeric leaf below `node` in place. */
function convertNode(node: unknown, path: TreePath, startYear: number, sink: ProblemSink): void {
  const entries: [string | number, unknown][] = Array.isArray(node)
    ? node.map((v, i) => [i, v])
    : isPlainMap(node) ? Object.entries(node) : [];
  for (const [key, value] of entries) {
    const childPath = [...path, key];
    const rule = ruleFor(childPath);
    const container = node as Record<string | number, unknown>;
    if (key === 'source' || key === 'asOf') {
      if (typeof value === 'number') container[key] = String(value);
    } else if (rule && isDist(value)) convertDist(value, rule, childPath, startYear, sink);
    else if (rule && !isPlainMap(value) && !Array.isArray(value)) {
      container[key] = convertScalar(value, rule, childPath, startYear, sink);
    } else convertNode(value, childPath, startYear, sink);
  }
}

/** A date (`2025-01`, `2025-01-01`) with its year. */
const CALENDAR_DATE = /^\s*(\d{4})-\d{1,2}(?:-\d{1,2})?\s*$/;

/** What an event's `duration` accepts, for messages. */
const DURATION_EXPECTED = 'a positive duration (18 months, 1.5 years)';

/**
 * Replaces an event's `duration` by `end = start + duration` (nominal start). A duration that is
 * not a positive, finite, sane number is reported at `duration` itself, as written, and no `end`
 * is made from it (so no later check reports on an `end` the user never wrote); so is a duration
 * beside a start drawn from a distribution (the end would stay at the nominal start's).
 */
function resolveDuration(event: PlainMap, path: TreePath, sink: ProblemSink): void {
  if (event.duration === undefined) return;
  const durationPath = [...path, 'duration'];
  const duration = event.duration;
  delete event.duration;
  if (event.end !== undefined) {
    sink.add(durationPath, 'either end or duration', 'both', 'give one of them');
  } else if (isDist(duration)) {
    sink.add(durationPath, 'a fixed duration', 'a distribution', 'give end as a distribution instead');
  } else if (isDist(event.start)) {
    // end = start + duration is made once, from the nominal start: each run's drawn start would then
    // keep the nominal end, and the event would last a different time in every run.
    sink.add(durationPath, 'a duration with a fixed start', 'a start drawn from a distribution', 'give end instead: a date, or a distribution of its own');
  } else if (typeof duration !== 'number' || !(duration > 0 && duration <= MAX_MAGNITUDE)) {
    // A text the unit parser rejected is already reported here; add() keeps that one.
    const tooLong = typeof duration === 'number' && duration > MAX_MAGNITUDE;
    sink.add(durationPath, DURATION_EXPECTED, sink.found(durationPath, duration), tooLong ? `at most ${MAX_MAGNITUDE.toExponential()} years` : '');
  } else if (Number.isFinite(nominalValue(event.start))) {
    event.end = nominalValue(event.start) + duration;
  }
}

/**
 * Converts every quantity string, percentage, date and duration of the authoring tree to plain
 * numbers in canonical units, in place, including inside distribution objects; numeric
 * `source`/`asOf` become strings; event `duration` becomes `end`. Problems go to `sink`.
 */
export function convertUnits(tree: PlainMap, sink: ProblemSink): void {
  const startRule = ruleFor(['startYear']) as FieldRule;
  // `startYear: 2025-01`: a date where the calendar year is meant (the unit parser would call "-01" an unknown unit).
  const date = typeof tree.startYear === 'string' ? CALENDAR_DATE.exec(tree.startYear) : null;
  if (date) sink.add(['startYear'], describeDimension('number'), sink.found(['startYear'], tree.startYear), `startYear is a calendar year: write ${date[1]}`);
  else if (tree.startYear !== undefined) tree.startYear = convertScalar(tree.startYear, startRule, ['startYear'], NaN, sink);
  const startYear = typeof tree.startYear === 'number' ? tree.startYear : NaN;
  convertNode(tree, [], startYear, sink);
  if (!isPlainMap(tree.events)) return;
  for (const [id, event] of Object.entries(tree.events)) {
    if (isPlainMap(event)) resolveDuration(event, ['events', id], sink);
  }
}
