import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isPlainMap, type Loc, type Located, locate, pathKey, purgeLocs } from './locatedTree.ts';
import { mergeLocated } from './mergeLocated.ts';
import { didYouMean } from './didYouMean.ts';
import { describeFound } from './problemSink.ts';
import { quoteText, shortenText } from './quoteText.ts';
import { readYamlFile } from './readYamlFile.ts';
import type { Problem } from './scenarioError.ts';
import { MAX_EXTENDS_CHAIN } from './scenarioLimits.ts';

/** Longest looked-for path a missing-parent message shows (the start is kept: the folder it looked in). */
const MAX_SHOWN_PATH = 240;

/** Keys that describe one file, not the scenarios that extend it: a child without its own has none. */
export const NOT_INHERITED = ['title', 'description'] as const;

/** A `key: null` in a file that extends another where the parent has no such key: nothing was deleted. */
export interface UnmatchedDeletion {
  /** Path of the key, with ids. */
  path: Array<string | number>;
  /** Where the child wrote it. */
  loc: Loc;
  /** The parent file the key was looked for in. */
  parentFile: string;
}

/** A scenario with its `extends` chain merged, and the files read (the named file first). */
export interface ResolvedChain {
  located: Located;
  files: string[];
  /**
   * Deletions that found nothing to delete, for a check once defaults are applied
   * (`checkUnmatchedDeletions`): a misspelt `cnQuotaNdprMagnet: null` kept the event it meant to remove.
   */
  unmatchedDeletions: UnmatchedDeletion[];
}

/** A path for a one-line message: control characters and line separators escaped, a long one cut. */
function shownPath(path: string): string {
  return shortenText(path.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => (c < '\u0080' ? JSON.stringify(c).slice(1, -1) : `\\u${c.charCodeAt(0).toString(16)}`)), MAX_SHOWN_PATH);
}

/** A problem at the `extends` value of `located`. */
function extendsProblem(located: Located, file: string, expected: string, found: string, message = ''): Problem {
  const loc = locate(located, ['extends'], false, { file, line: 1, column: 1 });
  return { ...loc, path: 'extends', expected, found, message };
}

/**
 * Reads the scenario at `absolutePath` (named `file` in messages) and merges it onto the scenario
 * it `extends`, recursively (paths relative to the extending file's folder). A child does not
 * inherit its parent's `title:` or `description:` ({@link NOT_INHERITED}), nor its `name:` (a child
 * without one is named after its file). Returns undefined after adding
 * to `problems` when a file is unreadable or invalid YAML, a parent is missing, or the chain cycles.
 * @param chain - absolute paths of the files that extend this one (for cycle detection)
 */
export function resolveExtends(
  absolutePath: string,
  file: string,
  problems: Problem[],
  chain: readonly string[] = [],
): ResolvedChain | undefined {
  const read = readYamlFile(absolutePath, file);
  if (!read.ok) {
    problems.push(...read.problems);
    return undefined;
  }
  const child = read.located;
  const parentRef = child.value.extends;
  delete child.value.extends;
  if (parentRef === undefined || parentRef === null) return { located: child, files: [absolutePath], unmatchedDeletions: [] };
  if (typeof parentRef !== 'string' || parentRef.trim() === '') {
    problems.push(extendsProblem(child, file, 'a path to a scenario file', describeFound(parentRef)));
    return undefined;
  }
  const parentPath = resolve(dirname(absolutePath), parentRef);
  const parentFile = isAbsolute(parentRef) ? parentRef : join(dirname(file), parentRef);
  if ([...chain, absolutePath].includes(parentPath)) {
    const cycle = [...chain, absolutePath, parentPath].map((p) => p.split(/[\\/]/).pop()).join(' → ');
    problems.push(extendsProblem(child, file, 'an extends chain without cycles', `a cycle ${cycle}`));
    return undefined;
  }
  if (!existsSync(parentPath)) {
    const where = isAbsolute(parentRef) ? '' : "; extends paths are relative to this file's folder";
    problems.push(extendsProblem(child, file, 'an existing scenario file', quoteText(parentRef), `looked for ${shownPath(parentFile)}${where}`));
    return undefined;
  }
  // A folder is the child's mistake too: located at its extends line, not at line 1 of the folder.
  if (statSync(parentPath).isDirectory()) {
    problems.push(extendsProblem(child, file, 'a scenario file', `a folder ${quoteText(parentRef)}`));
    return undefined;
  }
  if (chain.length + 2 > MAX_EXTENDS_CHAIN) {
    problems.push(extendsProblem(child, file, `an extends chain of at most ${MAX_EXTENDS_CHAIN} files`, 'a longer chain'));
    return undefined;
  }
  const parent = resolveExtends(parentPath, parentFile, problems, [...chain, absolutePath]);
  if (!parent) return undefined;
  const unmatched = findUnmatchedDeletions(parent.located.value, child, file, parentFile);
  problems.push(...replaceRekindedEvents(parent.located, child, file, parentFile), ...findMisspeltEventOverrides(parent.located, child, file));
  // A title and a description name one scenario: a child without its own would otherwise be reported
  // under its parent's ("…, no disruption" above an export cut).
  for (const key of NOT_INHERITED) if (!Object.hasOwn(child.value, key)) child.value[key] = null;
  // Nor a name: a variant without `name:` was reported and resolved as its parent (audit 25, M5); it takes its file's slug.
  // A file named `.yaml` has no slug: it keeps its parent's name (review 25, L6).
  if ((!Object.hasOwn(child.value, 'name') || child.value.name === null) && fileSlug(absolutePath) !== '') child.value.name = fileSlug(absolutePath);
  return { located: mergeLocated(parent.located, child), files: [absolutePath, ...parent.files], unmatchedDeletions: [...parent.unmatchedDeletions, ...unmatched] };
}

