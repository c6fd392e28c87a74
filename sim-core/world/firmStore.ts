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
 * `[cellStart[c], cellStart[c] + cellAllocatedSlots[c])` with c = material × regions + region (cells in
 * order, so a firm's material and region follow from its slot's cell: no column holds them); entrants
 * take free slots of their cell, so per-cell loops stay contiguous and can accumulate in locals.
 *
 * A cell may hold up to `cellSlots[c]` firms (its starting firms plus the entrant headroom), but only
 * `cellAllocatedSlots[c]` slots are allocated: a cell grows (growFirmCell.ts) when an entrant needs a
 * slot beyond them, so a world pays for the firms it has, not for the headroom. Slots not yet
 * allocated are empty slots, so growing changes no result. Growing moves every later cell's slots
 * and replaces the columns: read columns and cell starts from the store in each phase, never keep
 * one across a phase that may add a firm (discovery).
 */
export interface FirmStore {
  /** Slots allocated in all cells (the length of every per-firm column). */
  slots: number;
  alive: Uint8Array;
  isMajor: Uint8Array;
  capacityTonnesPerTick: Float64Array;
  unitCostUsdPerTonne: Float64Array;
  inputInventoryTonnes: Float64Array;
  outputInventoryTonnes: Float64Array;
  cashUsd: Float64Array;
  downtimeTicks: Uint16Array | Int32Array;
  lossStreakTicks: Uint16Array | Int32Array;
  expectedSalesTonnesPerTick: Float64Array;
  pipelineCapacityTonnesPerTick: Float64Array;
  producedTonnes: Float64Array;
  bidTonnes: Float64Array;
  /** First slot of each cell. */
  readonly cellStart: Int32Array;
  /** Most firms each cell may hold: its starting firms plus the entrant headroom. */
  readonly cellSlots: Int32Array;
  /** Slots allocated to each cell (at most cellSlots). */
  readonly cellAllocatedSlots: Int32Array;
  /**
   * Each cell's first firm key (see {@link firmKeyOf}): in a world, a hash of the cell's stage,
   * material id and region id; in a bare store, where the cell starts in the layout where every
   * cell has all its slots.
   */
  readonly cellKeyStart: Int32Array;
  /**
   * Slots of each cell in use: every slot that has ever held a live firm lies in
   * `[cellStart[c], cellStart[c] + cellUsedSlots[c])`, so loops over a cell's firms stop there instead
   * of walking its free slots (set by {@link markSlotUsed}).
   */
  readonly cellUsedSlots: Int32Array;
}

/**
 * Firm f of cell c's identity for counter-based draws (outages, expansion decisions): its cell's key
 * plus its slot within the cell, as an int32; independent of how many slots are allocated and, in a
 * world, of every other cell.
 */
export function firmKeyOf(store: FirmStore, c: number, f: number): number {
  return (store.cellKeyStart[c] + (f - store.cellStart[c])) | 0;
}

/** Horizons (ticks) from which firm stores keep tick counters in Int32 rather than Uint16 columns. */
export const MAX_UINT16_TICKS = 65535;

/** Notes that slot f of cell c holds a live firm (call whenever a slot's `alive` becomes 1). */
export function markSlotUsed(store: FirmStore, c: number, f: number): void {
  store.cellUsedSlots[c] = Math.max(store.cellUsedSlots[c], f - store.cellStart[c] + 1);
}

/**
 * Allocates a firm store (all slots empty).
 * @param slotsPerCell - most firms each cell may hold
 * @param allocatedPerCell - slots to allocate now per cell (at most slotsPerCell; default all of them)
 * @param buysInput - whether the firms buy input (processing, manufacturing); otherwise `bidTonnes` is empty
 * @param ticks - the run's horizon: below {@link MAX_UINT16_TICKS} the tick counters (downtime, loss
 *   streak, never above the ticks run) are Uint16 columns, else Int32
 * @param cellKeys - each cell's first firm key (populateFirms passes a hash of the cell's ids, so a
 *   firm's key does not depend on other cells); default: the cell's start in the full layout
 */
export function createFirmStore(slotsPerCell: Int32Array, allocatedPerCell: Int32Array = slotsPerCell, buysInput = true, ticks = MAX_UINT16_TICKS, cellKeys: Int32Array | null = null): FirmStore {
  const cells = slotsPerCell.length;
  const cellStart = new Int32Array(cells);
  const cellKeyStart = new Int32Array(cells);
  let slots = 0;
  let keys = 0;
  for (let c = 0; c < cells; c++) {
    cellStart[c] = slots;
    cellKeyStart[c] = cellKeys === null ? keys : cellKeys[c];
    slots += allocatedPerCell[c];
    keys += slotsPerCell[c];
  }
  const store: FirmStore = {
    slots: 0,
    ...allocateFirmColumns(slots, buysInput, ticks),
    cellStart,
    cellSlots: Int32Array.from(slotsPerCell),
    cellAllocatedSlots: Int32Array.from(allocatedPerCell),
    cellKeyStart,
    cellUsedSlots: new Int32Array(cells),
  };
  store.slots = slots;
  return store;
}

/** The per-firm columns of a store, t ticks long, all empty. */
export type FirmColumns = Omit<FirmStore, 'slots' | 'cellStart' | 'cellSlots' | 'cellAllocatedSlots' | 'cellKeyStart' | 'cellUsedSlots'>;

/** Allocates empty per-firm columns for `slots` slots (`bidTonnes` empty unless the firms buy input). */
export function allocateFirmColumns(slots: number, buysInput: boolean, ticks: number): FirmColumns {
  const f64 = () => new Float64Array(slots);
  const counter = () => (ticks < MAX_UINT16_TICKS ? new Uint16Array(slots) : new Int32Array(slots));
  return {
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
  };
}
