import type { z } from 'zod';
import { didYouMean } from './didYouMean.ts';
import { ruleFor, type TreePath } from './fieldRules.ts';
import { pathKey } from './locatedTree.ts';
import type { ProblemSink } from './problemSink.ts';
import { quoteText } from './quoteText.ts';

/** The value at `path` in `root`, or undefined. */
export function valueAt(root: unknown, path: TreePath): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** How an expected type reads in a message (zod's names, e.g. `record`, read badly as `a record`). */
const TYPE_NAMES: Record<string, string> = {
  number: 'a finite number', object: 'a map', record: 'a map of ids', array: 'a list', boolean: 'true or false',
};

/** How a missing key of a unit family is written, for "required key" messages. */
const WRITTEN_AS: Readonly<Record<string, string>> = {
  years: 'a duration (6 weeks, 1.5 years)',
  share: 'a share (50%, 0.5)',
};

/** Error map that carries the known keys of a strict object in the issue's message (JSON). */
const keysErrorMap = (issue: { code?: string; inst?: unknown }): string | undefined => {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const shape = (issue.inst as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  return JSON.stringify(Object.keys(shape));
};

/**
 * For a text that a command-line override wrote and YAML read as a map or list (`--set 'description=a: b'`):
 * how to quote it (`description="a: b"`); else ''.
 */
function quoteHint(path: TreePath, sink: ProblemSink): string {
  const text = sink.overrideTextAt(path);
  if (text === undefined) return '';
  // A long or multi-line value is not repeated: the message stays one short line.
  const shown = text.length <= 40 && !/[\u0000-\u001f\u007f]/.test(text) ? JSON.stringify(text) : '"…"';
  // Inside a shell's single quotes an apostrophe ends the quote: write it as '\'' there.
  return `to give it as text, quote the value inside the shell's quotes: '${pathKey(path)}=${shown.replaceAll("'", "'\\''")}'`;
}

/** Turns one issue into problems (one per unknown key). */
function reportIssue(issue: z.core.$ZodIssue, root: unknown, base: TreePath, sink: ProblemSink): void {
  const path = [...base, ...(issue.path as (string | number)[])];
  const found = sink.found(path, valueAt(root, issue.path as TreePath));
  switch (issue.code) {
    case 'unrecognized_keys': {
      // An event's `duration` is turned into `end` before the schema sees it, so the schema does not list it.
      const known = [...(JSON.parse(issue.message) as string[]), ...(path[0] === 'events' && path.length === 2 ? ['duration'] : [])];
      for (const key of issue.keys) {
        const hint = didYouMean(key, known);
        sink.add([...path, key], 'a known key', quoteText(key), hint ? `did you mean "${hint}"?` : '', true);
      }
      return;
    }
    case 'invalid_value': {
      const hint = typeof valueAt(root, issue.path as TreePath) === 'string'
        ? didYouMean(String(valueAt(root, issue.path as TreePath)), issue.values.map(String)) : undefined;
      sink.add(path, `one of ${issue.values.join(', ')}`, found, hint ? `did you mean "${hint}"?` : '');
      return;
    }
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (!options) return sink.add(path, 'a number, a quantity or a distribution', found);
      // Only a string can be a misspelt option; String() of a map with its own `toString` key throws.
      const value = valueAt(root, issue.path as TreePath);
      const hint = typeof value === 'string' ? didYouMean(value, options.map(String)) : undefined;
      sink.add(path, `one of ${options.join(', ')}`, found, hint ? `did you mean "${hint}"?` : '');
      return;
    }
    case 'invalid_type': {
      const message = found === 'nothing' ? 'required key' : issue.expected === 'string' ? quoteHint(path, sink) : '';
      // A missing quantity is asked for as the author writes it ("a duration (6 weeks, 1.5 years)"), not as the schema holds it ("a finite number").
      const written = found === 'nothing' ? WRITTEN_AS[ruleFor(path)?.dimension ?? ''] : undefined;
      sink.add(path, written ?? (Object.hasOwn(TYPE_NAMES, issue.expected) ? TYPE_NAMES[issue.expected] : `a ${issue.expected}`), found, message, found === 'nothing');
      return;
    }
    default:
      sink.add(path, issue.message.replace(/^.*expected /i, ''), found);
  }
}

/**
 * Validates `value` with `schema` and adds one located problem per issue to `sink`
 * (unknown keys with a did-you-mean; missing keys located at their parent).
 * @param base - path of `value` inside the scenario tree
 */
export function reportZodIssues(schema: z.ZodType, value: unknown, sink: ProblemSink, base: TreePath = []): boolean {
  const result = schema.safeParse(value, { error: keysErrorMap });
  if (result.success) return true;
  for (const issue of result.error.issues) reportIssue(issue, value, base, sink);
  return false;
}
