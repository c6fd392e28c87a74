import { findMalformedOverride, overrideText, yearsOverride } from '../scenario/applySets.ts';
import { UsageError } from './exitCodes.ts';

/**
 * The overrides of a command: every `--set path=value`, then `--years Y` (labelled `--years` in
 * the loader's messages). Malformed overrides and a `--years` that is not a positive number are
 * the command line's mistakes: a UsageError (exit 2) before anything is loaded.
 *
 * @param sets - The `--set` values, in order.
 * @param years - The `--years` value, if given.
 * @returns The override list for `loadScenario`.
 * @throws UsageError on a malformed override or horizon.
 * @example
 * parseOverrides(['ticksPerYear=12'], '3'); // ['ticksPerYear=12', '--years=3']
 */
export function parseOverrides(sets: readonly string[], years: string | undefined): string[] {
  if (years !== undefined) {
    const value = Number(years);
    if (years.trim() === '' || !Number.isFinite(value) || value <= 0) throw new UsageError(`--years: expected a number of years > 0, found "${years}"`);
  }
  // Both setting one key to different values: the later silently won (and an invalid --set value went unchecked), so one of them is a mistake.
  const agrees = (value: string): boolean => years !== undefined && (value.trim() === years.trim() || Number(value) === Number(years));
  const clash = years === undefined ? undefined : sets.find((set) => overridePath(set) === 'years' && !agrees(set.slice(set.indexOf('=') + 1)));
  if (clash !== undefined) throw new UsageError(`--set ${clash} and --years ${years} both set years: give one of them`);
  const all = years === undefined ? [...sets] : [...sets, yearsOverride(years)];
  const malformed = findMalformedOverride(all);
  if (malformed !== undefined) throw new UsageError(malformed);
  return all;
}

/** The path an override sets (`years` of `years=3` and of `--years=3`), trimmed. */
function overridePath(set: string): string {
  const text = overrideText(set);
  return text.slice(0, Math.max(0, text.indexOf('='))).trim();
}

/**
 * Refuses a fixed override (`--set path=value`, `--years Y`) of a path that a sweep's design also
 * varies (`--grid`, an `--lhs` range): each point's value would silently replace it, as `--years`
 * beside a differing `--set years=` would (see {@link parseOverrides}).
 *
 * @param sets - The overrides as {@link parseOverrides} returns them.
 * @param swept - Each swept path with the option that sweeps it (`--grid years=1,2`).
 * @throws UsageError naming both options and the path.
 * @example
 * checkSweptOverrides(['--years=1'], [{ path: 'years', option: '--grid years=2,3' }]); // throws: --years 1 and --grid years=2,3 both set years …
 */
export function checkSweptOverrides(sets: readonly string[], swept: readonly { path: string; option: string }[]): void {
  for (const set of sets) {
    const dimension = swept.find((s) => s.path === overridePath(set));
    if (dimension === undefined) continue;
    const fixed = set.startsWith(yearsOverride('')) ? `--years ${set.slice(yearsOverride('').length)}` : `--set ${set}`;
    throw new UsageError(`${fixed} and ${dimension.option} both set ${dimension.path}: give one of them (each design point's value would replace ${fixed})`);
  }
}

/**
 * Parses `--seed`: an integer 0 ≤ seed ≤ 2^53 − 1 (a safe integer: a larger one would be rounded
 * and recorded as another seed).
 *
 * @param text - The option's text.
 * @returns The seed.
 * @throws UsageError otherwise.
 * @example
 * parseSeed('42'); // 42
 */
export function parseSeed(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value)) {
    throw new UsageError(`--seed: expected an integer from 0 to ${Number.MAX_SAFE_INTEGER} (2^53 − 1), found "${text}"`);
  }
  return value;
}

/**
 * Parses an integer count option (`--replicates`, `--workers`, …) of at least `min`.
 *
 * @param name - The option's name without dashes, for the message.
 * @param text - The option's text.
 * @param min - The smallest value allowed.
 * @returns The count.
 * @throws UsageError when the text is not an integer ≥ min.
 * @example
 * parseCount('replicates', '100', 1); // 100
 */
export function parseCount(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name}: expected an integer ≥ ${min}, found "${text}"`);
  return value;
}
