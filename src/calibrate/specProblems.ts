import type { z } from 'zod';
import { didYouMean } from '../scenario/didYouMean.ts';
import type { TreePath } from '../scenario/fieldRules.ts';
import type { ProblemSink } from '../scenario/problemSink.ts';
import { describeFound } from '../scenario/problemSink.ts';
import { quoteText } from '../scenario/quoteText.ts';
import type { Problem } from '../scenario/scenarioError.ts';
import { valueAt } from '../scenario/zodProblems.ts';

/**
 * How a calibration spec's values read in messages when the schema rejects them, by the last key of
 * their path (the schema's own words are the validator library's: "Too small: expected number to be >0").
 */
const EXPECTED_BY_KEY: Record<string, string> = {
  seed: 'an integer', replicates: 'an integer ≥ 1', maxEvaluations: 'an integer ≥ 1',
  window: 'two dates [from, to]', baseline: 'two dates [from, to]', denominatorWindow: 'two dates [from, to]',
  from: 'a date such as 2010-07 or 2010-07-15', month: 'a date such as 2010-07 or 2010-07-15',
  band: 'two bounds [low, high], each a number or null', series: 'a series metric:material:stage:region, or a list of them',
  denominator: 'a series metric:material:stage:region, or a list of them', withoutEvents: 'a list of event ids (at least one)',
  tolerance: 'a number > 0', denominatorFactor: 'a number > 0', weight: 'a number ≥ 0', afterMonths: 'a number of months ≥ 0',
  path: 'behaviour.<key> or demand.<key>', episodes: 'a map of episodes (id: { scenario, targets })',
  targets: 'a map of targets (id: { kind, series, …, band })', parameters: 'a list of parameters ({ path, min, max })',
};

/** Plain names of the validator's types. */
const TYPE_NAMES: Record<string, string> = {
  number: 'a finite number', string: 'a text', object: 'a map', record: 'a map of ids', array: 'a list', boolean: 'true or false', int: 'an integer',
};

/** Error map that carries the known keys of a strict object in the issue's message (JSON), for did-you-mean. */
const keysErrorMap = (issue: { code?: string; inst?: unknown }): string | undefined => {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const shape = (issue.inst as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  return JSON.stringify(Object.keys(shape));
};

/** A value for a message: scalars as {@link describeFound}, short lists of scalars written out (`[1990-01, 1991-01]`). */
export function describeValue(value: unknown): string {
  if (Array.isArray(value) && value.length <= 6 && value.every((v) => v === null || typeof v !== 'object')) {
    return `[${value.map((v) => (typeof v === 'string' ? v : describeFound(v))).join(', ')}]`;
  }
  return describeFound(value);
}

/** Keys whose value is a pair of dates, and keys whose value is a series or a list of series. */
const DATE_PAIRS = new Set(['window', 'baseline', 'denominatorWindow']);
const SERIES = new Set(['series', 'denominator']);

/** The expected text for a value at `path` (by its last key; an item of a date pair or series list by its list's key), or `fallback`. */
function expectedAt(path: TreePath, fallback: string): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof last === 'number' && typeof parent === 'string') {
    if (DATE_PAIRS.has(parent)) return 'a date such as 2010-07 or 2010-07-15';
    if (SERIES.has(parent)) return 'a series metric:material:stage:region';
    if (parent === 'band') return 'a number or null';
  }
  return typeof last === 'string' && Object.hasOwn(EXPECTED_BY_KEY, last) ? EXPECTED_BY_KEY[last] : fallback;
}

/** Turns one issue of the calibration spec schema into located problems. */
function reportIssue(issue: z.core.$ZodIssue, root: unknown, sink: ProblemSink): void {
  const path = issue.path as TreePath;
  const value = valueAt(root, path);
  const found = Array.isArray(value) ? describeValue(value) : sink.found(path, value);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = JSON.parse(issue.message) as string[];
      for (const key of issue.keys) {
        const hint = didYouMean(key, known);
        sink.add([...path, key], `a known key (${known.join(', ')})`, quoteText(key), hint ? `did you mean "${hint}"?` : '', true);
      }
      return;
    }
    case 'invalid_value':
    case 'invalid_union': {
      const options = issue.code === 'invalid_value' ? issue.values.map(String) : (issue as { options?: unknown[] }).options?.map(String);
      if (!options) return sink.add(path, expectedAt(path, 'a valid value'), found);
      const hint = typeof value === 'string' ? didYouMean(value, options) : undefined;
      return sink.add(path, `one of ${options.join(', ')}`, found, hint ? `did you mean "${hint}"?` : '');
    }
    case 'invalid_type':
      if (value === undefined) return sink.add(path, expectedAt(path, TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`), 'nothing', 'required key', true);
      return sink.add(path, expectedAt(path, TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`), found);
    case 'invalid_format':
      // The schema's own words for its patterns ('a date such as 2010-07 or 2010-07-15').
      return sink.add(path, issue.message, found);
    default:
      sink.add(path, expectedAt(path, issue.message.replace(/^.*expected /i, '')), found);
  }
}

/**
 * Validates a calibration spec's data with `schema` and adds one located problem per issue to
 * `sink`, in the scenario loader's style (unknown keys with a did-you-mean; missing keys located at their parent).
 */
export function reportSpecIssues(schema: z.ZodType, value: unknown, sink: ProblemSink): boolean {
  const result = schema.safeParse(value, { error: keysErrorMap });
  if (result.success) return true;
  for (const issue of result.error.issues) reportIssue(issue, value, sink);
  return false;
}

/**
 * A problem of the file reader (missing file, folder, not YAML) as said of a calibration spec
 * rather than of a scenario file.
 */
export function asSpecReadProblem(problem: Problem): Problem {
  const expected = problem.expected
    .replace(/^a map of scenario keys$/, 'a calibration spec (name, parameters, episodes)')
    .replace(/^a (readable|regular) scenario file$/, 'a readable calibration spec')
    .replace(/scenario file/g, 'calibration spec');
  return { ...problem, expected, message: problem.message.replace(/^scenario files are data/, 'calibration specs are data') };
}
