/**
 * The loops of bench/firmLoopVariants.ts: a processor's production decision (advanceProducers.ts
 * `produceCells`, written out) in the engine's layout and in variants that lay out or compute it
 * differently. Synthetic firms; only `engine` computes what the engine computes.
 */

/** Variant names, in the order they are reported. */
export const VARIANTS = ['engine', 'interleaved', 'noDivisions', 'arithmeticOnly', 'trafficOnly'] as const;
export type VariantName = (typeof VARIANTS)[number];

/**
 * Float64 values per firm in the interleaved layout: capacity +0, unit cost +1, input stock +2,
 * output stock +3, cash +4, expected sales +5, pipeline +6, produced +7, bid +8 (written as literals
 * in the loop: a module constant is loaded and checked per use).
 */
const STRIDE = 9;
const CELLS = 8;

/** Per-cell terms, as production saves them (cost factor 1, input cost, current and expected price, hoarding, yield, cover). */
const T = { inputCost: 30, currentPrice: 100, expectedPrice: 120, hoarding: 1.1, yieldShare: 0.9, cover: 4 };
const B = { band: 0.3, keep: 0.7, rate: 0.1, orderRate: 0.2, limit: 1.5 };

/** Synthetic firms in both layouts. */
export interface FirmColumns {
  firms: number;
  alive: Uint8Array;
  downtime: Uint16Array;
  capacity: Float64Array;
  unitCost: Float64Array;
  input: Float64Array;
  output: Float64Array;
  sales: Float64Array;
  produced: Float64Array;
  bid: Float64Array;
  interleaved: Float64Array;
  sums: Float64Array;
}

/** Creates `firms` firms with spread unit costs and stocks (a few down). */
export function createFirmColumns(firms: number): FirmColumns {
  const f64 = () => new Float64Array(firms);
  const c: FirmColumns = { firms, alive: new Uint8Array(firms).fill(1), downtime: new Uint16Array(firms), capacity: f64(), unitCost: f64(), input: f64(), output: f64(), sales: f64(), produced: f64(), bid: f64(), interleaved: new Float64Array(firms * STRIDE), sums: new Float64Array(4) };
  for (let f = 0; f < firms; f++) {
    const h = ((f * 2654435761) >>> 0) / 4294967296;
    [c.capacity[f], c.unitCost[f], c.input[f], c.output[f], c.sales[f]] = [10 + h, 50 + 40 * h, 20 * h, 5 + h, 8 + h];
    if (f % 97 === 0) c.downtime[f] = 3;
    c.interleaved.set([c.capacity[f], c.unitCost[f], c.input[f], c.output[f], 0, c.sales[f]], f * STRIDE);
  }
  return c;
}

/** One pass of a variant over every firm. */
export function runVariant(name: VariantName, c: FirmColumns): void {
  const per = c.firms / CELLS;
  for (let cell = 0; cell < CELLS; cell++) {
    const from = Math.floor(cell * per);
    const to = Math.floor((cell + 1) * per);
    if (name === 'engine') engine(c, from, to);
    else if (name === 'interleaved') interleaved(c, from, to);
    else if (name === 'noDivisions') noDivisions(c, from, to);
    else if (name === 'arithmeticOnly') arithmeticOnly(c, from, to);
    else trafficOnly(c, from, to);
  }
}

function engine(c: FirmColumns, from: number, to: number): void {
  const { alive, downtime, capacity, unitCost: unitCosts, input, output, sales: salesOf, produced: producedOf, bid: bidOf } = c;
  const { inputCost, currentPrice, expectedPrice, hoarding, yieldShare, cover } = T;
  const { band, keep, rate, orderRate, limit } = B;
  let produced = 0, offered = 0, bids = 0, used = 0;
  for (let f = from; f < to; f++) {
    if (alive[f] === 0) continue;
    const unitCost = unitCosts[f];
    const utilisation = Math.min(1, Math.max(0, (expectedPrice - inputCost - keep * unitCost) / (band * unitCost)));
    const sales = salesOf[f];
    const down = downtime[f];
    const stock = output[f];
    let q = sales + rate * (cover * sales - stock);
    q = Math.min(Math.max(0, q), utilisation * (down > 0 ? 0 : 1) * capacity[f]);
    const inputBefore = input[f];
    q = Math.min(q, inputBefore * yieldShare);
    const use = q / yieldShare;
    const left = inputBefore - use;
    input[f] = left;
    const expectedUse = sales / yieldShare;
    const bid = utilisation > 0 ? Math.max(0, expectedUse + orderRate * (cover * expectedUse - left)) * (left < limit * cover * expectedUse ? hoarding : 1) : 0;
    bidOf[f] = bid;
    if (down > 0) downtime[f] = down - 1;
    producedOf[f] = q;
    produced += q;
    bids += bid;
    used += use;
    const ask = unitCost + inputCost;
    offered += (stock + q) * Math.min(1, Math.max(0, (currentPrice - keep * ask) / (band * ask)));
  }
  c.sums[0] += produced + offered + bids + used;
}

