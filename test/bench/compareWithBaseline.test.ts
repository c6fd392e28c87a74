import { describe, expect, it } from 'vitest';
import type { BenchFigures } from '../../bench/benchFigures.ts';
import { compareFigures, comparisonExitCode, formatComparison, judge, NOISE_PERCENT, REGRESSION_EXIT_CODE } from '../../bench/compareWithBaseline.ts';
import type { Range } from '../../bench/median.ts';

const size = (name: string, ns: number, replicates = 3) => ({
  name, agents: 1000, liveFirms: 800, slots: 1000, firmsPerCapacityCell: 7, ticks: 10, replicates, initMs: 5, runMs: 1, nsPerAgentTick: ns, cpuNsPerAgentTick: ns,
  agentTicksPerSecond: 1e9 / ns, phasesNsPerAgentTick: { settleAccounts: ns / 2, beginTick: 0.01 },
});
const figures = (ns: number, speedup: number, replicates = 3): BenchFigures => ({
  date: '2026-11-29T00:00:00Z', node: 'v20', runtime: { code: 'compiled', node: 'v20', v8: '11' }, cpus: 2, loadAtStart: [1], loadAtEnd: [1], phaseListMatchesStep: true,
  sizes: [size('small', ns, replicates)], threads: { agents: 1, ticks: 1, msPerTick: { 1: 10, 2: 10 / speedup }, speedup, bitIdentical: true },
} as unknown as BenchFigures);

