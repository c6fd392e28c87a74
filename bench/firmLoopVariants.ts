/**
 * Variants of the production firm loop: what one firm's decision costs, and what it would cost laid
 * out or computed differently. Each variant runs a processor's production loop (the arithmetic of
 * `produceCells` in sim-core/phases/advanceProducers.ts, written out on synthetic firms: 8 cells of
 * N/8 firms, every firm alive, cell terms fixed) and the reference kernel runs beside them.
 * The variants other than `engine` compute something else: they only say where the time goes.
 *
 * Variants (ns per firm, the least of several rounds, since other load only adds time):
 * - engine: the engine's loop as it is (struct-of-arrays, ~9 columns, three divisions, clamps);
 * - interleaved: the same with the 9 Float64 columns of a firm side by side in one array;
 * - noDivisions: the engine's loop with its divisions replaced by multiplications;
 * - arithmeticOnly: the same arithmetic on values derived from one column (no other column traffic);
 * - trafficOnly: the same columns read and written, with a few multiply-adds instead of the decisions;
 * - wasm, wasmSimd: the engine's loop in WebAssembly, one firm at a time or two per instruction
 *   (128-bit SIMD; firmLoopWasm.ts), both checked to give its bytes.
 *
 * Usage: `npm run bench:variants [-- <firms, 400000> [<rounds, 7>]]` (see {@link VARIANTS_COMMAND_LINE}).
 * The columns reach the loops through a parameter, as the engine's do: a benchmark whose arrays are
 * module constants lets V8 fold each array's checks and pointers into the code and times a loop the
 * engine cannot have (2.4 times faster for the traffic-only loop here).
 */
import { createFirmColumns, runVariant, VARIANTS, type VariantName } from './firmLoopVariantLoops.ts';
import { createWasmFirmLoop } from './firmLoopWasm.ts';
import { wholeNumberOf } from './parseScriptArgs.ts';
import { runKernelOnce, warmUpKernel } from './referenceKernel.ts';
import { runBenchScript } from './runBenchScript.ts';

/** `npm run bench:variants`'s arguments and help. */
export const VARIANTS_COMMAND_LINE = {
  script: 'bench:variants',
  helpCommand: 'npm run bench:variants -- --help',
  options: {},
  positionals: ['<firms>', '<rounds>'],
  usage: `usage: npm run bench:variants [-- <firms> [<rounds>]]
  The production firm loop (a processor's decision, on synthetic firms) beside variants that lay
  it out or compute it differently (interleaved, noDivisions, arithmeticOnly, trafficOnly, wasm,
  wasmSimd) and the reference kernel: ns per firm, the least of <rounds> rounds, and the ratio
  to the kernel; checks that the WebAssembly loops give the JavaScript loop's bytes. Takes about
  40 s of CPU with the defaults (one thread; 2.5 min wall at load 7 on 2 cores); time grows with
  <rounds>.
  <firms>    synthetic firms per variant (default 400000); each round runs max(5, 4e7 / <firms>)
             passes over them, so fewer firms do not make a round much shorter
  <rounds>   rounds, each timing every variant once (default 7)
  --help     this text`,
} as const;

/**
 * Times a variant after warming it on a few firms: many short calls get every loop optimised on
 * entry. (Warmed on the large columns, a few long calls leave the loops in on-stack-replacement
 * code, which ran the traffic-only loop 2.4 times slower here.)
 */
function timeVariant(name: VariantName, firms: number, passes: number): number {
  const few = createFirmColumns(800);
  for (let pass = 0; pass < 5000; pass++) runVariant(name, few);
  const columns = createFirmColumns(firms);
  runVariant(name, columns);
  const start = performance.now();
  for (let pass = 0; pass < passes; pass++) runVariant(name, columns);
  return ((performance.now() - start) * 1e6) / (passes * firms);
}

/** The `engine` loop in WebAssembly (firmLoopWasm.ts), warmed on its own columns until V8 has tiered it up. */
function timeWasm(simd: boolean, firms: number, passes: number): number {
  const loop = createWasmFirmLoop(createFirmColumns(firms), 8, simd);
  for (let pass = 0; pass < 20; pass++) loop.run();
  const start = performance.now();
  for (let pass = 0; pass < passes; pass++) loop.run();
  return ((performance.now() - start) * 1e6) / (passes * firms);
}

/** Whether the WebAssembly loop gives the JavaScript `engine` loop's bytes over a few passes. */
function wasmMatchesEngine(simd: boolean): boolean {
  const js = createFirmColumns(10_001);
  const wasm = createWasmFirmLoop(createFirmColumns(10_001), 8, simd);
  for (let pass = 0; pass < 3; pass++) {
    runVariant('engine', js);
    wasm.run();
  }
  const got = wasm.columns();
  const same = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => Object.is(v, b[i]));
  return Object.is(got.sum, js.sums[0]) && same(got.input, js.input) && same(got.produced, js.produced) && same(got.bid, js.bid) && same(got.downtime, js.downtime);
}

/** Times every variant and the kernel over `rounds` rounds and prints the least time of each. */
function main(firms: number, rounds: number): void {
  const passes = Math.max(5, Math.round(4e7 / firms));
  warmUpKernel(6);
  const wasmExact = wasmMatchesEngine(false) && wasmMatchesEngine(true);
  const best = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    for (const name of VARIANTS) best.set(name, Math.min(best.get(name) ?? Infinity, timeVariant(name, firms, passes)));
    best.set('wasm', Math.min(best.get('wasm') ?? Infinity, timeWasm(false, firms, passes)));
    best.set('wasmSimd', Math.min(best.get('wasmSimd') ?? Infinity, timeWasm(true, firms, passes)));
    best.set('kernel', Math.min(best.get('kernel') ?? Infinity, runKernelOnce(firms, 6, 100).wallNs));
  }
  const kernel = best.get('kernel') ?? NaN;
  process.stdout.write(`ns per firm (least of ${rounds} rounds), ${firms} firms; reference kernel ${kernel.toFixed(2)} ns per agent-update\n`);
  for (const name of [...VARIANTS, 'wasm', 'wasmSimd'] as const) {
    const ns = best.get(name) ?? NaN;
    process.stdout.write(`${name.padEnd(16)}${ns.toFixed(2).padStart(7)}   ${(ns / kernel).toFixed(1).padStart(5)} × kernel\n`);
  }
  process.stdout.write(`wasm, wasmSimd: the engine loop in WebAssembly, one firm or two per instruction (bench/firmLoopWasm.ts); same bytes as the JavaScript loop: ${wasmExact ? 'yes' : 'NO'}\n`);
}

await runBenchScript(VARIANTS_COMMAND_LINE, ({ positionals: [firmsText, roundsText] }) =>
  main(wholeNumberOf('<firms>', firmsText, 400_000), wholeNumberOf('<rounds>', roundsText, 7)));
