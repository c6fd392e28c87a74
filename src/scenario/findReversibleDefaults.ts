import { type Loc, type Located, isDist, isPlainMap, locate, pathKey, type PlainMap } from './locatedTree.ts';

/**
 * A located remark about a valid scenario that is not a mistake, but a default the author may not
 * know about (a home policy an election may reverse). `run` and `compare` print it as `note: …`.
 */
export interface ScenarioNote {
  file: string;
  line: number;
  column: number;
  /** Key path (`events.usStock`), or several (`events.a, events.b, events.c and 2 more`). */
  path: string;
  text: string;
}

/** At most this many policies are named in the note; more are counted. */
const MAX_NAMED = 3;

/** The note as one line: `file:line:col: path: text`. */
export function formatNote(note: ScenarioNote): string {
  return `${note.file}:${note.line}:${note.column}: ${note.path}: ${note.text}`;
}

/** The reversal probability in words: `a 30% chance`, `a 15–45% chance` (a uniform draw), or `a chance drawn per run`. */
function chanceText(probability: unknown): string {
  const number = (p: number) => Number((p * 100).toPrecision(3));
  if (typeof probability === 'number') return `a ${number(probability)}% chance`;
  if (isDist(probability) && probability.dist === 'uniform' && typeof probability.min === 'number' && typeof probability.max === 'number') {
    return `a ${number(probability.min)}–${number(probability.max)}% chance`;
  }
  return 'a chance drawn per run';
}

/** Whether a reversal chance can be above 0 (a distribution is assumed to). */
function canReverse(probability: unknown): boolean {
  return typeof probability === 'number' ? probability > 0 : isDist(probability);
}

/** Whether an event from `start` to `end` (years; a distribution counts as in force) is in force at an election within the run. */
function facesElection(start: unknown, end: unknown, every: number, years: number): boolean {
  const from = typeof start === 'number' ? start : -Infinity;
  const to = typeof end === 'number' ? Math.min(end, years) : years;
  for (let t = every; t < to; t += every) if (t >= from) return true;
  return false;
}

/**
 * The home policies that are `reversible` only by default (the file does not say `reversible:`) and
 * that an election of the home government may reverse within the run: elections fall within the run,
 * the reversal chance can be above 0 and the policy is in force at one. Authors asking "what does a
 * stockpile buy?" otherwise get "what does a stockpile that an election may cancel buy?" unawares.
 * One note per scenario, so that a compare of several strategies prints a line each: it names the
 * policies (the first {@link MAX_NAMED}, then a count) and points at the first.
 *
 * @param tree - The converted authoring tree with defaults (times in years since the start).
 * @param located - Where keys were written (a `reversible:` written anywhere in the chain or by `--set` counts).
 * @param fallback - Where a note without a position points.
 * @returns No note, or one.
 * @example
 * findReversibleDefaults(tree, located, { file: 'a.yaml', line: 1, column: 1 }); // [{ path: 'events.usStock', text: 'reversible at US elections by default (…); set `reversible: false` for a committed policy', … }]
 */
export function findReversibleDefaults(tree: PlainMap, located: Located, fallback: Loc): ScenarioNote[] {
  const { years, events, government } = tree;
  if (typeof years !== 'number' || !isPlainMap(events) || !isPlainMap(government)) return [];
  const { region, electionEveryYears: every, reversalProbability } = government;
  if (typeof every !== 'number' || !(every > 0) || every >= years || !canReverse(reversalProbability)) return [];
  const ids = Object.entries(events)
    .filter(([id, event]) => isPlainMap(event) && event.reversible === true && !located.values.has(pathKey(['events', id, 'reversible'])) && facesElection(event.start, event.end, every, years))
    .map(([id]) => id);
  if (ids.length === 0) return [];
  const text = `reversible at ${String(region)} elections by default (every ${every} years, each with ${chanceText(reversalProbability)} of reversing it); set \`reversible: false\` for a committed policy`;
  const named = ids.slice(0, MAX_NAMED).map((id) => `events.${id}`).join(', ');
  const path = ids.length > MAX_NAMED ? `${named} and ${ids.length - MAX_NAMED} more` : named;
  return [{ ...locate(located, ['events', ids[0]], true, fallback), path, text }];
}
