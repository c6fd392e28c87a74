/**
 * The `engine` variant of bench/firmLoopVariantLoops.ts (a processor's production decision) written
 * in WebAssembly, to measure what the same decisions cost when each column access is one address add
 * and one load: no map check, no base-pointer or length reload, no bounds check (the memory's guard
 * pages do that), which is what V8 pays per typed-array access in JavaScript. Same arithmetic in the
 * same order, so it gives the JavaScript loop's bytes (checked before timing). The cell's terms are
 * immediates here and locals in JavaScript, a difference of no measurable cost.
 */
import { assembleModule, f64Const, F64, I32, memArg, OP, uleb } from './wasmEncoding.ts';
import type { FirmColumns } from './firmLoopVariantLoops.ts';

const T = { inputCost: 30, currentPrice: 100, expectedPrice: 120, hoarding: 1.1, yieldShare: 0.9, cover: 4 };
const B = { band: 0.3, keep: 0.7, rate: 0.1, orderRate: 0.2, limit: 1.5 };

// Parameters: byte addresses of the columns, then the firm range.
const [ALIVE, DOWNTIME, CAPACITY, UNIT_COST, INPUT, OUTPUT, SALES, PRODUCED, BID, FROM, TO] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
// Locals: i32 firm, firm × 8, downtime; f64 values and the four sums.
const [F, O8, DOWN] = [11, 12, 13];
const [UNIT, UTIL, SALE, STOCK, Q, IN_BEFORE, USE, LEFT, EXP_USE, BIDV, ASK, PRODUCED_SUM, OFFERED_SUM, BIDS_SUM, USED_SUM] =
  [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28];

const get = (i: number) => [OP.localGet, ...uleb(i)];
const set = (i: number) => [OP.localSet, ...uleb(i)];
const address = (column: number) => [...get(column), ...get(O8), OP.i32Add];
const load = (column: number) => [...address(column), OP.f64Load, ...memArg(3)];
const store = (column: number, value: number[]) => [...address(column), ...value, OP.f64Store, ...memArg(3)];
const clamp01 = (value: number[]) => [...f64Const(1), ...f64Const(0), ...value, OP.f64Max, OP.f64Min];
const addTo = (sum: number, value: number[]) => [...get(sum), ...value, OP.f64Add, ...set(sum)];

/** The loop body for one live firm (locals F and O8 set). */
function firmBody(): number[] {
  return [
    ...load(UNIT_COST), ...set(UNIT),
    // utilisation = min(1, max(0, (expectedPrice − inputCost − keep·unitCost) / (band·unitCost)))
    ...clamp01([...f64Const(T.expectedPrice - T.inputCost), ...f64Const(B.keep), ...get(UNIT), OP.f64Mul, OP.f64Sub,
      ...f64Const(B.band), ...get(UNIT), OP.f64Mul, OP.f64Div]), ...set(UTIL),
    ...load(SALES), ...set(SALE),
    ...get(DOWNTIME), ...get(F), ...get(F), OP.i32Add, OP.i32Add, OP.i32Load16U, ...memArg(1), ...set(DOWN),
    ...load(OUTPUT), ...set(STOCK),
    // q = min(max(0, sales + rate·(cover·sales − stock)), utilisation·(down > 0 ? 0 : 1)·capacity)
    ...f64Const(0), ...get(SALE), ...f64Const(B.rate), ...f64Const(T.cover), ...get(SALE), OP.f64Mul, ...get(STOCK), OP.f64Sub, OP.f64Mul, OP.f64Add, OP.f64Max,
    ...get(UTIL), ...f64Const(0), ...f64Const(1), ...get(DOWN), ...[OP.i32Const, 0], OP.i32GtS, OP.select, OP.f64Mul, ...load(CAPACITY), OP.f64Mul,
    OP.f64Min, ...set(Q),
    ...load(INPUT), ...set(IN_BEFORE),
    ...get(Q), ...get(IN_BEFORE), ...f64Const(T.yieldShare), OP.f64Mul, OP.f64Min, ...set(Q),
    ...get(Q), ...f64Const(T.yieldShare), OP.f64Div, ...set(USE),
    ...get(IN_BEFORE), ...get(USE), OP.f64Sub, ...set(LEFT),
    ...store(INPUT, get(LEFT)),
    ...get(SALE), ...f64Const(T.yieldShare), OP.f64Div, ...set(EXP_USE),
    // bid = utilisation > 0 ? max(0, expectedUse + orderRate·(cover·expectedUse − left)) · (left < limit·cover·expectedUse ? hoarding : 1) : 0
    ...f64Const(0), ...get(EXP_USE), ...f64Const(B.orderRate), ...f64Const(T.cover), ...get(EXP_USE), OP.f64Mul, ...get(LEFT), OP.f64Sub, OP.f64Mul, OP.f64Add, OP.f64Max,
    ...f64Const(T.hoarding), ...f64Const(1), ...get(LEFT), ...f64Const(B.limit * T.cover), ...get(EXP_USE), OP.f64Mul, OP.f64Lt, OP.select, OP.f64Mul,
    ...f64Const(0), ...get(UTIL), ...f64Const(0), OP.f64Gt, OP.select, ...set(BIDV),
    ...store(BID, get(BIDV)),
    ...get(DOWN), OP.if, OP.void,
    ...get(DOWNTIME), ...get(F), ...get(F), OP.i32Add, OP.i32Add, ...get(DOWN), ...[OP.i32Const, 1], OP.i32Sub, OP.i32Store16, ...memArg(1),
    OP.end,
    ...store(PRODUCED, get(Q)),
    ...addTo(PRODUCED_SUM, get(Q)), ...addTo(BIDS_SUM, get(BIDV)), ...addTo(USED_SUM, get(USE)),
    ...get(UNIT), ...f64Const(T.inputCost), OP.f64Add, ...set(ASK),
    // offered += (stock + q) · min(1, max(0, (currentPrice − keep·ask) / (band·ask)))
    ...addTo(OFFERED_SUM, [...get(STOCK), ...get(Q), OP.f64Add,
      ...clamp01([...f64Const(T.currentPrice), ...f64Const(B.keep), ...get(ASK), OP.f64Mul, OP.f64Sub, ...f64Const(B.band), ...get(ASK), OP.f64Mul, OP.f64Div]), OP.f64Mul]),
  ];
}

