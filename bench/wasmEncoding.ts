/**
 * The few pieces of the WebAssembly binary format that bench/firmLoopWasm.ts needs to assemble one
 * module by hand (no assembler dependency for one benchmark): LEB128 integers, f64 immediates,
 * opcodes, and a module with one imported memory and exported functions.
 */

/** Opcodes used by the firm loop (WebAssembly core spec, MVP). */
export const OP = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d, select: 0x1b, void: 0x40,
  localGet: 0x20, localSet: 0x21, localTee: 0x22,
  f64Load: 0x2b, i32Load8U: 0x2d, i32Load16U: 0x2f, f64Store: 0x39, i32Store16: 0x3b,
  i32Const: 0x41, f64Const: 0x44, i32Load: 0x28, i32Eq: 0x46, i32And: 0x71,
  i32Eqz: 0x45, i32GeS: 0x4e, i32GtS: 0x4a,
  f64Lt: 0x63, f64Gt: 0x64,
  i32Add: 0x6a, i32Sub: 0x6b, i32Shl: 0x74,
  f64Add: 0xa0, f64Sub: 0xa1, f64Mul: 0xa2, f64Div: 0xa3, f64Min: 0xa4, f64Max: 0xa5,
} as const;

/** 128-bit SIMD opcodes (after the 0xfd prefix; WebAssembly fixed-width SIMD). */
export const SIMD = {
  load: 0x00, store: 0x0b, const: 0x0c, f64x2ExtractLane: 0x21,
  f64x2Lt: 0x49, f64x2Gt: 0x4a, bitselect: 0x52,
  f64x2Add: 0xf0, f64x2Sub: 0xf1, f64x2Mul: 0xf2, f64x2Div: 0xf3, f64x2Min: 0xf4, f64x2Max: 0xf5, f64x2Pmin: 0xf6, f64x2Pmax: 0xf7,
} as const;

/** A SIMD instruction. */
export function simd(op: number, ...immediates: number[]): number[] {
  return [0xfd, ...uleb(op), ...immediates];
}

/** A v128.const holding `value` in both f64 lanes. */
export function f64x2Const(value: number): number[] {
  return simd(SIMD.const, ...new Uint8Array(Float64Array.of(value, value).buffer));
}

/** Value type i32. */
export const I32 = 0x7f;
/** Value type f64. */
export const F64 = 0x7c;
/** Value type v128 (SIMD). */
export const V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 (32-bit). */
export function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

/** An f64.const instruction. */
export function f64Const(value: number): number[] {
  return [OP.f64Const, ...new Uint8Array(Float64Array.of(value).buffer)];
}

/** A memory access's alignment (log2 bytes) and offset immediate. */
export function memArg(alignLog2: number, offset = 0): number[] {
  return [...uleb(alignLog2), ...uleb(offset)];
}

/** One exported function: its signature, extra locals (grouped by type) and body (without the final `end`). */
export interface WasmFunction {
  name: string;
  params: number[];
  results: number[];
  locals: { count: number; type: number }[];
  body: number[];
}

const section = (id: number, bytes: number[]): number[] => [id, ...uleb(bytes.length), ...bytes];
const vector = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (text: string): number[] => [...uleb(text.length), ...new TextEncoder().encode(text)];

/** A module importing `env.memory` (at least `minPages` pages of 64 KiB) and exporting `functions`. */
export function assembleModule(functions: WasmFunction[], minPages: number): Uint8Array<ArrayBuffer> {
  const types = vector(functions.map((f) => [0x60, ...vector(f.params.map((p) => [p])), ...vector(f.results.map((r) => [r]))]));
  const imports = vector([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(minPages)]]);
  const declarations = vector(functions.map((_, i) => uleb(i)));
  const exports = vector(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]));
  const codes = vector(functions.map((f) => {
    const body = [...vector(f.locals.map((l) => [...uleb(l.count), l.type])), ...f.body, OP.end];
    return [...uleb(body.length), ...body];
  }));
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, types), ...section(2, imports), ...section(3, declarations), ...section(7, exports), ...section(10, codes),
  ]);
}
