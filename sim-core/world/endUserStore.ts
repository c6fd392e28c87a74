/**
 * End users (sectors that buy components), column-wise.
 *
 * Glossary:
 * - `material`, `region`: indices of the component's material and the buyer's region.
 * - `isPublic`: 1 for the public sector (defence): price-inelastic, home/allied sources only.
 * - `baseDemandTonnesPerTick`: demand at base price and intensity at tick 0, t/tick of contained material.
 * - `bidTonnes`: this tick's bid, t; `receivedTonnes`: this tick's deliveries, t.
 * - `unmetTonnes`: this tick's unmet demand (shortfall), t.
 * - `spentUsd`: this tick's spending, USD.
 * End users of one (material, region) cell are contiguous, as in {@link FirmStore}.
 */
export interface EndUserStore {
  readonly count: number;
  readonly material: Int32Array;
  readonly region: Int32Array;
  readonly isPublic: Uint8Array;
  readonly baseDemandTonnesPerTick: Float64Array;
  readonly bidTonnes: Float64Array;
  readonly receivedTonnes: Float64Array;
  readonly unmetTonnes: Float64Array;
  readonly spentUsd: Float64Array;
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
    material: new Int32Array(count),
    region: new Int32Array(count),
    isPublic: new Uint8Array(count),
    baseDemandTonnesPerTick: f64(),
    bidTonnes: f64(),
    receivedTonnes: f64(),
    unmetTonnes: f64(),
    spentUsd: f64(),
    cellStart,
    cellCount: Int32Array.from(countPerCell),
  };
}
