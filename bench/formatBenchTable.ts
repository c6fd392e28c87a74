import { integrityFailures, type BenchFigures, type ThreadFigures } from './benchFigures.ts';
import type { MonteCarloFigures } from './measureMonteCarlo.ts';
import { SECOND_CORE_CPU_OVER_WALL } from './measureThreads.ts';
import { describeRuntime } from './benchRuntime.ts';
import { BUSY_LOAD_PER_CORE, MC_SECOND_CORE_CPU_OVER_WALL, monteCarloCpuOverWall } from './machineLoad.ts';
import type { SizeFigures } from './timeEngine.ts';
import { PHASE_NAMES } from './stepWithPhaseTimes.ts';

/** Formats rows as an aligned text table (first column left-aligned, others right-aligned). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fixed = (value: number | undefined, digits = 1) => (value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits));
const millions = (value: number) => `${(value / 1e6).toFixed(2)} M`;
/** A figure's range over its runs, "min–max" ("-" when not stored). */
const span = (range: readonly [number, number] | undefined, digits = 1) => (range === undefined ? '-' : `${fixed(range[0], digits)}–${fixed(range[1], digits)}`);

/** The human-readable report of `npm run bench`. */
export function formatBenchTable(figures: BenchFigures): string {
  const out: string[] = [];
  out.push(`crm-sim bench ${figures.date}${figures.commit ? ` at ${figures.commit}` : ''}, ${figures.runtime ? describeRuntime(figures.runtime) : `node ${figures.node}`}, ${figures.cpus} CPUs, load ${figures.loadAtStart.map((x) => x.toFixed(2)).join(' ')} → ${figures.loadAtEnd.map((x) => x.toFixed(2)).join(' ')}`);
  if (figures.busyMachine) out.push(busyMachineLine(figures));
  if (figures.profiled) out.push(`PROFILED (${(figures.profiledParts ?? []).join(', ')}): the CPU profiler slows what it covers (about +20%); these figures are not comparable with the baseline`);
  for (const failure of integrityFailures(figures)) out.push(`FAILED: ${failure}`);
  out.push('', 'Engine (whole step, median over replicates; agents = live firms + end users, firms = live firms at tick 0)');
  out.push(formatTable(['size', 'agents', 'firms', 'ticks', 'init ms', 'ns/agent-tick', '(runs: min–max)', 'CPU ns/agent-tick', 'ns/firm-tick', 'CPU ns/firm-tick', 'agent-ticks/s'],
    figures.sizes.map((s) => [s.name, String(s.agents), String(s.liveFirms ?? '-'), String(s.ticks), fixed(s.initMs), fixed(s.nsPerAgentTick), span(s.range?.nsPerAgentTick), fixed(s.cpuNsPerAgentTick), fixed(s.nsPerFirmTick), fixed(s.cpuNsPerFirmTick), millions(s.agentTicksPerSecond)])));
  out.push('', 'Phases (ns per agent-tick, instrumented runs: wall clock / CPU clock)');
  const phase = (s: SizeFigures, name: string, pick: (s: SizeFigures) => Record<string, number> | undefined) => {
    const values = pick(s);
    if (values === undefined) return undefined;
    return name === 'sum' ? Object.values(values).reduce((a, b) => a + b, 0) : values[name];
  };
  out.push(formatTable(['phase', ...figures.sizes.map((s) => s.name)],
    [...PHASE_NAMES, 'sum'].map((name) => [name, ...figures.sizes.map((s) => `${fixed(phase(s, name, (x) => x.phasesNsPerAgentTick), 2)} / ${fixed(phase(s, name, (x) => x.phasesCpuNsPerAgentTick), 2)}`)])));
  const clockCosts = figures.sizes.flatMap((s) => (s.phaseClockCostNsPerAgentTick === undefined ? [] : [`${s.name} ${fixed(s.phaseClockCostNsPerAgentTick.wall, 2)} / ${fixed(s.phaseClockCostNsPerAgentTick.cpu, 2)}`]));
  if (clockCosts.length > 0) out.push(`(one clock reading per phase and tick taken out of each figure: ${clockCosts.join(', ')} ns per agent-tick, wall / CPU clock)`);
  if (figures.kernel) out.push('', ...kernelLines(figures));
  else if (figures.kernelSkipped) out.push('', `Reference kernel: skipped: ${figures.kernelSkipped}`);
  if (figures.memory) {
    const m = figures.memory;
    out.push('', `Memory (${m.agents} agents, one world after 3 ticks, no recorder): heap ${fixed(m.heapBytesPerAgent)} B/agent, RSS ${fixed(m.rssBytesPerAgent)} B/agent; columns ${fixed(m.columnBytesPerAgent)} B/agent = firms ${fixed(m.firmColumnBytesPerAgent)} + end users ${fixed(m.endUserColumnBytesPerAgent)} + projects ${fixed(m.projectColumnBytesPerAgent)} (firm slots per live firm ${fixed(m.firmSlotsPerLiveFirm, 2)}; target ≤ 64); a run's recorder adds its series buffer, ${fixed(m.seriesBytesPerAgent)} B/agent, left out above`);
  }
  if (figures.monteCarlo) out.push('', ...monteCarloLines(figures.monteCarlo));
  if (figures.threads) out.push('', ...threadLines(figures.threads));
  return out.join('\n');
}

