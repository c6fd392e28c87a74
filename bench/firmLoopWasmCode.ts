/**
 * The code of the `engine` variant of bench/firmLoopVariantLoops.ts (a processor's production
 * decision) in WebAssembly, one firm at a time (`produce`) and two firms per instruction with 128-bit
 * SIMD (`produceSimd`). Both do the JavaScript loop's arithmetic in its order and add the per-cell
 * sums firm by firm, so they give its bytes. The cell's terms are immediates here and locals in
 * JavaScript, a difference of no measurable cost. See firmLoopWasm.ts.
 */
import { f64Const, f64x2Const, F64, I32, memArg, OP, simd, SIMD, sleb, uleb, V128, type WasmFunction } from './wasmEncoding.ts';

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

/** One firm F, skipped when dead: the scalar loop's body. */
const scalarFirm = (): number[] => [
  OP.block, OP.void,
  ...get(ALIVE), ...get(F), OP.i32Add, OP.i32Load8U, ...memArg(0), OP.i32Eqz, OP.brIf, 0,
  ...get(F), OP.i32Const, 3, OP.i32Shl, ...set(O8),
  ...firmBody(),
  OP.end,
];

const returnSums = () => [...get(PRODUCED_SUM), ...get(OFFERED_SUM), OP.f64Add, ...get(BIDS_SUM), OP.f64Add, ...get(USED_SUM), OP.f64Add];

/** `produce(columns…, from, to)`: one cell's loop; returns produced + offered + bids + used. */
export function produceFunction(): WasmFunction {
  const body = [
    ...get(FROM), ...set(F),
    OP.block, OP.void, OP.loop, OP.void,
    ...get(F), ...get(TO), OP.i32GeS, OP.brIf, 1,
    ...scalarFirm(),
    ...get(F), OP.i32Const, 1, OP.i32Add, ...set(F),
    OP.br, 0,
    OP.end, OP.end,
    ...returnSums(),
  ];
  return { name: 'produce', params: new Array(11).fill(I32), results: [F64], locals: [{ count: 3, type: I32 }, { count: 15, type: F64 }], body };
}


// SIMD locals: the pair's values, two f64 lanes each.
const [UNIT2, UTIL2, SALE2, STOCK2, Q2, IN2, USE2, LEFT2, EXP2, BID2, ASK2] = [29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39];
const vload = (column: number) => [...address(column), ...simd(SIMD.load, ...memArg(3))];
const vstore = (column: number, value: number[]) => [...address(column), ...value, ...simd(SIMD.store, ...memArg(3))];
// Pseudo-min/max (b < a ? b : a): one instruction each. They differ from Math.min/max only for NaN
// and zeros of mixed sign, which the loop never meets; the IEEE f64x2.min/max cost V8 a fix-up sequence each (11.3 ns per firm
// instead of 6.6 in this loop, slower than one firm at a time).
const vclamp01 = (value: number[]) => [...f64x2Const(1), ...f64x2Const(0), ...value, ...simd(SIMD.f64x2Pmax), ...simd(SIMD.f64x2Pmin)];
const c = (value: number) => f64x2Const(value);
const op = (code: number) => simd(code);
/** Adds both lanes of a pair's value to a sum, firm F's first (the JavaScript loop's order). */
const addLanes = (sum: number, value: number) => [0, 1].flatMap((lane) => addTo(sum, [...get(value), ...simd(SIMD.f64x2ExtractLane, lane)]));

