/** A number as a scenario value starts with, then the rest (its unit, if any). */
const AMOUNT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*)$/;

/**
 * A value as typed on the command line (`--grid`, `--set`) written as people read it: a number
 * and its unit one space apart (`30days` → `30 days`, `50  MUSD` → `50 MUSD`), a percent sign
 * attached (`5 %` → `5%`); dates (`2027-01`), plain numbers and names are left as they are.
 * The loader reads both forms alike, so the value does not change.
 *
 * @param text - The value as typed.
 * @returns The readable text (trimmed).
 * @example
 * formatTypedValue('30days'); // '30 days'
 */
export function formatTypedValue(text: string): string {
  const trimmed = text.trim();
  const match = AMOUNT.exec(trimmed);
  if (match === null) return trimmed;
  const unit = match[2].replace(/\s+/g, ' ');
  if (unit === '%') return `${match[1]}%`;
  return /^[A-Za-z(]/.test(unit) ? `${match[1]} ${unit}` : trimmed;
}
