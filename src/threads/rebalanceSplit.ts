/**
 * Moves at most one cell across each boundary of a split of cells into contiguous parts, from the
 * part that took longer on its last run to its neighbour, when that brings their times closer: the
 * slots a cell holds are a fair first guess of its cost (`splitCells`), but cells of one stage cost
 * differently per firm (materials differ in how many firms are down, floored or diverted), and the
 * calling thread of a replicate also posts the tasks. A cell's cost is estimated as its share of its
 * part's slots times the part's time; it moves only if the two parts' times differ by more than 1.5
 * times that cost, so noise of a few percent does not make cells go back and forth. Which thread
 * runs a cell changes no result: per-cell work writes only that cell's agents and sums.
 * @param bounds - parts + 1 cell bounds (part p is [bounds[p], bounds[p + 1])), changed in place
 * @param workMs - each part's time on its last run, ms
 * @param weights - per-cell weights (agent slots)
 * @example rebalanceSplit(Int32Array.of(0, 2, 4), [3, 1], [1, 1, 1, 1]); // bounds → [0, 1, 4]
 */
export function rebalanceSplit(bounds: Int32Array, workMs: ArrayLike<number>, weights: ArrayLike<number>): void {
  for (let p = 0; p + 1 < workMs.length; p++) {
    const difference = workMs[p] - workMs[p + 1];
    const slower = difference > 0 ? p : p + 1;
    // The slower part's cell next to the boundary: its last when it is on the left, else its first.
    const cell = slower === p ? bounds[p + 1] - 1 : bounds[p + 1];
    if (bounds[slower + 1] - bounds[slower] < 2) continue; // a part keeps at least one cell
    let partWeight = 0;
    for (let c = bounds[slower]; c < bounds[slower + 1]; c++) partWeight += weights[c];
    if (partWeight <= 0) continue;
    const cellCost = (workMs[slower] * weights[cell]) / partWeight;
    if (Math.abs(difference) <= 1.5 * cellCost) continue;
    bounds[p + 1] += slower === p ? -1 : 1;
  }
}
