/**
 * The `engine` variant of bench/firmLoopVariantLoops.ts (a processor's production decision) run as
 * WebAssembly (firmLoopWasmCode.ts), to measure what the same decisions cost when each column access
 * is one address add and one load: no map check, no base-pointer or length reload, no bounds check
 * (the memory's guard pages do that), which is what V8 pays per typed-array access in JavaScript;
 * and, with 128-bit SIMD, two firms per instruction. Both give the JavaScript loop's bytes (checked
 * before timing).
 */
import { assembleModule } from './wasmEncoding.ts';
import { produceFunction, produceSimdFunction } from './firmLoopWasmCode.ts';
import type { FirmColumns } from './firmLoopVariantLoops.ts';

/** The columns of {@link FirmColumns} copied into a WebAssembly memory, and the loop over them. */
export interface WasmFirmLoop {
  /** Runs the production loop over every firm, in the cells of `runVariant`; adds to `sums[0]` as it does. */
  run(): void;
  /** The columns as they are now (to compare with the JavaScript loop's). */
  columns(): Pick<FirmColumns, 'input' | 'produced' | 'bid' | 'downtime'> & { sum: number };
}

/** Lays out `source`'s columns in a fresh WebAssembly memory and compiles the loop (scalar, or two firms at a time). */
export function createWasmFirmLoop(source: FirmColumns, cells: number, simd = false): WasmFirmLoop {
  const n = source.firms;
  const f64Bytes = n * 8;
  // Column addresses: seven Float64 columns, then alive (bytes) and downtime (16-bit), 8-byte aligned.
  const at = { capacity: 0, unitCost: 1, input: 2, output: 3, sales: 4, produced: 5, bid: 6 };
  const aliveAt = 7 * f64Bytes;
  const downtimeAt = aliveAt + Math.ceil(n / 8) * 8;
  const bytes = downtimeAt + n * 2;
  const pages = Math.ceil(bytes / 65536) + 1;
  const memory = new WebAssembly.Memory({ initial: pages });
  const wasm = new WebAssembly.Instance(new WebAssembly.Module(assembleModule([produceFunction(), produceSimdFunction()], pages)), { env: { memory } });
  const produce = wasm.exports[simd ? 'produceSimd' : 'produce'] as (...args: number[]) => number;
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
