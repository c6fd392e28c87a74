/**
 * Splits cells 0…weights.length−1 into `parts` contiguous ranges of about equal total weight
 * (weight = agent slots per cell). Returns parts + 1 bounds: range i is [bounds[i], bounds[i + 1]).
 * @example splitCells(Int32Array.of(4, 4, 4, 4), 2); // [0, 2, 4]
 */
export function splitCells(weights: ArrayLike<number>, parts: number): Int32Array {
  const bounds = new Int32Array(parts + 1);
  let total = 0;
  for (let c = 0; c < weights.length; c++) total += weights[c];
  let c = 0;
  let before = 0;
  for (let part = 1; part < parts; part++) {
    const target = (total * part) / parts;
    // Take cells while that brings the running weight closer to the target.
    while (c < weights.length && Math.abs(before + weights[c] - target) <= Math.abs(before - target)) before += weights[c++];
    bounds[part] = c;
  }
  bounds[parts] = weights.length;
  return bounds;
}
