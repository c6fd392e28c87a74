import { runTicks, type ScenarioSpec } from '../sim-core/index.ts';
import type { BenchConfig, SizeConfig } from './benchConfig.ts';
import { countAgents, countLiveFirms, countSlots, createBenchWorld, loadBenchSpec, type BenchWorld } from './createBenchWorld.ts';
import { collectGarbage } from './collectGarbage.ts';
import { measureClockCost } from './measureClockCost.ts';
import { median, rangeOf, type Range } from './median.ts';
import { unprofiled, type Around } from './segmentProfiler.ts';
import { PHASE_NAMES, stepWithPhaseTimes } from './stepWithPhaseTimes.ts';

/** Figures of one engine size (medians over its replicates; `range`: smallest and largest run). */
export interface SizeFigures {
  name: string;
  agents: number;
  /**
   * Live firms at tick 0 (agents less end users). End users are about 20% of the agents but their
   * per-tick work is per cell (a few loops over identical users), so per agent the engine looks cheaper
   * than per firm. Absent in baselines saved before session 12.
   */
  liveFirms?: number;
  /** Firm slots (live or free) and end users: what per-agent loops walk. */
  slots: number;
  firmsPerCapacityCell: number;
  ticks: number;
  replicates: number;
  initMs: number;
  /** World creation in the process's CPU time (user + system). */
  cpuInitMs?: number;
  runMs: number;
  /** Wall ns per agent-tick of the whole step: issue 7's figure (agents = live firms + end users). */
  nsPerAgentTick: number;
  /** The same from the process's CPU time (user + system): steadier than wall time on a shared machine. */
  cpuNsPerAgentTick: number;
  /** The same run's time per live firm and tick (end users' work included in the time, not the count). */
  nsPerFirmTick?: number;
  cpuNsPerFirmTick?: number;
  agentTicksPerSecond: number;
  /** Per phase of step.ts, ns per agent-tick (separate instrumented runs; their sum ≈ the whole step). */
  phasesNsPerAgentTick: Record<string, number>;
  /** The same with each phase timed on the process's CPU clock (more instrumented runs). */
  phasesCpuNsPerAgentTick?: Record<string, number>;
  /**
   * What one clock reading costs per agent-tick (wall, CPU clock), taken out of every phase figure above
   * (since session 30; a phase's interval holds one reading: bench/measureClockCost.ts). Absent in
   * figures saved before, whose phases include it.
   */
  phaseClockCostNsPerAgentTick?: { wall: number; cpu: number };
  /** Median over replicates of (engine ÷ companion) when a companion ran right after each replicate (wall, CPU). */
  companionRatio?: { wall: number; cpu: number };
  /** The kernel runs paired with the engine runs (median ns per agent-update), which companionRatio divides by. */
  companionKernel?: { nsPerAgentUpdate: number; cpuNsPerAgentUpdate: number };
  /** Smallest and largest run of each figure above, by its dotted name (e.g. `phasesNsPerAgentTick.clearMarkets`). */
  range?: Record<string, Range>;
}

/** A measurement run right after each engine replicate (the reference kernel), in ns per agent-update. */
export type Companion = () => { wallNs: number; cpuNs: number };

/**
 * Warms the tick on a small world (whole step and the phase-timed copy), so that no timed run pays
 * tier-up, the deoptimisation that follows a hot loop optimised mid-call (PERFORMANCE.md), or the
 * one a cell's first growth causes (its columns are replaced: V8 then drops the code that took the
 * store's column fields for constants). `warmUp` in bench/configurations.json is sized for both.
 */
export function warmUpEngine(config: BenchConfig): void {
  const spec = loadBenchSpec(config.scenario, config.warmUp.firmsPerCapacityCell);
  for (let replicate = 0; replicate < config.warmUp.replicates; replicate++) {
    const a = createBenchWorld(spec, config.seed, replicate);
    runTicks(a.world, a.recorder, config.warmUp.ticks);
    const b = createBenchWorld(spec, config.seed, replicate, a.compiled);
    const times = new Float64Array(PHASE_NAMES.length);
    for (let t = 0; t < config.warmUp.ticks; t++) stepWithPhaseTimes(b.world, b.recorder, times, t % 2 === 0 ? wallClock : cpuClock);
  }
}