/** The BUSY MACHINE header: the load per core at the start and the others' share at the end. */
export function busyMachineLine(figures: Pick<BenchFigures, 'cpus' | 'loadAtStart' | 'loadAtEnd' | 'ownLoadAtEnd'>): string {
  const cores = Math.max(1, figures.cpus);
  const start = (figures.loadAtStart[0] ?? NaN) / cores;
  const end = ((figures.loadAtEnd[0] ?? NaN) - (figures.ownLoadAtEnd ?? 0)) / cores;
  return `BUSY MACHINE: 1-minute load per core ${fixed(start, 2)} at the start, ${fixed(end, 2)} at the end without this bench's own share (${fixed(figures.ownLoadAtEnd, 2)}), above ${BUSY_LOAD_PER_CORE}: ` +
    'other work shared the cores, so these timings are slower than the code is; do not trust them silently';
}

/** The kernel and the engine/kernel ratios (per agent: issue 7's figure; per live firm). */
function kernelLines(figures: BenchFigures): string[] {
  const k = figures.kernel as NonNullable<BenchFigures['kernel']>;
  const out = [`Reference kernel (${k.agents} agents, ${k.stages} stages): ${fixed(k.nsPerAgentUpdate, 2)} ns/agent-update (runs ${span(k.range?.nsPerAgentUpdate, 2)}; CPU ${fixed(k.cpuNsPerAgentUpdate, 2)}), ${millions(k.agentUpdatesPerSecond)} updates/s`];
  const paired = figures.sizes.find((s) => s.companionKernel !== undefined);
  const range = (name: string) => {
    const r = figures.range?.[name];
    return r === undefined ? '' : ` [${fixed(r[0], 1)}–${fixed(r[1], 1)}]`;
  };
  if (paired?.companionKernel === undefined) return [...out, 'engineToKernelRatio: - (taken only at the size with the kernel\'s agent count, large: include it in --size)'];
  return [...out,
    `engineToKernelRatio (per agent, issue 7's figure; target ≤ 3): ${fixed(figures.engineToKernelRatio, 1)}${range('engineToKernelRatio')} (CPU time: ${fixed(figures.engineToKernelRatioCpu, 1)}${range('engineToKernelRatioCpu')}): median [range] over ${paired.replicates} back-to-back pairs, ` +
      `each ${paired.name} engine run's ns/agent-tick divided by a kernel run's right after it (those kernel runs: median ${fixed(paired.companionKernel.nsPerAgentUpdate, 2)} ns/agent-update, CPU ${fixed(paired.companionKernel.cpuNsPerAgentUpdate, 2)})`,
    `engineToKernelRatioPerFirm: ${fixed(figures.engineToKernelRatioPerFirm, 1)}${range('engineToKernelRatioPerFirm')} (CPU time: ${fixed(figures.engineToKernelRatioPerFirmCpu, 1)}): the same pairs, the engine's time over live firms only ` +
      '(end users, about a fifth of the agents, cost per cell, not per user)',
  ];
}

