/**
 * What makes a bench run and the baseline measure different things, and which figures each such
 * difference covers (their rows are NOT COMPARABLE: shown, never counted as worse), apart from the
 * caveats that leave the figures comparable but worth a second look.
 */
import type { BenchFigures } from './benchFigures.ts';
import { describeRuntime, type BenchRuntime } from './benchRuntime.ts';
import { BUSY_LOAD_PER_CORE, MC_SECOND_CORE_CPU_OVER_WALL, monteCarloCpuOverWall } from './machineLoad.ts';
import type { SizeFigures } from './timeEngine.ts';

/** A difference of setup, in words, and the dotted figure names it makes not comparable. */
export interface Incomparability {
  reason: string;
  covers: (figure: string) => boolean;
}

/** 1-minute loads further apart than this (runnable threads, on 2 cores) are a caveat on the timings. */
export const LOAD_MISMATCH = 1;

/** The world-size figures of a size: a difference means another world (another scenario or engine), not another speed. */
const SIZE_KEYS = ['agents', 'liveFirms', 'slots', 'ticks', 'firmsPerCapacityCell'] as const;

const everything = () => true;
const under = (prefix: string) => (figure: string) => figure.startsWith(prefix);
const KERNEL_RATIOS = /^engineToKernelRatio/;

/**
 * The differences between the baseline and this run that make figures not comparable, and the caveats.
 * @param baseline - bench/baseline.json (any format since session 3).
 * @param now - This run's figures.
 */
export function findIncomparabilities(baseline: BenchFigures, now: BenchFigures): { incomparable: Incomparability[]; caveats: string[] } {
  const incomparable: Incomparability[] = [];
  const caveats: string[] = [];
  runtimeDifferences(baseline, now, incomparable, caveats);
  for (const [figures, side] of [[now, 'now'], [baseline, 'in the baseline']] as const) {
    if (figures.profiled) incomparable.push({ reason: `profiled ${side} (${(figures.profiledParts ?? []).join(', ')}): the profiler slows what it covers by about 20%`, covers: everything });
    if (figures.busyMachine) caveats.push(`BUSY MACHINE ${side} (1-minute load per core above ${BUSY_LOAD_PER_CORE} at the start or end): its timings are slowed by other work`);
  }
  const load = (f: BenchFigures) => Math.max(f.loadAtStart[0] ?? 0, f.loadAtEnd[0] ?? 0);
  if (Math.abs(load(now) - load(baseline)) > LOAD_MISMATCH) {
    caveats.push(`load (1-minute, larger of start and end) ${load(now).toFixed(1)} now, ${load(baseline).toFixed(1)} in the baseline: timings move with the load; trust ratios and ranges over single figures`);
  }
  sizeDifferences(baseline, now, incomparable, caveats);
  partDifferences(baseline, now, incomparable, caveats);
  const hostSpeed = describeHostSpeedChange(baseline, now);
  if (hostSpeed !== '') caveats.push(hostSpeed);
  return { incomparable, caveats };
}

/**
 * The reference kernel's change beyond which a run is said to be on a host of another speed: the
 * kernel's code does not change between sessions, so its time moves with the host alone (another
 * machine of the same kind, or its neighbours' load), and every absolute time moves with it.
 */
export const HOST_SPEED_CHANGE_PERCENT = 15;

/**
 * A caveat when the reference kernel ran more than {@link HOST_SPEED_CHANGE_PERCENT}% slower or faster
 * than in the baseline: the host, not the engine, moved the absolute times (session 31's machine ran
 * the kernel at 2.9–3.4 ns per update against the baseline's 1.90, and the engine about as much slower). The
 * ratios and speedups, each taken within one run, are the figures to read then. '' otherwise, or
 * when either side has no kernel.
 *
 * @param baseline - bench/baseline.json.
 * @param now - This run's figures.
 * @returns The caveat, or ''.
 */
export function describeHostSpeedChange(baseline: BenchFigures, now: BenchFigures): string {
  const [before, after] = [baseline.kernel?.nsPerAgentUpdate, now.kernel?.nsPerAgentUpdate];
  if (before === undefined || after === undefined || !(before > 0) || !(after > 0)) return '';
  const change = (after / before - 1) * 100;
  if (Math.abs(change) <= HOST_SPEED_CHANGE_PERCENT) return '';
  const direction = change > 0 ? 'slower' : 'faster';
  return `host speed: the reference kernel (code unchanged) ran ${after.toFixed(2)} ns per update now against ${before.toFixed(2)} in the baseline (${Math.abs(change).toFixed(0)}% ${direction}): `
    + `this host runs plain loops at another speed, so absolute times move by about as much whatever the code; compare engineToKernelRatio, the speedups and the scaling, each taken within one run`;
}

/** Compiled JS against TS source, or another Node: not comparable. A baseline without the record is taken as compiled. */
function runtimeDifferences(baseline: BenchFigures, now: BenchFigures, incomparable: Incomparability[], caveats: string[]): void {
  const runtimeOf = (f: BenchFigures): BenchRuntime => f.runtime ?? { code: 'compiled', node: f.node, v8: '' };
  const [before, after] = [runtimeOf(baseline), runtimeOf(now)];
  if (baseline.runtime === undefined) caveats.push('the baseline does not record whether it ran compiled JS or TS source (saved before session 15): taken as compiled JS, npm run bench\'s way');
  if (before.code !== after.code) {
    incomparable.push({ reason: `runtime ${describeRuntime(after)} now, ${describeRuntime(before)} in the baseline: tsx transpiles on load into another module graph, so other code is timed`, covers: everything });
  }
  if (before.node !== after.node) {
    incomparable.push({ reason: `Node ${after.node} now, ${before.node} in the baseline: another V8 compiles the hot loops differently`, covers: everything });
  }
}

