import { UsageError } from '../cli/exitCodes.ts';

/** A continuous range of a Latin hypercube: a path and its bounds as numbers in a shared unit. */
export interface SweepRange {
  path: string;
  min: number;
  max: number;
  /** Unit text appended to every value (`%`, `kt/yr`, `months`), or '' for plain numbers. */
  unit: string;
}

const QUANTITY = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*?)\s*$/;

/** Splits `30 kt/yr` into 30 and `kt/yr`. */
function parseEnd(path: string, text: string): { amount: number; unit: string } {
  const match = QUANTITY.exec(text);
  if (match === null) throw new UsageError(`--lhs ${path}: expected a number with an optional unit, found "${text}"`);
  return { amount: Number(match[1]), unit: match[2].replace(/\s+/g, ' ') };
}

/**
 * Parses a Latin-hypercube range `path=min:max`; both bounds are numbers with the same optional
 * unit (`3%:8%`, `20 kt/yr:40 kt/yr`, `0.05:0.1`).
 *
 * @param text - The argument.
 * @returns The range.
 * @throws UsageError on a malformed range, different units or min > max.
 * @example
 * parseRangeOption('materials.ndpr.demand.growthPerYear=3%:8%'); // { path, min: 3, max: 8, unit: '%' }
 */
export function parseRangeOption(text: string): SweepRange {
  const eq = text.indexOf('=');
  const path = eq < 0 ? '' : text.slice(0, eq).trim();
  const bounds = text.slice(eq + 1).split(':');
  if (path === '' || path.split('.').some((segment) => segment === '') || bounds.length !== 2) {
    throw new UsageError(`--lhs: expected path=min:max, found "${text}"`);
  }
  const low = parseEnd(path, bounds[0]);
  const high = parseEnd(path, bounds[1]);
  if (low.unit !== high.unit) throw new UsageError(`--lhs ${path}: bounds in different units ("${low.unit}", "${high.unit}")`);
  if (!(low.amount <= high.amount)) throw new UsageError(`--lhs ${path}: min ${low.amount} is above max ${high.amount}`);
  return { path, min: low.amount, max: high.amount, unit: low.unit };
}