/** Firms F and F + 1, both alive and neither down: the scalar body's arithmetic on two lanes. */
function pairBody(): number[] {
  return [
    ...get(F), OP.i32Const, 3, OP.i32Shl, ...set(O8),
    ...vload(UNIT_COST), ...set(UNIT2),
    ...vclamp01([...c(T.expectedPrice - T.inputCost), ...c(B.keep), ...get(UNIT2), ...op(SIMD.f64x2Mul), ...op(SIMD.f64x2Sub),
      ...c(B.band), ...get(UNIT2), ...op(SIMD.f64x2Mul), ...op(SIMD.f64x2Div)]), ...set(UTIL2),
    ...vload(SALES), ...set(SALE2),
    ...vload(OUTPUT), ...set(STOCK2),
    ...c(0), ...get(SALE2), ...c(B.rate), ...c(T.cover), ...get(SALE2), ...op(SIMD.f64x2Mul), ...get(STOCK2), ...op(SIMD.f64x2Sub), ...op(SIMD.f64x2Mul), ...op(SIMD.f64x2Add), ...op(SIMD.f64x2Pmax),
    ...get(UTIL2), ...c(1), ...op(SIMD.f64x2Mul), ...vload(CAPACITY), ...op(SIMD.f64x2Mul), ...op(SIMD.f64x2Pmin), ...set(Q2),
    ...vload(INPUT), ...set(IN2),
    ...get(Q2), ...get(IN2), ...c(T.yieldShare), ...op(SIMD.f64x2Mul), ...op(SIMD.f64x2Pmin), ...set(Q2),
    ...get(Q2), ...c(T.yieldShare), ...op(SIMD.f64x2Div), ...set(USE2),
    ...get(IN2), ...get(USE2), ...op(SIMD.f64x2Sub), ...set(LEFT2),
    ...vstore(INPUT, get(LEFT2)),
    ...get(SALE2), ...c(T.yieldShare), ...op(SIMD.f64x2Div), ...set(EXP2),
    ...c(0), ...get(EXP2), ...c(B.orderRate), ...c(T.cover), ...get(EXP2), ...op(SIMD.f64x2Mul), ...get(LEFT2), ...op(SIMD.f64x2Sub), ...op(SIMD.f64x2Mul), ...op(SIMD.f64x2Add), ...op(SIMD.f64x2Pmax),
    ...c(T.hoarding), ...c(1), ...get(LEFT2), ...c(B.limit * T.cover), ...get(EXP2), ...op(SIMD.f64x2Mul), ...op(SIMD.f64x2Lt), ...op(SIMD.bitselect), ...op(SIMD.f64x2Mul),
    ...c(0), ...get(UTIL2), ...c(0), ...op(SIMD.f64x2Gt), ...op(SIMD.bitselect), ...set(BID2),
    ...vstore(BID, get(BID2)),
    ...vstore(PRODUCED, get(Q2)),
    ...addLanes(PRODUCED_SUM, Q2), ...addLanes(BIDS_SUM, BID2), ...addLanes(USED_SUM, USE2),
    ...get(UNIT2), ...c(T.inputCost), ...op(SIMD.f64x2Add), ...set(ASK2),
    ...get(STOCK2), ...get(Q2), ...op(SIMD.f64x2Add),
    ...vclamp01([...c(T.currentPrice), ...c(B.keep), ...get(ASK2), ...op(SIMD.f64x2Mul), ...op(SIMD.f64x2Sub), ...c(B.band), ...get(ASK2), ...op(SIMD.f64x2Mul), ...op(SIMD.f64x2Div)]),
    ...op(SIMD.f64x2Mul), ...set(ASK2), // reused for the pair's offers
    ...addLanes(OFFERED_SUM, ASK2),
  ];
}

/**
 * `produceSimd(columns…, from, to)`: the same loop two firms at a time; a pair with a dead or a down
 * firm (rare) goes through the scalar body firm by firm, as does a last odd firm.
 */
export function produceSimdFunction(): WasmFunction {
  const pairIsPlain = [
    ...get(ALIVE), ...get(F), OP.i32Add, OP.i32Load16U, ...memArg(0), OP.i32Const, ...sleb(0x0101), OP.i32Eq, // both alive (two bytes of 1)
    ...get(DOWNTIME), ...get(F), ...get(F), OP.i32Add, OP.i32Add, OP.i32Load, ...memArg(0), OP.i32Eqz, OP.i32And,
  ];
  const body = [
    ...get(FROM), ...set(F),
    OP.block, OP.void, OP.loop, OP.void,
    ...get(F), OP.i32Const, 1, OP.i32Add, ...get(TO), OP.i32GeS, OP.brIf, 1,
    ...pairIsPlain, OP.if, OP.void,
    ...pairBody(),
    0x05, // else
    ...scalarFirm(), ...get(F), OP.i32Const, 1, OP.i32Add, ...set(F), ...scalarFirm(), ...get(F), OP.i32Const, 1, OP.i32Sub, ...set(F),
    OP.end,
    ...get(F), OP.i32Const, 2, OP.i32Add, ...set(F),
    OP.br, 0,
    OP.end, OP.end,
    OP.block, OP.void, ...get(F), ...get(TO), OP.i32GeS, OP.brIf, 0, ...scalarFirm(), OP.end,
    ...returnSums(),
  ];
  return { name: 'produceSimd', params: new Array(11).fill(I32), results: [F64], locals: [{ count: 3, type: I32 }, { count: 15, type: F64 }, { count: 11, type: V128 }], body };
}