/** Per size, one line when its world differs (its rows and, for the size paired with the kernel, the ratios); replicates are a caveat. */
function sizeDifferences(baseline: BenchFigures, now: BenchFigures, incomparable: Incomparability[], caveats: string[]): void {
  for (const size of now.sizes) {
    const old = baseline.sizes.find((s) => s.name === size.name);
    if (old === undefined) continue;
    const changed = SIZE_KEYS.filter((key) => old[key] !== undefined && old[key] !== size[key]);
    if (changed.length > 0) {
      const paired = (s: SizeFigures) => s.companionRatio !== undefined;
      const ratios = paired(size) || paired(old);
      incomparable.push({
        reason: `${size.name}: ${changed.map((key) => `${key} ${size[key]} now, ${old[key]} in the baseline`).join('; ')}: another world, not another speed`,
        covers: (figure) => figure.startsWith(`sizes.${size.name}.`) || (ratios && KERNEL_RATIOS.test(figure)),
      });
    }
    if ((old.phaseClockCostNsPerAgentTick === undefined) !== (size.phaseClockCostNsPerAgentTick === undefined)) {
      const costs = (size.phaseClockCostNsPerAgentTick ?? old.phaseClockCostNsPerAgentTick)!;
      const side = size.phaseClockCostNsPerAgentTick === undefined ? 'in the baseline, not now' : 'now, not in the baseline';
      incomparable.push({
        reason: `${size.name}: phase times have the clock's own cost taken out ${side} (${costs.wall.toFixed(2)} wall / ${costs.cpu.toFixed(2)} CPU ns per agent-tick and phase)`,
        covers: (figure) => figure.startsWith(`sizes.${size.name}.phases`),
      });
    }
    if (old.replicates !== size.replicates) caveats.push(`${size.name}: replicates ${size.replicates} now, ${old.replicates} in the baseline (fewer runs, narrower ranges: more flags by chance)`);
  }
}

/** The kernel, memory, Monte Carlo and threads: their own sizes, and whether a second core was there. */
function partDifferences(baseline: BenchFigures, now: BenchFigures, incomparable: Incomparability[], caveats: string[]): void {
  const keysApart = <T extends object>(part: string, a: T | undefined, b: T | undefined, keys: readonly (keyof T & string)[], covers: (figure: string) => boolean) => {
    if (a === undefined || b === undefined) return;
    const changed = keys.filter((key) => b[key] !== undefined && a[key] !== b[key]);
    if (changed.length > 0) incomparable.push({ reason: `${part}: ${changed.map((key) => `${key} ${String(a[key])} now, ${String(b[key])} in the baseline`).join('; ')}`, covers });
  };
  keysApart('kernel', now.kernel, baseline.kernel, ['agents', 'stages', 'ticks'], (figure) => figure.startsWith('kernel.') || KERNEL_RATIOS.test(figure));
  keysApart('memory', now.memory, baseline.memory, ['agents'], under('memory.'));
  keysApart('Monte Carlo', now.monteCarlo, baseline.monteCarlo, ['scenario', 'agents', 'ticks', 'replicates'], under('monteCarlo.'));
  if (now.monteCarlo && baseline.monteCarlo && (now.monteCarlo.rounds ?? 3) !== (baseline.monteCarlo.rounds ?? 3)) {
    caveats.push(`Monte Carlo: rounds ${now.monteCarlo.rounds ?? 3} now, ${baseline.monteCarlo.rounds ?? 3} in the baseline`);
  }
  keysApart('threads', now.threads, baseline.threads, ['agents', 'ticks'], under('threads.'));
  for (const [figures, side] of [[now, 'now'], [baseline, 'in the baseline']] as const) {
    const t = figures.threads;
    if (t?.secondCoreAvailable === false) {
      incomparable.push({
        reason: `threads: no second core ${side} (CPU ÷ wall ${Object.entries(t.cpuOverWall ?? {}).map(([n, x]) => `${x.toFixed(2)} at ${n}`).join(', ')}): speedup not meaningful`,
        covers: (figure) => figure.startsWith('threads.') && figure !== 'threads.msPerTick.1',
      });
    }
    const cpuOverWall = figures.monteCarlo ? monteCarloCpuOverWall(figures.monteCarlo) : NaN;
    if (cpuOverWall < MC_SECOND_CORE_CPU_OVER_WALL) {
      incomparable.push({
        reason: `Monte Carlo: one core free ${side} (CPU ÷ wall ${cpuOverWall.toFixed(2)} on 2 workers): 2-worker throughput and scaling not meaningful`,
        covers: (figure) => /^monteCarlo\.(scaling|scalingAfterStartUp|warmScaling|replicatesPerSecond\.2|warmReplicatesPerSecond\.2)$/.test(figure),
      });
    }
  }
}