describe('compareFigures', () => {
  const { rows, notComparable, caveats } = compareFigures(figures(20, 1.7), figures(30, 1.2));
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

  it('marks phase rows not comparable when one side has the clock reading taken out and the other not', () => {
    const corrected = figures(30, 1.2);
    corrected.sizes = [{ ...corrected.sizes[0], phaseClockCostNsPerAgentTick: { wall: 0.04, cpu: 2.5 } }];
    const mixed = compareFigures(figures(20, 1.7), corrected);
    expect(mixed.notComparable.map((n) => n.reason)).toEqual([expect.stringMatching(/^small: phase times have the clock's own cost taken out now, not in the baseline \(0\.04 wall \/ 2\.50 CPU/)]);
    expect(mixed.rows.find((r) => r.figure === 'sizes.small.phasesNsPerAgentTick.settleAccounts')).toMatchObject({ comparable: false, verdict: '' });
    // The whole step's figures stay comparable (still worse), and two corrected runs compare as usual.
    expect(mixed.rows.find((r) => r.figure === 'sizes.small.nsPerAgentTick')).toMatchObject({ comparable: true, verdict: 'worse' });
    expect(compareFigures(corrected, corrected).notComparable).toEqual([]);
  });

  it('says when the reference kernel ran at another speed: a host of another speed, ratios to read', () => {
    const kernel = (ns: number) => ({ agents: 1e6, stages: 6, ticks: 20, nsPerAgentUpdate: ns, cpuNsPerAgentUpdate: ns, agentUpdatesPerSecond: 1e9 / ns, bytesPerAgent: 16 });
    const on = (ns: number) => ({ ...figures(20, 1.7), kernel: kernel(ns) });
    expect(compareFigures(on(1.9), on(3.02)).caveats).toEqual([expect.stringMatching(/^host speed: the reference kernel \(code unchanged\) ran 3\.02 ns per update now against 1\.90 in the baseline \(59% slower\)/)]);
    expect(compareFigures(on(3), on(2)).caveats).toEqual([expect.stringMatching(/\(33% faster\)/)]);
    // Within the band, or with no kernel on one side, nothing is said.
    expect(compareFigures(on(2), on(2.2)).caveats).toEqual([]);
    expect(compareFigures(figures(20, 1.7), on(3)).caveats).toEqual([]);
  });

  it('says when the runs were set up differently (other replicates: a caveat, still comparable)', () => {
    expect([notComparable, caveats]).toEqual([[], []]);
    const fewer = compareFigures(figures(20, 1.7), figures(20, 1.7, 1));
    expect(fewer.caveats).toEqual([expect.stringMatching(/^small: replicates 1 now, 3 in the baseline/)]);
    expect(fewer.rows.every((r) => r.comparable)).toBe(true);
  });

  it('marks a profiled run and a missing second core not comparable; a load far from the baseline\'s is a caveat', () => {
    const profiled = compareFigures(figures(20, 1.7), { ...figures(30, 1.2), profiled: true, profiledParts: ['runs'] });
    expect(profiled.notComparable.map((n) => n.reason)).toEqual([expect.stringMatching(/^profiled now \(runs\)/)]);
    expect(profiled.rows.filter((r) => r.basis !== 'check').every((r) => !r.comparable && r.verdict === '')).toBe(true);
    const loaded = compareFigures(figures(20, 1.7), { ...figures(20, 1.7), loadAtStart: [6], loadAtEnd: [5] });
    expect([loaded.notComparable.map((n) => n.reason), loaded.caveats]).toEqual([[], [expect.stringMatching(/^load .* 6\.0 now, 1\.0 in the baseline/)]]);
    expect(compareFigures(figures(20, 1.7), { ...figures(20, 1.7), loadAtStart: [1.8] }).caveats).toEqual([]);
    const oneCore = figures(20, 1.2);
    oneCore.threads = { ...oneCore.threads!, secondCoreAvailable: false, cpuOverWall: { 1: 1, 2: 1.02 } };
    const shared = compareFigures(figures(20, 1.7), oneCore);
    expect(shared.notComparable.map((n) => n.reason)).toEqual([expect.stringMatching(/no second core now .*speedup not meaningful/)]);
    expect(shared.rows.find((r) => r.figure === 'threads.speedup')).toMatchObject({ comparable: false, verdict: '' });
    expect(shared.rows.find((r) => r.figure === 'threads.msPerTick.1')).toMatchObject({ comparable: true });
    expect(shared.worse).toEqual([]);
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

  it('does not flag a memory figure that moves by less than half a byte per agent, whatever the percentage', () => {
    const bytes = (baseline: number, now: number) => judge({ figure: 'memory.projectColumnBytesPerAgent', unit: 'B', better: 'lower', baseline, now });
    expect(bytes(0.008, 0.033)).toMatchObject({ basis: 'band', verdict: '' });
    expect(bytes(60, 70)).toMatchObject({ basis: 'band', verdict: 'worse' });
    expect(bytes(1, 1.6)).toMatchObject({ verdict: 'worse' });
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

describe('which rows are comparable, and the exit code of bench:compare', () => {
  const base = figures(20, 1.7);

  it('exits 3 when a comparable figure is worse beyond noise, 0 when none is (better or within noise)', () => {
    const worse = compareFigures(base, figures(30, 1.7));
    expect(worse.worse).toEqual(expect.arrayContaining(['sizes.small.nsPerAgentTick']));
    expect(comparisonExitCode(worse)).toBe(REGRESSION_EXIT_CODE);
    expect(REGRESSION_EXIT_CODE).toBe(3);
    expect(formatComparison(worse, base, figures(30, 1.7))).toMatch(/^REGRESSION: .*sizes\.small\.nsPerAgentTick.*exit 3$/m);
    const same = compareFigures(base, figures(21, 1.7));
    expect([same.worse, comparisonExitCode(same)]).toEqual([[], 0]);
    expect(comparisonExitCode(compareFigures(figures(30, 1.2), base))).toBe(0);
    expect(formatComparison(same, base, figures(21, 1.7))).toMatch(/^no comparable figure worse .*: exit 0$/m);
  });

  it('never counts a worse row that is not comparable: compiled JS against TS source', () => {
    const source = { ...figures(30, 1.2), runtime: { code: 'source', node: 'v20', v8: '11' } } as BenchFigures;
    const comparison = compareFigures(base, source);
    expect(comparison.notComparable.map((n) => n.reason)).toEqual([expect.stringMatching(/^runtime TS source \(tsx\), node v20 now, compiled JS \(dist\/\), node v20 in the baseline/)]);
    expect(comparison.rows.find((r) => r.figure === 'sizes.small.nsPerAgentTick')).toMatchObject({ comparable: false, verdict: '', changePercent: 50 });
    expect([comparison.worse, comparisonExitCode(comparison)]).toEqual([[], 0]);
    expect(formatComparison(comparison, base, source)).toMatch(/sizes\.small\.nsPerAgentTick .*NOT COMPARABLE \[1\]/);
    expect(formatComparison(comparison, base, source)).toMatch(/^NOT COMPARABLE \[1\] \(\d+ rows, never counted as worse\): runtime/m);
  });

  it('marks another Node not comparable, and reads a baseline without a runtime record as compiled (a caveat)', () => {
    const otherNode = compareFigures(base, { ...figures(30, 1.2), node: 'v22', runtime: { code: 'compiled', node: 'v22', v8: '12' } } as BenchFigures);
    expect(otherNode.notComparable.map((n) => n.reason)).toEqual([expect.stringMatching(/^Node v22 now, v20 in the baseline/)]);
    expect(otherNode.worse).toEqual([]);
    const old = { ...base, runtime: undefined };
    const fromOld = compareFigures(old, figures(30, 1.7));
    expect(fromOld.caveats).toEqual([expect.stringMatching(/does not record whether it ran compiled JS or TS source/)]);
    expect(fromOld.worse).toContain('sizes.small.nsPerAgentTick');
    const sourceNow = compareFigures(old, { ...figures(30, 1.7), runtime: { code: 'source', node: 'v20', v8: '11' } } as BenchFigures);
    expect(sourceNow.worse).toEqual([]);
  });

  it('marks a size whose world differs (slots, live firms) not comparable in one line, and only that size', () => {
    const twoSizes = (ns: number, slots: number) => ({ ...figures(ns, 1.7), sizes: [{ ...size('small', ns), slots }, size('medium', ns)] } as unknown as BenchFigures);
    const comparison = compareFigures(twoSizes(20, 1000), twoSizes(30, 1100));
    expect(comparison.notComparable.map((n) => n.reason)).toEqual(['small: slots 1100 now, 1000 in the baseline: another world, not another speed']);
    expect(comparison.rows.find((r) => r.figure === 'sizes.small.nsPerAgentTick')).toMatchObject({ comparable: false, verdict: '' });
    expect(comparison.rows.find((r) => r.figure === 'sizes.medium.nsPerAgentTick')).toMatchObject({ comparable: true, verdict: 'worse' });
    expect(comparison.worse.every((f) => !f.startsWith('sizes.small.'))).toBe(true);
    const fewerFirms = { ...figures(20, 1.7), sizes: [{ ...size('small', 20), liveFirms: 700 }] } as unknown as BenchFigures;
    expect(compareFigures(base, fewerFirms).notComparable.map((n) => n.reason)).toEqual(['small: liveFirms 700 now, 800 in the baseline: another world, not another speed']);
  });

  it('lists every difference that covers rows, even those a first difference already covers, with its row count', () => {
    const sourceAndResized = { ...figures(30, 1.2), runtime: { code: 'source', node: 'v20', v8: '11' }, sizes: [{ ...size('small', 30), slots: 999 }] } as unknown as BenchFigures;
    const comparison = compareFigures(base, sourceAndResized);
    const small = comparison.rows.filter((r) => r.figure.startsWith('sizes.small.')).length;
    expect(comparison.notComparable).toEqual([
      { reason: expect.stringMatching(/^runtime TS source/), rows: comparison.rows.filter((r) => r.basis !== 'check').length },
      { reason: 'small: slots 999 now, 1000 in the baseline: another world, not another speed', rows: small },
    ]);
    expect(formatComparison(comparison, base, sourceAndResized)).toMatch(new RegExp(`^NOT COMPARABLE \\[2\\] \\(${small} rows, never counted as worse\\): small: slots 999`, 'm'));
  });

  it('shows a figure the baseline lacks as not comparable instead of leaving it out', () => {
    const old = { ...base, sizes: [{ ...size('small', 20), cpuNsPerAgentTick: undefined }] } as unknown as BenchFigures;
    const comparison = compareFigures(old, figures(30, 1.7));
    expect(comparison.rows.find((r) => r.figure === 'sizes.small.cpuNsPerAgentTick')).toMatchObject({ comparable: false, notComparableBecause: expect.stringMatching(/^not in the baseline/) });
    expect(comparison.worse).not.toContain('sizes.small.cpuNsPerAgentTick');
    expect(JSON.parse(JSON.stringify(comparison)).rows.every((r: { comparable: unknown }) => typeof r.comparable === 'boolean')).toBe(true);
  });

  it('marks Monte Carlo scaling not comparable when the 2-worker runs had one core', () => {
    const mc = (cpu2: number, scaling: number) => ({ scenario: 's', agents: 10, ticks: 5, replicates: 32, rounds: 3, seconds: { 1: 6, 2: 4 }, cpuSeconds: { 1: 6, 2: cpu2 }, replicatesPerSecond: { 1: 5, 2: 8 }, scaling, scalingAfterStartUp: scaling, cpuBoundScaling: 1.8, workerStartUpMs: 60, warmReplicatesPerSecond: { 1: 5, 2: 10 }, warmScaling: scaling });
    const comparison = compareFigures({ ...base, monteCarlo: mc(7.9, 1.6) }, { ...base, monteCarlo: mc(4.2, 1.1) });
    expect(comparison.notComparable.map((n) => n.reason)).toEqual([expect.stringMatching(/^Monte Carlo: one core free now \(CPU ÷ wall 1\.05/)]);
    expect(comparison.rows.find((r) => r.figure === 'monteCarlo.scaling')).toMatchObject({ comparable: false });
    expect(comparison.rows.find((r) => r.figure === 'monteCarlo.replicatesPerSecond.1')).toMatchObject({ comparable: true });
  });
});
