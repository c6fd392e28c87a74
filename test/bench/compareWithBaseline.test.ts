import { describe, expect, it } from 'vitest';
import type { BenchFigures } from '../../bench/benchFigures.ts';
import { compareFigures } from '../../bench/compareWithBaseline.ts';

const size = (name: string, ns: number, replicates = 3) => ({
  name, agents: 1000, slots: 1000, firmsPerCapacityCell: 7, ticks: 10, replicates, initMs: 5, runMs: 1, nsPerAgentTick: ns, cpuNsPerAgentTick: ns,
  agentTicksPerSecond: 1e9 / ns, phasesNsPerAgentTick: { settleAccounts: ns / 2, beginTick: 0.01 },
});
const figures = (ns: number, speedup: number, replicates = 3): BenchFigures => ({
  date: '2026-11-29T00:00:00Z', node: 'v20', cpus: 2, loadAtStart: [1], loadAtEnd: [1], phaseListMatchesStep: true,
  sizes: [size('small', ns, replicates)], threads: { agents: 1, ticks: 1, msPerTick: { 1: 10, 2: 10 / speedup }, speedup, bitIdentical: true },
} as unknown as BenchFigures);

describe('compareFigures', () => {
  const { rows, mismatches } = compareFigures(figures(20, 1.7), figures(30, 1.2));
  const row = (figure: string) => rows.find((r) => r.figure === figure);

  it('gives each figure its unit and the direction that is better', () => {
    expect(row('sizes.small.nsPerAgentTick')).toMatchObject({ unit: 'ns', better: 'lower', changePercent: 50, verdict: 'worse' });
    expect(row('threads.speedup')).toMatchObject({ unit: '×', better: 'higher', verdict: 'worse' });
    expect(row('threads.msPerTick.2')).toMatchObject({ unit: 'ms', better: 'lower' });
  });

  it('flags only changes beyond the noise, either way', () => {
    const small = compareFigures(figures(20, 1.7), figures(21, 1.7)).rows.find((r) => r.figure === 'sizes.small.nsPerAgentTick');
    expect(small).toMatchObject({ changePercent: 5, verdict: '' });
    expect(compareFigures(figures(30, 1.2), figures(20, 1.7)).rows.find((r) => r.figure === 'threads.speedup')?.verdict).toBe('better');
  });

  it('compares the phases that take time, not those near zero', () => {
    expect(row('sizes.small.phasesNsPerAgentTick.settleAccounts')).toMatchObject({ unit: 'ns', baseline: 10, now: 15 });
    expect(row('sizes.small.phasesNsPerAgentTick.beginTick')).toBeUndefined();
  });

  it('says when the runs were set up differently', () => {
    expect(mismatches).toEqual([]);
    expect(compareFigures(figures(20, 1.7), figures(20, 1.7, 1)).mismatches).toEqual(['small: replicates 1 now, 3 in the baseline']);
  });
});