/** Monte Carlo throughput and scaling (a note when the 2-worker runs had only one core). */
function monteCarloLines(mc: MonteCarloFigures): string[] {
  const cpuOverWall = monteCarloCpuOverWall(mc);
  return [
    `Monte Carlo (${mc.scenario}, ${mc.agents} agents, ${mc.ticks} ticks, ${mc.replicates} replicates, ${mc.rounds ?? 3} rounds)`,
    formatTable(['workers', 'seconds', 'CPU seconds', 'replicates/s'], ['1', '2'].map((w) => [w, fixed(mc.seconds[w], 2), fixed(mc.cpuSeconds[w], 2), fixed(mc.replicatesPerSecond[w], 3)])),
    `scaling 2 vs 1 worker, pool started per run: ${fixed(mc.scaling, 2)}×; without one worker start-up each: ${fixed(mc.scalingAfterStartUp, 2)}×; worker start-up ${fixed(mc.workerStartUpMs, 0)} ms`,
    ...(mc.warmScaling !== undefined ? [`scaling 2 vs 1 worker on pools started and warmed once: ${fixed(mc.warmScaling, 2)}× (target ≥ 1.8); ${fixed(mc.warmReplicatesPerSecond['1'], 2)} and ${fixed(mc.warmReplicatesPerSecond['2'], 2)} replicates/s`] : []),
    `scaling the CPU time allows on two free cores, 2 × CPU(1 worker) ÷ CPU(2): ${fixed(mc.cpuBoundScaling, 2)}×`,
    ...(cpuOverWall < MC_SECOND_CORE_CPU_OVER_WALL
      ? [`only one core free for the 2-worker runs (CPU ÷ wall ${fixed(cpuOverWall, 2)} < ${MC_SECOND_CORE_CPU_OVER_WALL}): on a shared machine the 2-worker speed-up cannot reach 2×; read cpuBoundScaling`]
      : []),
  ];
}

/** One replicate on 1 and more threads: paired speedup, CPU ÷ wall, and whether a second core was there. */
function threadLines(t: ThreadFigures): string[] {
  const counts = Object.keys(t.msPerTick);
  return [
    `Threads per replicate (${t.agents} agents, ${t.ticks} ticks): ${counts.map((n) => `${n}: ${fixed(t.msPerTick[n], 2)} ms/tick (CPU ${fixed(t.cpuMsPerTick?.[n], 2)}, CPU ÷ wall ${fixed(t.cpuOverWall?.[n], 2)})`).join(', ')}`,
    `  speedup ${fixed(t.speedup, 2)}× (target ≥ 1.6; median of rounds' paired ratios); the CPU time allows ${fixed(t.cpuBoundSpeedup, 2)}×; bit-identical: ${t.bitIdentical}`,
    ...(t.secondCoreAvailable === false ? [`  second core unavailable (CPU ÷ wall ${fixed(t.cpuOverWall?.[counts[counts.length - 1]], 2)} < ${SECOND_CORE_CPU_OVER_WALL} at ${counts[counts.length - 1]} threads): speedup not meaningful`] : []),
    ...(t.sleepingBarrier ? [`  with barriers that sleep at once (no spin): ${fixed(t.sleepingBarrier.msPerTick, 2)} ms/tick (CPU ${fixed(t.sleepingBarrier.cpuMsPerTick, 2)}), speedup ${fixed(t.sleepingBarrier.speedup, 2)}×`] : []),
  ];
}