function interleaved(c: FirmColumns, from: number, to: number): void {
  const { alive, downtime, interleaved: x } = c;
  const { inputCost, currentPrice, expectedPrice, hoarding, yieldShare, cover } = T;
  const { band, keep, rate, orderRate, limit } = B;
  let produced = 0, offered = 0, bids = 0, used = 0;
  for (let f = from; f < to; f++) {
    if (alive[f] === 0) continue;
    const o = f * 9;
    const unitCost = x[o + 1];
    const utilisation = Math.min(1, Math.max(0, (expectedPrice - inputCost - keep * unitCost) / (band * unitCost)));
    const sales = x[o + 5];
    const down = downtime[f];
    const stock = x[o + 3];
    let q = sales + rate * (cover * sales - stock);
    q = Math.min(Math.max(0, q), utilisation * (down > 0 ? 0 : 1) * x[o]);
    const inputBefore = x[o + 2];
    q = Math.min(q, inputBefore * yieldShare);
    const use = q / yieldShare;
    const left = inputBefore - use;
    x[o + 2] = left;
    const expectedUse = sales / yieldShare;
    const bid = utilisation > 0 ? Math.max(0, expectedUse + orderRate * (cover * expectedUse - left)) * (left < limit * cover * expectedUse ? hoarding : 1) : 0;
    x[o + 8] = bid;
    if (down > 0) downtime[f] = down - 1;
    x[o + 7] = q;
    produced += q;
    bids += bid;
    used += use;
    const ask = unitCost + inputCost;
    offered += (stock + q) * Math.min(1, Math.max(0, (currentPrice - keep * ask) / (band * ask)));
  }
  c.sums[1] += produced + offered + bids + used;
}

function noDivisions(c: FirmColumns, from: number, to: number): void {
  const { alive, downtime, capacity, unitCost: unitCosts, input, output, sales: salesOf, produced: producedOf, bid: bidOf } = c;
  const { inputCost, currentPrice, expectedPrice, hoarding, yieldShare, cover } = T;
  const { band, keep, rate, orderRate, limit } = B;
  const perYield = 1 / yieldShare;
  let produced = 0, offered = 0, bids = 0, used = 0;
  for (let f = from; f < to; f++) {
    if (alive[f] === 0) continue;
    const unitCost = unitCosts[f];
    const utilisation = Math.min(1, Math.max(0, (expectedPrice - inputCost - keep * unitCost) * 0.0123));
    const sales = salesOf[f];
    const down = downtime[f];
    const stock = output[f];
    let q = sales + rate * (cover * sales - stock);
    q = Math.min(Math.max(0, q), utilisation * (down > 0 ? 0 : 1) * capacity[f]);
    const inputBefore = input[f];
    q = Math.min(q, inputBefore * yieldShare);
    const use = q * perYield;
    const left = inputBefore - use;
    input[f] = left;
    const expectedUse = sales * perYield;
    const bid = utilisation > 0 ? Math.max(0, expectedUse + orderRate * (cover * expectedUse - left)) * (left < limit * cover * expectedUse ? hoarding : 1) : 0;
    bidOf[f] = bid;
    if (down > 0) downtime[f] = down - 1;
    producedOf[f] = q;
    produced += q;
    bids += bid;
    used += use;
    const ask = unitCost + inputCost;
    offered += (stock + q) * Math.min(1, Math.max(0, (currentPrice - keep * ask) * (band * 0.0077)));
  }
  c.sums[2] += produced + offered + bids + used;
}

function arithmeticOnly(c: FirmColumns, from: number, to: number): void {
  const { unitCost: unitCosts, produced: producedOf } = c;
  const { inputCost, currentPrice, expectedPrice, hoarding, yieldShare, cover } = T;
  const { band, keep, rate, orderRate, limit } = B;
  let offered = 0, used = 0;
  for (let f = from; f < to; f++) {
    const unitCost = unitCosts[f];
    const sales = unitCost * 0.1;
    const stock = unitCost * 0.06;
    const capacity = unitCost * 0.2;
    const inputBefore = unitCost * 0.3;
    const utilisation = Math.min(1, Math.max(0, (expectedPrice - inputCost - keep * unitCost) / (band * unitCost)));
    let q = sales + rate * (cover * sales - stock);
    q = Math.min(Math.min(Math.max(0, q), utilisation * capacity), inputBefore * yieldShare);
    const use = q / yieldShare;
    const left = inputBefore - use;
    const expectedUse = sales / yieldShare;
    const bid = utilisation > 0 ? Math.max(0, expectedUse + orderRate * (cover * expectedUse - left)) * (left < limit * cover * expectedUse ? hoarding : 1) : 0;
    producedOf[f] = q + bid;
    used += use;
    const ask = unitCost + inputCost;
    offered += (stock + q) * Math.min(1, Math.max(0, (currentPrice - keep * ask) / (band * ask)));
  }
  c.sums[3] += offered + used;
}

function trafficOnly(c: FirmColumns, from: number, to: number): void {
  const { alive, downtime, capacity, unitCost, input, output, sales, produced: producedOf, bid: bidOf } = c;
  let produced = 0, left = 0;
  for (let f = from; f < to; f++) {
    const q = sales[f] * 0.9 + output[f] * 0.1 + capacity[f] * 0.01 + unitCost[f] * 0.001 + downtime[f] + alive[f];
    const remaining = input[f] - q * 0.5;
    input[f] = remaining;
    producedOf[f] = q;
    bidOf[f] = remaining * 0.2;
    produced += q;
    left += remaining;
  }
  c.sums[0] += produced + left;
}
