import { runTicks, type ScenarioSpec } from '../sim-core/index.ts';
import type { BenchConfig, SizeConfig } from './benchConfig.ts';
import { countAgents, countSlots, createBenchWorld, loadBenchSpec, type BenchWorld } from './createBenchWorld.ts';
import { median } from './median.ts';
import { unprofiled, type Around } from './segmentProfiler.ts';
import { PHASE_NAMES, stepWithPhaseTimes } from './stepWithPhaseTimes.ts';

/** Figures of one engine size (medians over its replicates). */
export interface SizeFigures {
  name: string;
  agents: number;
  /** Firm slots (live or free) and end users: what per-agent loops walk. */
  slots: number;
  firmsPerCapacityCell: number;
  ticks: number;
  replicates: number;
  initMs: number;
  runMs: number;
  nsPerAgentTick: number;
  /** The same from the process's CPU time (user + system): steadier than wall time on a shared machine. */
  cpuNsPerAgentTick: number;
  agentTicksPerSecond: number;
  /** Per phase of step.ts, ns per agent-tick (separate instrumented runs; their sum ≈ the whole step). */
  phasesNsPerAgentTick: Record<string, number>;
  /** Median over replicates of (engine ÷ companion) when a companion ran right after each replicate (wall, CPU). */
  companionRatio?: { wall: number; cpu: number };
  /** The kernel runs paired with the engine runs (median ns per agent-update), which companionRatio divides by. */
  companionKernel?: { nsPerAgentUpdate: number; cpuNsPerAgentUpdate: number };
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
    for (let t = 0; t < config.warmUp.ticks; t++) stepWithPhaseTimes(b.world, b.recorder, times);
  }
}

/** Profilers of parts of {@link timeEngineSize} (bench/segmentProfiler.ts); a part left out is not profiled. */
export interface EngineProfile {
  /** Around each timed run of whole steps (runTicks), and nothing else. */
  readonly runs?: Around;
  /** Around each timed world creation. */
  readonly init?: Around;
}

/**
 * Times one size: per replicate, a fresh world (init timed apart), then `ticks` whole steps; then
 * the same with phase times. Reports medians over replicates. `profile` wraps the timed world
 * creations and the timed runs, its start and stop outside the clock.
 */
export function timeEngineSize(config: BenchConfig, size: SizeConfig, spec: ScenarioSpec = loadBenchSpec(config.scenario, size.firmsPerCapacityCell), companion?: Companion, profile: EngineProfile = {}): SizeFigures {
  const { runs = unprofiled, init = unprofiled } = profile;
  const initMs: number[] = [];
  const runMs: number[] = [];
  const cpuMs: number[] = [];
  const wallRatios: number[] = [];
  const cpuRatios: number[] = [];
  const kernelWallNs: number[] = [];
  const kernelCpuNs: number[] = [];
  let agents = 0;
  let slots = 0;
  for (let replicate = 0; replicate < size.replicates; replicate++) {
    const { bench, ms } = init(() => timeCreation(spec, config.seed, replicate));
    const run = runs(() => timeRun(bench, size.ticks));
    initMs.push(ms);
    runMs.push(run.wallMs);
    cpuMs.push(run.cpuMs);
    if (replicate === 0) {
      agents = countAgents(createBenchWorld(spec, config.seed, 0, bench.compiled).world);
      slots = countSlots(bench.world);
    }
    if (companion) {
      // Paired right after the engine run, so both see about the same load on a shared machine.
      const { wallNs, cpuNs } = companion();
      kernelWallNs.push(wallNs);
      kernelCpuNs.push(cpuNs);
      wallRatios.push((run.wallMs * 1e6) / (agents * size.ticks) / wallNs);
      cpuRatios.push((run.cpuMs * 1e6) / (agents * size.ticks) / cpuNs);
    }
  }
  const phaseRuns = timePhases(config, size, spec);
  const perAgentTick = (ms: number) => (ms * 1e6) / (agents * size.ticks);
  const run = median(runMs);
  return {
    name: size.name, agents, slots, firmsPerCapacityCell: size.firmsPerCapacityCell, ticks: size.ticks, replicates: size.replicates,
    initMs: median(initMs), runMs: run, nsPerAgentTick: perAgentTick(run), cpuNsPerAgentTick: perAgentTick(median(cpuMs)), agentTicksPerSecond: (agents * size.ticks) / (run / 1000),
    phasesNsPerAgentTick: Object.fromEntries(PHASE_NAMES.map((name, phase) => [name, perAgentTick(median(phaseRuns[phase]))])),
    ...(companion ? {
      companionRatio: { wall: median(wallRatios), cpu: median(cpuRatios) },
      companionKernel: { nsPerAgentUpdate: median(kernelWallNs), cpuNsPerAgentUpdate: median(kernelCpuNs) },
    } : {}),
  };
}

/** The world of (seed, replicate) and the wall time its creation took. */
function timeCreation(spec: ScenarioSpec, seed: number, replicate: number): { bench: BenchWorld; ms: number } {
  const t0 = performance.now();
  const bench = createBenchWorld(spec, seed, replicate);
  return { bench, ms: performance.now() - t0 };
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

/** Per phase, the ms of each replicate's instrumented run (fresh worlds, not profiled). */
function timePhases(config: BenchConfig, size: SizeConfig, spec: ScenarioSpec): number[][] {
  const phaseRuns = PHASE_NAMES.map(() => [] as number[]);
  for (let replicate = 0; replicate < size.replicates; replicate++) {
    const bench = createBenchWorld(spec, config.seed, replicate);
    const times = new Float64Array(PHASE_NAMES.length);
    for (let t = 0; t < size.ticks; t++) stepWithPhaseTimes(bench.world, bench.recorder, times);
    times.forEach((ms, phase) => phaseRuns[phase].push(ms));
  }
  return phaseRuns;
}
