/**
 * The commander argument parser of a repeatable option (`--set a=1 --set b=2`): appends each
 * occurrence to the values so far, in the order given. Use with `[]` as the default.
 *
 * @param value - This occurrence's text.
 * @param previous - The values of the earlier occurrences (not modified).
 * @returns A new list: `previous` then `value`.
 * @example
 * program.option('--set <path=value>', 'override a scenario value (repeatable)', collectRepeated, []);
 */
export function collectRepeated(value: string, previous: string[]): string[] {
  return [...previous, value];
}