const REKINDED_EXPECTED = 'the kind of the inherited event';

/**
 * The events whose `kind` a child changed (from their problems): every other problem of such an
 * event follows from it (the child's keys alone lack the parent's start, region, …), so the loader
 * reports only this one (user audit, session 28: five "required key" errors came first).
 */
export function rekindedEventPrefixes(problems: readonly Problem[]): string[] {
  return problems.filter((p) => p.expected.startsWith(REKINDED_EXPECTED) && p.path.endsWith('.kind')).map((p) => p.path.slice(0, -'kind'.length));
}

/**
 * Problems for inherited events whose `kind` the child changes (audit 25, M4): the keys of an
 * inherited event merge with the child's, so a quota turned into a tariff kept the quota's dates and
 * drew "did you mean exporters" at the parent's lines. Each such event is reported at the child's
 * `kind` and taken whole from the child (the parent's is dropped); the loader then drops the event's
 * other problems ({@link rekindedEventPrefixes}).
 */
function replaceRekindedEvents(parent: Located, child: Located, file: string, parentFile: string): Problem[] {
  const parentEvents = parent.value.events;
  const childEvents = child.value.events;
  if (!isPlainMap(parentEvents) || !isPlainMap(childEvents)) return [];
  return Object.entries(childEvents).flatMap(([id, event]): Problem[] => {
    const inherited = parentEvents[id];
    if (!isPlainMap(event) || !isPlainMap(inherited) || typeof event.kind !== 'string' || event.kind === inherited.kind) return [];
    delete parentEvents[id];
    purgeLocs(parent, ['events', id]);
    const loc = locate(child, ['events', id, 'kind'], false, { file, line: 1, column: 1 });
    return [{
      ...loc, path: `events.${id}.kind`, expected: `${REKINDED_EXPECTED} (${describeFound(inherited.kind)})`, found: describeFound(event.kind),
      message: `an inherited event's keys merge with the child's, so it would keep ${parentFile.split(/[\\/]/).pop()}'s start, duration and the rest; ` +
        `to replace it, delete it with \`${id}: null\` and give the new event an id of its own`,
    }];
  });
}

/**
 * Problems for a child's event without `kind:` whose id the parent lacks but is close to one of its
 * events': a misspelt override (`cnQuotaNdprMagnet: { quotaShare: 30% }`) made a new, kindless event
 * and left the inherited one as it was; the schema's "kind: found nothing" did not say why.
 */
function findMisspeltEventOverrides(parent: Located, child: Located, file: string): Problem[] {
  const parentEvents = parent.value.events;
  const childEvents = child.value.events;
  if (!isPlainMap(parentEvents) || !isPlainMap(childEvents)) return [];
  return Object.entries(childEvents).flatMap(([id, event]): Problem[] => {
    if (!isPlainMap(event) || Object.hasOwn(event, 'kind') || Object.hasOwn(parentEvents, id)) return [];
    const meant = didYouMean(id, Object.keys(parentEvents));
    if (meant === undefined) return [];
    const loc = locate(child, ['events', id], true, { file, line: 1, column: 1 });
    return [{ ...loc, path: `events.${id}`, expected: 'an inherited event id, or a new event with kind:', found: quoteText(id), message: `did you mean "${meant}"? A new id makes a new event` }];
  });
}

/** A file's name without its folder and `.yaml`/`.yml` extension: `my-cut` for `work/my-cut.yaml`. */
function fileSlug(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.ya?ml$/i, '');
}

/**
 * The child's `key: null` entries the parent does not have: each deleted nothing
 * (`checkUnmatchedDeletions` tells a mistake from a key left to its default).
 */
function findUnmatchedDeletions(parent: unknown, child: Located, file: string, parentFile: string): UnmatchedDeletion[] {
  const found: UnmatchedDeletion[] = [];
  const walk = (over: unknown, base: unknown, path: string[]): void => {
    if (!isPlainMap(over)) return;
    const inherited = isPlainMap(base) ? base : {};
    for (const [key, value] of Object.entries(over)) {
      const at = [...path, key];
      if (value === null && !Object.hasOwn(inherited, key)) {
        found.push({ path: at, loc: child.keys.get(pathKey(at)) ?? locate(child, at, true, { file, line: 1, column: 1 }), parentFile });
      } else walk(value, inherited[key], at);
    }
  };
  walk(child.value, parent, []);
  return found;
}
