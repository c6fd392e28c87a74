import { describe, expect, it } from 'vitest';
import type { BenchFigures } from '../../bench/benchFigures.ts';
import { compareFigures, formatComparison, judge, NOISE_PERCENT } from '../../bench/compareWithBaseline.ts';
import type { Range } from '../../bench/median.ts';

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

  it('lists a profiled run, a load far from the baseline\'s and a missing second core as not comparable', () => {
    const profiled = { ...figures(20, 1.7), profiled: true, profiledParts: ['runs'] };
    expect(compareFigures(figures(20, 1.7), profiled).mismatches).toEqual([expect.stringMatching(/^profiled now \(runs\)/)]);
    const loaded = { ...figures(20, 1.7), loadAtStart: [6], loadAtEnd: [5] };
    expect(compareFigures(figures(20, 1.7), loaded).mismatches).toEqual([expect.stringMatching(/^load .* 6\.0 now, 1\.0 in the baseline/)]);
    expect(compareFigures(figures(20, 1.7), { ...figures(20, 1.7), loadAtStart: [1.8] }).mismatches).toEqual([]);
    const oneCore = figures(20, 1.7);
    oneCore.threads = { ...oneCore.threads!, secondCoreAvailable: false, cpuOverWall: { 1: 1, 2: 1.02 } };
    expect(compareFigures(figures(20, 1.7), oneCore).mismatches).toEqual([expect.stringMatching(/no second core now .*speedup not meaningful/)]);
  });

  it('fails the yes/no checks that are false now, and shows them', () => {
    const broken = figures(20, 1.7);
    broken.threads = { ...broken.threads!, bitIdentical: false };
    const comparison = compareFigures(figures(20, 1.7), broken);
    expect(comparison.rows.find((r) => r.figure === 'threads.bitIdentical')).toMatchObject({ baseline: 1, now: 0, basis: 'check', verdict: 'FAILED' });
    expect(comparison.rows.find((r) => r.figure === 'phaseListMatchesStep')).toMatchObject({ now: 1, verdict: '' });
    expect(formatComparison(comparison, figures(20, 1.7), broken)).toMatch(/threads\.bitIdentical .* true .* false .*FAILED/);
  });
});

describe('judge', () => {
  const row = (baseline: number, now: number, baselineRange?: Range, nowRange?: Range) =>
    judge({ figure: 'sizes.small.nsPerAgentTick', unit: 'ns', better: 'lower', baseline, now, baselineRange, nowRange });

  it('flags a change only when the two runs\' ranges do not overlap', () => {
    expect(row(20, 30, [19, 21], [28, 33])).toMatchObject({ basis: 'ranges', verdict: 'worse', changePercent: 50 });
    expect(row(20, 30, [19, 29], [28, 33])).toMatchObject({ basis: 'ranges', verdict: '' });
    expect(row(20, 15, [19, 21], [14, 18.9])).toMatchObject({ basis: 'ranges', verdict: 'better' });
    // Within the fixed band, but the ranges are apart and the change is beyond RANGE_MIN_PERCENT (5%): flagged.
    expect(row(20, 21.2, [19.9, 20.1], [21.1, 21.3])).toMatchObject({ basis: 'ranges', verdict: 'worse' });
    // Apart, but only 2% (3 runs a side are apart by chance about 1 time in 10): not flagged.
    expect(row(20, 20.4, [19.95, 20.05], [20.35, 20.45])).toMatchObject({ basis: 'ranges', verdict: '' });
    // A baseline of 0 has no percentage change: ranges apart are enough.
    expect(row(0, 1, [0, 0], [0.9, 1.1])).toMatchObject({ basis: 'ranges', verdict: 'worse', changePercent: null });
    // A range saved as [null, null] (empty or NaN) is no range: the fixed band decides.
    expect(row(20, 21, [null, null] as unknown as [number, number], [20.9, 21.1])).toMatchObject({ basis: 'band', verdict: '' });
  });

  it('falls back to the fixed band when a side has no range (a baseline saved before ranges)', () => {
    const beyond = 20 * (1 + (NOISE_PERCENT + 1) / 100);
    expect(row(20, beyond, undefined, [beyond, beyond])).toMatchObject({ basis: 'band', verdict: 'worse' });
    expect(row(20, 21, undefined, [20, 22])).toMatchObject({ basis: 'band', verdict: '' });
  });

  it('reads an old baseline (no ranges, no checks of the threads) beside a new run', () => {
    const now = { ...figures(20, 1.7), sizes: [{ ...size('small', 40), range: { nsPerAgentTick: [39, 41] as Range } }] } as BenchFigures;
    const { rows } = compareFigures(figures(20, 1.7), now);
    expect(rows.find((r) => r.figure === 'sizes.small.nsPerAgentTick')).toMatchObject({ basis: 'band', verdict: 'worse', nowRange: [39, 41] });
  });
});