/** `produce(columns…, from, to)`: one cell's loop; returns produced + offered + bids + used. */
function produceFunction() {
  const body = [
    ...get(FROM), ...set(F),
    OP.block, OP.void, OP.loop, OP.void,
    ...get(F), ...get(TO), OP.i32GeS, OP.brIf, 1,
    OP.block, OP.void,
    ...get(ALIVE), ...get(F), OP.i32Add, OP.i32Load8U, ...memArg(0), OP.i32Eqz, OP.brIf, 0,
    ...get(F), OP.i32Const, 3, OP.i32Shl, ...set(O8),
    ...firmBody(),
    OP.end,
    ...get(F), OP.i32Const, 1, OP.i32Add, ...set(F),
    OP.br, 0,
    OP.end, OP.end,
    ...get(PRODUCED_SUM), ...get(OFFERED_SUM), OP.f64Add, ...get(BIDS_SUM), OP.f64Add, ...get(USED_SUM), OP.f64Add,
  ];
  return { name: 'produce', params: new Array(11).fill(I32), results: [F64], locals: [{ count: 3, type: I32 }, { count: 15, type: F64 }], body };
}

/** The columns of {@link FirmColumns} copied into a WebAssembly memory, and the loop over them. */
export interface WasmFirmLoop {
  /** Runs the production loop over every firm, in the cells of `runVariant`; adds to `sums[0]` as it does. */
  run(): void;
  /** The columns as they are now (to compare with the JavaScript loop's). */
  columns(): Pick<FirmColumns, 'input' | 'produced' | 'bid' | 'downtime'> & { sum: number };
}

/** Lays out `source`'s columns in a fresh WebAssembly memory and compiles the loop. */
export function createWasmFirmLoop(source: FirmColumns, cells: number): WasmFirmLoop {
  const n = source.firms;
  const f64Bytes = n * 8;
  // Column addresses: nine Float64 columns, then alive (bytes) and downtime (16-bit), 8-byte aligned.
  const at = { capacity: 0, unitCost: 1, input: 2, output: 3, sales: 4, produced: 5, bid: 6 };
  const aliveAt = 7 * f64Bytes;
  const downtimeAt = aliveAt + Math.ceil(n / 8) * 8;
  const bytes = downtimeAt + n * 2;
  const pages = Math.ceil(bytes / 65536) + 1;
  const memory = new WebAssembly.Memory({ initial: pages });
  const wasm = new WebAssembly.Instance(new WebAssembly.Module(assembleModule([produceFunction()], pages)), { env: { memory } });
  const produce = wasm.exports.produce as (...args: number[]) => number;
  const f64 = (k: number) => new Float64Array(memory.buffer, k * f64Bytes, n);
  f64(at.capacity).set(source.capacity);
  f64(at.unitCost).set(source.unitCost);
  f64(at.input).set(source.input);
  f64(at.output).set(source.output);
  f64(at.sales).set(source.sales);
  new Uint8Array(memory.buffer, aliveAt, n).set(source.alive);
  new Uint16Array(memory.buffer, downtimeAt, n).set(source.downtime);
  let sum = 0;
  const per = n / cells;
  return {
    run() {
      for (let cell = 0; cell < cells; cell++) {
        sum += produce(aliveAt, downtimeAt, at.capacity * f64Bytes, at.unitCost * f64Bytes, at.input * f64Bytes, at.output * f64Bytes,
          at.sales * f64Bytes, at.produced * f64Bytes, at.bid * f64Bytes, Math.floor(cell * per), Math.floor((cell + 1) * per));
      }
    },
    columns: () => ({ input: f64(at.input), produced: f64(at.produced), bid: f64(at.bid), downtime: new Uint16Array(memory.buffer, downtimeAt, n), sum }),
  };
}
