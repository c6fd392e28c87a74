/**
 * Scratch space for {@link sortCarryingOrder}: room for the left run of a merge.
 */
export interface SortScratch {
  values: Float64Array;
  order: Int32Array;
}

/** Allocates scratch space for sorting up to `capacity` values. */
export function createSortScratch(capacity: number): SortScratch {
  return { values: new Float64Array(capacity), order: new Int32Array(capacity) };
}
