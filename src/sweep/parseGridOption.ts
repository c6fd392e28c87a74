import { UsageError } from '../cli/exitCodes.ts';
import { splitTopLevel } from './splitTopLevel.ts';

/** One factor of a full-factorial grid: a scenario path and the values it takes (text, units allowed). */
export interface GridDimension {
  path: string;
  values: string[];
}

/** A range as `--lhs` takes it: two numbers, each with an optional unit, around one colon (`30:120`, `30 days:120 days`, `5%:10%`). */
const RANGE = /^\s*(-?[\d.]+(?:e-?\d+)?\s*[a-zA-Z%/]*)\s*:\s*(-?[\d.]+(?:e-?\d+)?\s*[a-zA-Z%/]*)\s*$/;

/**
 * Parses a `--grid path=v1,v2,...` option. Values are written as in `--set` (`5%`, `30 kt/yr`,
 * `2027-01`); commas inside brackets or quotes do not split. Values are kept as typed (trimmed): they
 * are applied as `--set` values and written to sweep.csv and sweep.json unchanged; only labels space them (formatTypedValue).
 *
 * @param text - The option's argument.
 * @returns The path and its values.
 * @throws UsageError when the path or a value is missing, or the one value is a range (`30:120`, for --lhs).
 * @example
 * parseGridOption('materials.ndpr.demand.growthPerYear=3%,5%,7%').values; // ['3%', '5%', '7%']
 */
export function parseGridOption(text: string): GridDimension {
  const eq = text.indexOf('=');
  const path = eq < 0 ? '' : text.slice(0, eq).trim();
  if (path === '' || path.split('.').some((segment) => segment === '')) {
    throw new UsageError(`--grid: expected path=v1,v2,..., found "${text}"`);
  }
  const values = splitTopLevel(text.slice(eq + 1), ',');
  if (values.some((value) => value === '')) throw new UsageError(`--grid ${path}: empty value in "${text}"`);
  // `30:120` reads as one value, which the loader then refused for its unit ":120" after a one-point warning (user audit, session 28).
  const range = values.length === 1 ? RANGE.exec(values[0]) : null;
  if (range !== null) {
    throw new UsageError(`--grid ${path}: expected values separated by commas (${path}=${range[1]},${range[2]}), found the range "${values[0]}"; `
      + `a range min:max is drawn from with --lhs N (\`--lhs 8 ${path}=${values[0]}\`)`);
  }
  return { path, values };
}