/** Profilers of parts of {@link timeEngineSize} (bench/segmentProfiler.ts); a part left out is not profiled. */
export interface EngineProfile {
  /** Around each timed run of whole steps (runTicks), and nothing else. */
  readonly runs?: Around;
  /** Around each timed world creation. */
  readonly init?: Around;
}

/** Per replicate of one size: what each timed run measured. */
interface EngineRuns {
  initMs: number[];
  cpuInitMs: number[];
  runMs: number[];
  cpuMs: number[];
  wallRatios: number[];
  cpuRatios: number[];
  kernelWallNs: number[];
  kernelCpuNs: number[];
}

/**
 * Times one size: per replicate, a fresh world (init timed apart), then `ticks` whole steps; then
 * the same with phase times (on the wall clock, then on the CPU clock). Reports medians over
 * replicates and each figure's range. A full GC runs before each timed run, so none pays for
 * collecting an earlier world (not before a creation: a collection just before it shrinks the heap,
 * and creation would pay to grow it again). `profile` wraps the timed world creations and the timed runs, its
 * start and stop outside the clock (the profiler's sampling still slows what it wraps).
 */
export function timeEngineSize(config: BenchConfig, size: SizeConfig, spec: ScenarioSpec = loadBenchSpec(config.scenario, size.firmsPerCapacityCell), companion?: Companion, profile: EngineProfile = {}): SizeFigures {
  const { runs: aroundRuns = unprofiled, init = unprofiled } = profile;
  const runs: EngineRuns = { initMs: [], cpuInitMs: [], runMs: [], cpuMs: [], wallRatios: [], cpuRatios: [], kernelWallNs: [], kernelCpuNs: [] };
  let agents = 0;
  let liveFirms = 0;
  let slots = 0;
  for (let replicate = 0; replicate < size.replicates; replicate++) {
    // No forced GC before creation: a collection just before it shrinks the heap, and creation then pays
    // for growing it again (small worlds 2.8 -> 4.3 ms), which no run that creates worlds one after another does.
    const { bench, ms, cpuMs: cpuInit } = init(() => timeCreation(spec, config.seed, replicate));
    collectGarbage();
    const run = aroundRuns(() => timeRun(bench, size.ticks));
    runs.initMs.push(ms);
    runs.cpuInitMs.push(cpuInit);
    runs.runMs.push(run.wallMs);
    runs.cpuMs.push(run.cpuMs);
    if (replicate === 0) {
      const fresh = createBenchWorld(spec, config.seed, 0, bench.compiled).world;
      agents = countAgents(fresh);
      liveFirms = countLiveFirms(fresh);
      slots = countSlots(bench.world);
    }
    if (companion) {
      // Paired right after the engine run, so both see about the same load on a shared machine.
      const { wallNs, cpuNs } = companion();
      runs.kernelWallNs.push(wallNs);
      runs.kernelCpuNs.push(cpuNs);
      runs.wallRatios.push((run.wallMs * 1e6) / (agents * size.ticks) / wallNs);
      runs.cpuRatios.push((run.cpuMs * 1e6) / (agents * size.ticks) / cpuNs);
    }
  }
  const phases = { wall: timePhases(config, size, spec, wallClock), cpu: timePhases(config, size, spec, cpuClock) };
  return summarise(size, { agents, liveFirms, slots }, runs, phases, companion !== undefined);
}

/** Per phase, the ms of each replicate's instrumented run on `clock`, less one reading of the clock per phase and tick; and that reading's cost (ms). */
function timePhases(config: BenchConfig, size: SizeConfig, spec: ScenarioSpec, clock: () => number): { byPhase: number[][]; clockCostMs: number } {
  const clockCostMs = measureClockCost(clock);
  const byPhase = timePhaseRuns(config, size, spec, clock).map((runs) => runs.map((ms) => ms - clockCostMs * size.ticks));
  return { byPhase, clockCostMs };
}

/** Per phase, the ms of each instrumented run with the clock's cost taken out, and that cost per reading (ms). */
interface PhaseTimes {
  byPhase: number[][];
  clockCostMs: number;
}

