import type { TreePath } from './fieldRules.ts';
import { type Loc, type Located, locate, pathKey } from './locatedTree.ts';
import { quoteText } from './quoteText.ts';
import type { Problem } from './scenarioError.ts';

/** The ways YAML writes null (the core schema), as source text. */
const YAML_NULL = /^(?:null|Null|NULL|~|)$/;

/** Renders a found value for messages: strings quoted (long ones cut), maps and lists by kind. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return quoteText(value);
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan' : Number.isFinite(value) ? String(value) : value > 0 ? '.inf' : '-.inf';
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a map';
  return String(value);
}

/**
 * Collects problems with positions from a located tree. Keeps one problem per path, so that a value
 * rejected by the unit parser is not reported again by the schema.
 */
export class ProblemSink {
  readonly problems: Problem[] = [];
  private readonly reported = new Set<string>();

  /** Creates a sink that locates paths in `located`, falling back to `fallback`. */
  constructor(
    private readonly located: Located,
    private readonly fallback: Loc,
  ) {}

  /** Whether a problem was already reported at `path` or one of its ancestors. */
  has(path: TreePath): boolean {
    if (this.reported.has('')) return true;
    for (let n = path.length; n >= 1; n--) if (this.reported.has(pathKey(path.slice(0, n)))) return true;
    return false;
  }

  /** Silences problems at `path` and below (consequences of a problem reported elsewhere). */
  suppress(path: TreePath): void {
    this.reported.add(pathKey(path));
  }

  /**
   * What the user wrote at `path` for a message: the value's source text, quoted, when it differs
   * from how the (converted) value reads (`end: 2025` is `"2025"`, not `0`; `1e400` is `"1e400"`,
   * not `.inf`), else {@link describeFound} of `value`.
   */
  found(path: TreePath, value: unknown): string {
    const described = describeFound(value);
    const text = this.located.values.get(pathKey(path))?.text;
    // A key written as null is deleted before checks: what is there is nothing, and the null is why (not the text "null").
    if (value === undefined && text !== undefined && YAML_NULL.test(text)) return 'nothing: null removed it';
    return text === undefined || text === described ? described : quoteText(text);
  }

  /** The source text of the scalar at `path` as written, if known (not for values inside an inline `--set` map). */
  textAt(path: TreePath): string | undefined {
    return this.located.values.get(pathKey(path))?.text;
  }

  /** The value text of the command-line override that wrote a map or list at `path` itself (`a: b` of `--set 'description=a: b'`), if any. */
  overrideTextAt(path: TreePath): string | undefined {
    return this.located.values.get(pathKey(path))?.overrideText;
  }

  /** Whether a value was written at `path` itself (in a file or an override), not only inherited as a position of an ancestor. */
  isWritten(path: TreePath): boolean {
    return this.located.values.has(pathKey(path));
  }

  /**
   * Whether the value at `path` (or, when it was not written there itself, its nearest written
   * ancestor) comes from a command-line override (`--set`, `--grid`, `--years`: located at line 0).
   */
  isOverride(path: TreePath): boolean {
    return locate(this.located, path, false, this.fallback).line === 0 && this.fallback.line !== 0;
  }

  /**
   * Adds a problem at `path` unless one is already there.
   * @param atKey - point at the key rather than the value (unknown keys, missing children)
   */
  add(path: TreePath, expected: string, found: string, message = '', atKey = false): void {
    if (this.has(path)) return;
    this.reported.add(pathKey(path));
    const loc = locate(this.located, path, atKey, this.fallback);
    this.problems.push({ ...loc, path: pathKey(path), expected, found, message });
  }
}
