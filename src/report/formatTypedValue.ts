import { UNIT_TABLES } from '../scenario/parseQuantity.ts';

/** A plain decimal number (signed, with decimals or an exponent) at the start of a value, as parseQuantity reads it. */
const AMOUNT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/** Every unit the scenario loader reads after a number (`days`, `kt/yr`, `bn USD`, `%`, …). */
const KNOWN_UNITS = new Set(Object.values(UNIT_TABLES).flatMap((table) => Object.keys(table)));

/**
 * A value as typed on the command line (`--grid`, `--set`) written as people read it, for labels
 * only (the value applied and written to the data files stays as typed): a plain decimal number and
 * a unit the loader knows one space apart (`30days` → `30 days`, `50  MUSD` → `50 MUSD`), a percent
 * sign attached (`5 %` → `5%`). Anything else is left as typed (trimmed): dates (`2027-01`), plain
 * numbers, names, and text whose rest is no unit, such as hex, octal or binary literals (`0x1F`,
 * `0o17`) and ids starting with digits (`3D`), which YAML or the loader read differently once spaced.
 *
 * @param text - The value as typed.
 * @returns The readable text (trimmed).
 * @example
 * formatTypedValue('30days'); // '30 days'
 * formatTypedValue('0x1F'); // '0x1F'
 */
export function formatTypedValue(text: string): string {
  const trimmed = text.trim();
  const match = AMOUNT.exec(trimmed);
  if (match === null) return trimmed;
  const unit = trimmed.slice(match[0].length).trim().replace(/\s+/g, ' ');
  if (!KNOWN_UNITS.has(unit)) return trimmed;
  return unit === '%' ? `${match[0]}%` : `${match[0]} ${unit}`;
}
