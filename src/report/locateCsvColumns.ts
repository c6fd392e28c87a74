/**
 * Finds columns of a CSV file by name, so a reader keeps working when a later version of the file
 * adds a column (e.g. `unit` after `region` in `series.csv` and `replicates.csv`).
 *
 * @param header - The header's fields.
 * @param names - The columns the reader needs.
 * @returns The index of each name, in the order of `names`, or undefined when one is missing or
 * appears twice.
 * @example
 * locateCsvColumns(['replicate', 'metric', 'unit', 'value'], ['value', 'replicate']); // [3, 0]
 */
export function locateCsvColumns(header: readonly string[], names: readonly string[]): number[] | undefined {
  const indices = names.map((name) => header.indexOf(name));
  const unique = names.every((name, i) => indices[i] >= 0 && header.lastIndexOf(name) === indices[i]);
  return unique ? indices : undefined;
}
