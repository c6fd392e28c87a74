/**
 * Producing firms of one kind (miners, processors, manufacturers or recyclers), column-wise.
 *
 * Glossary (one entry per column; index = firm slot):
 * - `alive`: 1 while the firm operates, 0 for an empty or exited slot.
 * - `isMajor`: 1 for majors (lower hurdle rate, deeper pockets), 0 for juniors.
 * - `capacityTonnesPerTick`: output capacity, t/tick.
 * - `unitCostUsdPerTonne`: variable cost per tonne of output, excluding purchased input, USD/t.
 * - `inputInventoryTonnes`: purchased input held (concentrate, refined material), t of contained material.
 * - `outputInventoryTonnes`: finished output held for sale, t.
 * - `cashUsd`: cash balance, USD.
 * - `downtimeTicks`: ticks left of an outage (cyberattack, accident), at most the horizon; 0 = available.
 * - `lossStreakTicks`: consecutive ticks with negative operating profit.
 * - `pipelineCapacityTonnesPerTick`: capacity the firm has under construction (expansions), t/tick.
 * - `expectedSalesTonnesPerTick`: adaptive estimate of the firm's sales, t/tick (drives production and stock targets).
 * - `producedTonnes`: this tick's output, t (a scratch value; settlement adds it to the output stock).
 * - `bidTonnes`: this tick's input order, t (a scratch value; empty for stores that buy no input).
 *
 * Firms of one (material, region) cell occupy the contiguous slot range
 * `[cellStart[c], cellStart[c] + cellSlots[c])` with c = material × regions + region (cells in
 * order, so a firm's material and region follow from its slot's cell: no column holds them); entrants
 * take free slots of their cell, so per-cell loops stay contiguous and can accumulate in locals.
 */
export interface FirmStore {
  readonly slots: number;
  readonly alive: Uint8Array;
  readonly isMajor: Uint8Array;
  readonly capacityTonnesPerTick: Float64Array;
  readonly unitCostUsdPerTonne: Float64Array;
  readonly inputInventoryTonnes: Float64Array;
  readonly outputInventoryTonnes: Float64Array;
  readonly cashUsd: Float64Array;
  readonly downtimeTicks: Uint16Array | Int32Array;
  readonly lossStreakTicks: Uint16Array | Int32Array;
  readonly expectedSalesTonnesPerTick: Float64Array;
  readonly pipelineCapacityTonnesPerTick: Float64Array;
  readonly producedTonnes: Float64Array;
  readonly bidTonnes: Float64Array;
  /** First slot of each cell. */
  readonly cellStart: Int32Array;
  /** Number of slots reserved for each cell. */
  readonly cellSlots: Int32Array;
  /**
   * Slots of each cell in use: every slot that has ever held a live firm lies in
   * `[cellStart[c], cellStart[c] + cellUsedSlots[c])`, so loops over a cell's firms stop there instead
   * of walking its free entrant headroom (set by {@link markSlotUsed}).
   */
  readonly cellUsedSlots: Int32Array;
}

/** Horizons (ticks) from which firm stores keep tick counters in Int32 rather than Uint16 columns. */
export const MAX_UINT16_TICKS = 65535;

/** Notes that slot f of cell c holds a live firm (call whenever a slot's `alive` becomes 1). */
export function markSlotUsed(store: FirmStore, c: number, f: number): void {
  store.cellUsedSlots[c] = Math.max(store.cellUsedSlots[c], f - store.cellStart[c] + 1);
}

/**
 * Allocates a firm store with the given slots per cell (all slots empty).
 * @param buysInput - whether the firms buy input (processing, manufacturing); otherwise `bidTonnes` is empty
 * @param ticks - the run's horizon: below {@link MAX_UINT16_TICKS} the tick counters (downtime, loss
 *   streak, never above the ticks run) are Uint16 columns, else Int32
 */
export function createFirmStore(slotsPerCell: Int32Array, buysInput = true, ticks = MAX_UINT16_TICKS): FirmStore {
  const cells = slotsPerCell.length;
  const cellStart = new Int32Array(cells);
  let slots = 0;
  for (let c = 0; c < cells; c++) {
    cellStart[c] = slots;
    slots += slotsPerCell[c];
  }
  const f64 = () => new Float64Array(slots);
  const counter = () => (ticks < MAX_UINT16_TICKS ? new Uint16Array(slots) : new Int32Array(slots));
  const store: FirmStore = {
    slots,
    alive: new Uint8Array(slots),
    isMajor: new Uint8Array(slots),
    capacityTonnesPerTick: f64(),
    unitCostUsdPerTonne: f64(),
    inputInventoryTonnes: f64(),
    outputInventoryTonnes: f64(),
    cashUsd: f64(),
    downtimeTicks: counter(),
    lossStreakTicks: counter(),
    expectedSalesTonnesPerTick: f64(),
    pipelineCapacityTonnesPerTick: f64(),
    producedTonnes: f64(),
    bidTonnes: new Float64Array(buysInput ? slots : 0),
    cellStart,
    cellSlots: Int32Array.from(slotsPerCell),
    cellUsedSlots: new Int32Array(cells),
  };
  return store;
}
