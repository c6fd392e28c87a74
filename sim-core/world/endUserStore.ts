/**
 * End users (sectors that buy components), column-wise.
 *
 * Glossary:
 * - `isPublic`: 1 for the public sector (defence): price-inelastic, home/allied sources only.
 * - `baseDemandTonnesPerTick`: demand at base price and intensity at tick 0, t/tick of contained material.
 * End users of one (material, region) cell c = m × R + r are the contiguous range
 * `[cellStart[c], cellStart[c] + cellCount[c])` (their material and region follow from the cell), as
 * in {@link FirmStore}. Deliveries and shortfalls are summed per cell in settlement (`world.flows`).
 */
export interface EndUserStore {
  readonly count: number;
  readonly isPublic: Uint8Array;
  readonly baseDemandTonnesPerTick: Float64Array;
  readonly cellStart: Int32Array;
  readonly cellCount: Int32Array;
}

/** Allocates an end-user store with the given count per cell. */
export function createEndUserStore(countPerCell: Int32Array): EndUserStore {
  const cellStart = new Int32Array(countPerCell.length);
  let count = 0;
  for (let c = 0; c < countPerCell.length; c++) {
    cellStart[c] = count;
    count += countPerCell[c];
  }
  const f64 = () => new Float64Array(count);
  return {
    count,
    isPublic: new Uint8Array(count),
    baseDemandTonnesPerTick: f64(),
    cellStart,
    cellCount: Int32Array.from(countPerCell),
  };
}
