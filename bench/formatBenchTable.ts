import type { BenchFigures } from './benchFigures.ts';
import { PHASE_NAMES } from './stepWithPhaseTimes.ts';

/** Formats rows as an aligned text table (first column left-aligned, others right-aligned). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fixed = (value: number | undefined, digits = 1) => (value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits));
const millions = (value: number) => `${(value / 1e6).toFixed(2)} M`;

/** The human-readable report of `npm run bench`. */
export function formatBenchTable(figures: BenchFigures): string {
  const out: string[] = [];
  out.push(`crm-sim bench ${figures.date}, node ${figures.node}, ${figures.cpus} CPUs, load ${figures.loadAtStart.map((x) => x.toFixed(2)).join(' ')} → ${figures.loadAtEnd.map((x) => x.toFixed(2)).join(' ')}`);
  if (!figures.phaseListMatchesStep) out.push('WARNING: bench/stepWithPhaseTimes.ts no longer matches sim-core/step.ts: phase figures are off');
  out.push('', 'Engine (whole step, median over replicates)');
  out.push(formatTable(['size', 'agents', 'ticks', 'init ms', 'ns/agent-tick', 'CPU ns/agent-tick', 'agent-ticks/s'],
    figures.sizes.map((s) => [s.name, String(s.agents), String(s.ticks), fixed(s.initMs), fixed(s.nsPerAgentTick), fixed(s.cpuNsPerAgentTick), millions(s.agentTicksPerSecond)])));
  out.push('', 'Phases (ns per agent-tick, instrumented runs)');
  out.push(formatTable(['phase', ...figures.sizes.map((s) => s.name)],
    [...PHASE_NAMES, 'sum'].map((phase) => [phase, ...figures.sizes.map((s) => fixed(phase === 'sum' ? Object.values(s.phasesNsPerAgentTick).reduce((a, b) => a + b, 0) : s.phasesNsPerAgentTick[phase], 2))])));
  if (figures.kernel) {
    const k = figures.kernel;
    out.push('', `Reference kernel (${k.agents} agents, ${k.stages} stages): ${fixed(k.nsPerAgentUpdate, 2)} ns/agent-update (CPU ${fixed(k.cpuNsPerAgentUpdate, 2)}), ${millions(k.agentUpdatesPerSecond)} updates/s`);
    const paired = figures.sizes.find((s) => s.companionKernel !== undefined);
    out.push(paired?.companionKernel === undefined
      ? 'engineToKernelRatio: - (taken only at the size with the kernel\'s agent count, large: include it in --size)'
      : `engineToKernelRatio: ${fixed(figures.engineToKernelRatio, 1)} (CPU time: ${fixed(figures.engineToKernelRatioCpu, 1)}; target ≤ 3): median over ${paired.replicates} back-to-back pairs, ` +
        `each ${paired.name} engine run's ns/agent-tick divided by a kernel run's right after it (those kernel runs: median ${fixed(paired.companionKernel.nsPerAgentUpdate, 2)} ns/agent-update, CPU ${fixed(paired.companionKernel.cpuNsPerAgentUpdate, 2)})`);
  }
  if (figures.memory) {
    const m = figures.memory;
    out.push('', `Memory (${m.agents} agents): heap ${fixed(m.heapBytesPerAgent)} B/agent, RSS ${fixed(m.rssBytesPerAgent)} B/agent; columns ${fixed(m.columnBytesPerAgent)} B/agent = firms ${fixed(m.firmColumnBytesPerAgent)} + end users ${fixed(m.endUserColumnBytesPerAgent)} + projects ${fixed(m.projectColumnBytesPerAgent)} (firm slots per live firm ${fixed(m.firmSlotsPerLiveFirm, 2)}; target ≤ 64)`);
  }
  if (figures.monteCarlo) {
    const mc = figures.monteCarlo;
    out.push('', `Monte Carlo (${mc.scenario}, ${mc.agents} agents, ${mc.ticks} ticks, ${mc.replicates} replicates)`);
    out.push(formatTable(['workers', 'seconds', 'replicates/s'], ['1', '2'].map((w) => [w, fixed(mc.seconds[w], 2), fixed(mc.replicatesPerSecond[w], 3)])));
    out.push(`scaling 2 vs 1 worker, pool started per run: ${fixed(mc.scaling, 2)}×; without one worker start-up each: ${fixed(mc.scalingAfterStartUp, 2)}×; worker start-up ${fixed(mc.workerStartUpMs, 0)} ms`);
    if (mc.warmScaling !== undefined) out.push(`scaling 2 vs 1 worker on pools started and warmed once: ${fixed(mc.warmScaling, 2)}× (target ≥ 1.8); ${fixed(mc.warmReplicatesPerSecond['1'], 2)} and ${fixed(mc.warmReplicatesPerSecond['2'], 2)} replicates/s`);
    out.push(`CPU seconds ${fixed(mc.cpuSeconds['1'], 2)} (1 worker) and ${fixed(mc.cpuSeconds['2'], 2)} (2): scaling the CPU time allows on two free cores ${fixed(mc.cpuBoundScaling, 2)}×`);
  }
  if (figures.threads) {
    const t = figures.threads;
    out.push('', `Threads per replicate (${t.agents} agents, ${t.ticks} ticks): ${Object.entries(t.msPerTick).map(([n, ms]) => `${n}: ${fixed(ms, 2)} ms/tick (CPU ${fixed(t.cpuMsPerTick?.[n], 2)})`).join(', ')}; speedup ${fixed(t.speedup, 2)}× (target ≥ 1.6); bit-identical: ${t.bitIdentical}`);
    if (t.sleepingBarrier) out.push(`  with barriers that sleep at once (no spin): ${fixed(t.sleepingBarrier.msPerTick, 2)} ms/tick (CPU ${fixed(t.sleepingBarrier.cpuMsPerTick, 2)}), speedup ${fixed(t.sleepingBarrier.speedup, 2)}×`);
  }
  return out.join('\n');
}
