import { shortenText } from './quoteText.ts';

/** Longest key path shown in a message (paths hold user-written keys, which may be huge). */
const MAX_PATH_CHARACTERS = 200;

/**
 * A located problem in a scenario file: where it is, which key, what was expected and found.
 * `line`/`column` are 1-based positions in `file`; `--set` overrides use file `--set`, line 0.
 */
export interface Problem {
  /** File the offending text was written in (the parent's file for inherited values). */
  file: string;
  /** 1-based line, or 0 when there is no line (command-line overrides, unreadable files). */
  line: number;
  /** 1-based column, or 0 when there is no position. */
  column: number;
  /** Dotted path of the key with ids, e.g. `materials.ndpr.demand.growthPerYear`. */
  path: string;
  /** What the loader expected, e.g. `a flow (t/yr, kt/yr, …)`. */
  expected: string;
  /** What it found, e.g. `"70 kt"`. */
  found: string;
  /** Optional suggestion or note appended to the line, e.g. `did you mean "demand"?`. */
  message: string;
  /**
   * A mistake in how the command was called rather than in the scenario (a scenario file that does
   * not exist, a malformed `--set`): when every problem is one, the CLI exits 2 (usage), not 3.
   */
  usage?: boolean;
}

/** Thrown by the scenario loader when a scenario has user mistakes; carries every problem found. */
export class ScenarioError extends Error {
  /** All problems found, in file/line order. */
  readonly problems: Problem[];
  /** Warnings found before the problems stopped the loader (a bare number, a retired key), in file/line order. */
  readonly warnings: Problem[];

  /** Creates the error; its message lists one formatted problem per line (not the warnings). */
  constructor(problems: Problem[], warnings: Problem[] = []) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
    this.problems = problems;
    this.warnings = warnings;
  }
}

/**
 * Formats a problem on one line: `file:line:col: <path>: expected <expected>, found <found>`
 * (`label: <path>: …` for problems without a position, such as `--set #2 (years=0)` or a missing file),
 * followed by ` (<message>)` when the problem carries a note such as a did-you-mean.
 * Example: `a.yaml:12:5: materials.ndpr.demnd: expected a known key, found "demnd" (did you mean "demand"?)`.
 */
export function formatProblem(p: Problem): string {
  // Line 0: no position (a command-line option, an unreadable file): the label alone.
  const where = p.line === 0 ? p.file : `${p.file}:${p.line}:${p.column}`;
  const path = shortenText(p.path, MAX_PATH_CHARACTERS) || (p.line === 0 ? '' : '(root)');
  const head = `${where}: ${path ? `${path}: ` : ''}expected ${p.expected}, found ${p.found}`;
  return p.message ? `${head} (${p.message})` : head;
}

/** Whether every problem is a usage mistake (see {@link Problem.usage}): exit 2 rather than 3. */
export function isUsageOnly(problems: readonly Problem[]): boolean {
  return problems.length > 0 && problems.every((p) => p.usage === true);
}

/**
 * Orders problems by file, then line, then column (stable for ties). Files are taken in
 * `fileOrder` (for a scenario: the file the user named, then the files it extends), then the
 * others in the order they first appear among the problems. Never by name: the order must not
 * depend on where the files live (a path under /tmp sorts before /work, one under /build after it).
 *
 * @param fileOrder - paths as the problems name them, first to last.
 * @example sortProblems(problems, ['variant.yaml', '/abs/minimal.yaml'])
 */
export function sortProblems<T extends Pick<Problem, 'file' | 'line' | 'column'>>(problems: readonly T[], fileOrder: readonly string[] = []): T[] {
  const order = [...new Set([...fileOrder, ...problems.map((p) => p.file)])];
  const rank = new Map(order.map((file, index) => [file, index]));
  return [...problems].sort((a, b) => (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0) || a.line - b.line || a.column - b.column);
}