/** Medians and ranges of one size's runs. */
function summarise(size: SizeConfig, counts: { agents: number; liveFirms: number; slots: number }, runs: EngineRuns, phases: { wall: PhaseTimes; cpu: PhaseTimes }, paired: boolean): SizeFigures {
  const { agents, liveFirms } = counts;
  const range: Record<string, Range> = {};
  /** Median of `values` scaled by `scale`, its range stored under `name`. */
  const figure = (name: string, values: readonly number[], scale = 1) => {
    range[name] = rangeOf(values.map((v) => v * scale));
    return median(values) * scale;
  };
  const perAgentTick = 1e6 / (agents * size.ticks);
  const perFirmTick = 1e6 / (liveFirms * size.ticks);
  const phaseFigures = (name: string, byPhase: number[][]) => Object.fromEntries(PHASE_NAMES.map((phase, i) => [phase, figure(`${name}.${phase}`, byPhase[i], perAgentTick)]));
  const runMs = figure('runMs', runs.runMs);
  return {
    name: size.name, agents, liveFirms, slots: counts.slots, firmsPerCapacityCell: size.firmsPerCapacityCell, ticks: size.ticks, replicates: size.replicates,
    initMs: figure('initMs', runs.initMs), cpuInitMs: figure('cpuInitMs', runs.cpuInitMs), runMs,
    nsPerAgentTick: figure('nsPerAgentTick', runs.runMs, perAgentTick), cpuNsPerAgentTick: figure('cpuNsPerAgentTick', runs.cpuMs, perAgentTick),
    nsPerFirmTick: figure('nsPerFirmTick', runs.runMs, perFirmTick), cpuNsPerFirmTick: figure('cpuNsPerFirmTick', runs.cpuMs, perFirmTick),
    agentTicksPerSecond: (agents * size.ticks) / (runMs / 1000),
    phasesNsPerAgentTick: phaseFigures('phasesNsPerAgentTick', phases.wall.byPhase),
    phasesCpuNsPerAgentTick: phaseFigures('phasesCpuNsPerAgentTick', phases.cpu.byPhase),
    phaseClockCostNsPerAgentTick: { wall: phases.wall.clockCostMs * size.ticks * perAgentTick, cpu: phases.cpu.clockCostMs * size.ticks * perAgentTick },
    ...(paired ? {
      companionRatio: { wall: figure('companionRatio.wall', runs.wallRatios), cpu: figure('companionRatio.cpu', runs.cpuRatios) },
      companionKernel: { nsPerAgentUpdate: figure('companionKernel.nsPerAgentUpdate', runs.kernelWallNs), cpuNsPerAgentUpdate: figure('companionKernel.cpuNsPerAgentUpdate', runs.kernelCpuNs) },
    } : {}),
    range: { ...range, agentTicksPerSecond: [(agents * size.ticks) / (range.runMs[1] / 1000), (agents * size.ticks) / (range.runMs[0] / 1000)] },
  };
}

/** The wall clock in ms. */
const wallClock = () => performance.now();

/** The process's CPU clock (user + system, all threads) in ms: process.cpuUsage, µs resolution. */
const cpuClock = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** The world of (seed, replicate) and the wall and CPU time its creation took. */
function timeCreation(spec: ScenarioSpec, seed: number, replicate: number): { bench: BenchWorld; ms: number; cpuMs: number } {
  const t0 = performance.now();
  const cpu = process.cpuUsage();
  const bench = createBenchWorld(spec, seed, replicate);
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { bench, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** Runs `ticks` whole steps on a fresh world: wall and CPU (user + system) time. */
function timeRun(bench: BenchWorld, ticks: number): { wallMs: number; cpuMs: number } {
  const t1 = performance.now();
  const cpu = process.cpuUsage();
  runTicks(bench.world, bench.recorder, ticks);
  const t2 = performance.now();
  const used = process.cpuUsage(cpu);
  return { wallMs: t2 - t1, cpuMs: (used.user + used.system) / 1000 };
}

/** Per phase, the ms of each replicate's instrumented run on `clock` (fresh worlds, not profiled). */
function timePhaseRuns(config: BenchConfig, size: SizeConfig, spec: ScenarioSpec, clock: () => number): number[][] {
  const phaseRuns = PHASE_NAMES.map(() => [] as number[]);
  for (let replicate = 0; replicate < size.replicates; replicate++) {
    const bench = createBenchWorld(spec, config.seed, replicate);
    const times = new Float64Array(PHASE_NAMES.length);
    collectGarbage();
    for (let t = 0; t < size.ticks; t++) stepWithPhaseTimes(bench.world, bench.recorder, times, clock);
    times.forEach((ms, phase) => phaseRuns[phase].push(ms));
  }
  return phaseRuns;
}
