import { describe, expect, it } from 'vitest';
import type { BenchFigures } from '../../bench/benchFigures.ts';
import { formatBenchTable } from '../../bench/formatBenchTable.ts';
import type { MonteCarloFigures } from '../../bench/measureMonteCarlo.ts';

const figures = (extra: Partial<BenchFigures> = {}): BenchFigures => ({
  date: '2026-12-02T00:00:00Z', node: 'v20.20.2', runtime: { code: 'compiled', node: 'v20.20.2', v8: '11' }, cpus: 2,
  loadAtStart: [0.4, 0.3, 0.2], loadAtEnd: [1.2, 0.6, 0.3], ownLoadAtEnd: 1, busyMachine: false, phaseListMatchesStep: true, sizes: [], ...extra,
});
const monteCarlo = (cpuSeconds2: number): MonteCarloFigures => ({
  scenario: 's', agents: 10, ticks: 5, replicates: 32, rounds: 3, seconds: { 1: 6, 2: 4 }, cpuSeconds: { 1: 6, 2: cpuSeconds2 }, replicatesPerSecond: { 1: 5, 2: 8 },
  scaling: 1.5, scalingAfterStartUp: 1.5, cpuBoundScaling: 1.8, workerStartUpMs: 60, warmReplicatesPerSecond: { 1: 5, 2: 9 }, warmScaling: 1.8,
});

describe('formatBenchTable', () => {
  it('names the runtime in the header', () => {
    expect(formatBenchTable(figures()).split('\n')[0]).toMatch(/, compiled JS \(dist\/\), node v20\.20\.2, 2 CPUs/);
    expect(formatBenchTable(figures({ runtime: { code: 'source', node: 'v20.20.2', v8: '11' } })).split('\n')[0]).toMatch(/TS source \(tsx\)/);
  });

  it('puts a BUSY MACHINE line under the header when the run was busy, with the loads per core', () => {
    expect(formatBenchTable(figures())).not.toMatch(/BUSY MACHINE/);
    const busy = formatBenchTable(figures({ busyMachine: true, loadAtStart: [3, 2, 1], loadAtEnd: [4, 3, 2], ownLoadAtEnd: 1 })).split('\n');
    expect(busy[1]).toMatch(/^BUSY MACHINE: 1-minute load per core 1\.50 at the start, 1\.50 at the end without this bench's own share \(1\.00\), above 0\.75: .*do not trust them silently$/);
  });

  it('says the kernel was skipped and why', () => {
    const text = formatBenchTable(figures({ kernelSkipped: '--size small leaves out large, …; --kernel runs it anyway' }));
    expect(text).toMatch(/^Reference kernel: skipped: --size small leaves out large, …; --kernel runs it anyway$/m);
  });

  it('notes one free core under the Monte Carlo figures only when the 2-worker runs had one', () => {
    expect(formatBenchTable(figures({ monteCarlo: monteCarlo(7.8) }))).not.toMatch(/only one core free/);
    expect(formatBenchTable(figures({ monteCarlo: monteCarlo(4.4) }))).toMatch(/^only one core free for the 2-worker runs \(CPU ÷ wall 1\.10 < 1\.5\): .*cannot reach 2×/m);
  });
});
