import { flattenFigures, flattenRanges, type BenchFigures } from './benchFigures.ts';
import { formatTable } from './formatBenchTable.ts';
import type { Range } from './median.ts';

/**
 * The fixed band used when either side has no range for a figure (a baseline saved before session 12,
 * or a single measurement such as memory): changes within ± this many percent are not flagged.
 */
export const NOISE_PERCENT = 15;

/**
 * With ranges on both sides, a change is flagged only when the ranges are apart AND it exceeds this
 * many percent: with 3 runs a side, ranges of runs drawn from one distribution are apart about 1 time
 * in 10 (a review's simulation), so ranges alone flag a few figures in every comparison.
 */
export const RANGE_MIN_PERCENT = 5;

/** 1-minute loads further apart than this (runnable threads, on 2 cores) make timings not comparable. */
export const LOAD_MISMATCH = 1;

/** How one figure compares: unit, which direction is better, and the verdict beyond noise. */
export interface FigureChange {
  figure: string;
  unit: string;
  better: 'lower' | 'higher';
  baseline: number;
  now: number;
  /** Smallest and largest run on each side, when both stored one. */
  baselineRange?: Range;
  nowRange?: Range;
  /** (now − baseline) / |baseline| in percent; null when the baseline is 0. */
  changePercent: number | null;
  /**
   * 'ranges': flagged only when the two runs' [smallest, largest] intervals do not overlap and the change exceeds RANGE_MIN_PERCENT;
   * 'band': flagged beyond ±{@link NOISE_PERCENT}% (no range on one side); 'check': a yes/no check.
   */
  basis: 'ranges' | 'band' | 'check';
  /** 'better' or 'worse' beyond noise, 'FAILED' for a check that is false now, else ''. */
  verdict: 'better' | 'worse' | 'FAILED' | '';
}

/** What a comparison found: the figures, and what makes the two runs measure different things. */
export interface BaselineComparison {
  baselineDate: string;
  rows: FigureChange[];
  /** Differences of setup (sizes, runs, Node version, load, profiler) that make figures incomparable, in words. */
  mismatches: string[];
}

/** Compared figures, matched as dotted suffixes, with their unit and better direction. */
const FIGURES: ReadonlyArray<{ pattern: RegExp; unit: string; better: 'lower' | 'higher' }> = [
  { pattern: /(nsPerAgentTick|cpuNsPerAgentTick|nsPerFirmTick|cpuNsPerFirmTick|nsPerAgentUpdate|cpuNsPerAgentUpdate)$/, unit: 'ns', better: 'lower' },
  { pattern: /(initMs|cpuInitMs|workerStartUpMs|msPerTick\.\d+)$/, unit: 'ms', better: 'lower' },
  { pattern: /engineToKernelRatio(PerFirm)?(Cpu)?$/, unit: '×', better: 'lower' },
  { pattern: /BytesPerAgent$/, unit: 'B', better: 'lower' },
  { pattern: /[rR]eplicatesPerSecond\.\d+$/, unit: '/s', better: 'higher' },
  { pattern: /(scaling|scalingAfterStartUp|warmScaling|cpuBoundScaling|speedup|cpuBoundSpeedup)$/, unit: '×', better: 'higher' },
];

/** Yes/no figures that must be true: a false one now is a failed row, whatever the baseline says. */
const CHECKS = ['phaseListMatchesStep', 'threads.bitIdentical'] as const;

/** Per-phase figures below this many ns per agent-tick in the baseline are left out (noise on nothing). */
const SMALL_PHASE_NS = 0.5;

/**
 * Compares a bench run with the baseline figure by figure: unit, the better direction, the change
 * and a verdict. A figure with a range on both sides is flagged only when the ranges do not overlap and it changed by more than {@link RANGE_MIN_PERCENT} (a baseline of 0: apart is enough);
 * one without (an older baseline, memory) beyond ±{@link NOISE_PERCENT}%. Also lists setup
 * differences that make the figures measure different things, and the yes/no checks.
 * @param baseline - bench/baseline.json (any format since session 3).
 * @param now - This run's figures.
 */
export function compareFigures(baseline: BenchFigures, now: BenchFigures): BaselineComparison {
  const before = flattenFigures(baseline);
  const after = flattenFigures(now);
  const [rangesBefore, rangesAfter] = [flattenRanges(baseline), flattenRanges(now)];
  const rows: FigureChange[] = checkRows(baseline, now);
  for (const [figure, value] of Object.entries(after)) {
    if (!(figure in before)) continue;
    const old = before[figure];
    const phase = /\.phases(Cpu)?NsPerAgentTick\./.test(figure);
    const kind = phase ? { unit: 'ns', better: 'lower' as const } : FIGURES.find((f) => f.pattern.test(figure));
    if (kind === undefined || (phase && old < SMALL_PHASE_NS)) continue;
    rows.push(judge({ figure, ...kind, baseline: old, now: value, baselineRange: rangesBefore[figure], nowRange: rangesAfter[figure] }));
  }
  return { baselineDate: baseline.date, rows, mismatches: findMismatches(baseline, now) };
}

/** A range both of whose ends are numbers (a `[null, null]` saved from an empty or NaN range is no range). */
function isRange(range: Range | undefined): range is Range {
  return range !== undefined && Number.isFinite(range[0]) && Number.isFinite(range[1]);
}

/**
 * A row's change and verdict: by the ranges when both sides have one (apart, and beyond
 * {@link RANGE_MIN_PERCENT}), else by the fixed band.
 */
export function judge(row: Omit<FigureChange, 'changePercent' | 'basis' | 'verdict'>): FigureChange {
  const { baseline: old, now, baselineRange: a, nowRange: b } = row;
  const changePercent = old !== 0 ? ((now - old) / Math.abs(old)) * 100 : null;
  const improved = row.better === 'lower' ? now < old : now > old;
  if (isRange(a) && isRange(b)) {
    const apart = (b[0] > a[1] || b[1] < a[0]) && (changePercent === null || Math.abs(changePercent) > RANGE_MIN_PERCENT);
    return { ...row, changePercent, basis: 'ranges', verdict: apart ? (improved ? 'better' : 'worse') : '' };
  }
  const beyond = changePercent !== null && Math.abs(changePercent) > NOISE_PERCENT;
  return { ...row, changePercent, basis: 'band', verdict: beyond ? (improved ? 'better' : 'worse') : '' };
}

/** The yes/no checks (1 = true), present now. */
function checkRows(baseline: BenchFigures, now: BenchFigures): FigureChange[] {
  const value = (figures: BenchFigures, check: (typeof CHECKS)[number]) =>
    (check === 'phaseListMatchesStep' ? figures.phaseListMatchesStep : figures.threads?.bitIdentical);
  return CHECKS.flatMap((check) => {
    const [old, current] = [value(baseline, check), value(now, check)];
    if (current === undefined) return [];
    return [{ figure: check, unit: 'yes/no', better: 'higher' as const, baseline: old === false ? 0 : 1, now: current ? 1 : 0, changePercent: null, basis: 'check' as const, verdict: current ? '' as const : 'FAILED' as const }];
  });
}

/** Setup differences between two runs, in words. */
function findMismatches(baseline: BenchFigures, now: BenchFigures): string[] {
  const out: string[] = [];
  if (baseline.node !== now.node) out.push(`Node ${now.node} now, ${baseline.node} in the baseline`);
  for (const [figures, side] of [[now, 'now'], [baseline, 'in the baseline']] as const) {
    if (figures.profiled) out.push(`profiled ${side} (${(figures.profiledParts ?? []).join(', ')}): the profiler slows what it covers by about 20%`);
  }
  const load = (f: BenchFigures) => Math.max(f.loadAtStart[0] ?? 0, f.loadAtEnd[0] ?? 0);
  if (Math.abs(load(now) - load(baseline)) > LOAD_MISMATCH) {
    out.push(`load (1-minute, larger of start and end) ${load(now).toFixed(1)} now, ${load(baseline).toFixed(1)} in the baseline: timings move with the load; trust ratios and ranges over single figures`);
  }
  for (const size of now.sizes) {
    const old = baseline.sizes.find((s) => s.name === size.name);
    if (old === undefined) continue;
    for (const key of ['agents', 'ticks', 'replicates', 'firmsPerCapacityCell'] as const) {
      if (old[key] !== size[key]) out.push(`${size.name}: ${key} ${size[key]} now, ${old[key]} in the baseline`);
    }
  }
  if (now.monteCarlo && baseline.monteCarlo) {
    for (const key of ['replicates', 'rounds', 'agents'] as const) {
      const [a, b] = [now.monteCarlo[key] ?? 3, baseline.monteCarlo[key] ?? 3];
      if (a !== b) out.push(`Monte Carlo: ${key} ${a} now, ${b} in the baseline`);
    }
  }
  for (const [figures, side] of [[now, 'now'], [baseline, 'in the baseline']] as const) {
    const t = figures.threads;
    if (t?.secondCoreAvailable === false) out.push(`threads: no second core ${side} (CPU ÷ wall ${Object.entries(t.cpuOverWall ?? {}).map(([n, x]) => `${x.toFixed(2)} at ${n}`).join(', ')}): speedup not meaningful`);
  }
  return out;
}

/** The comparison as a text table, with its caveats. */
export function formatComparison(comparison: BaselineComparison, baseline: BenchFigures, now: BenchFigures): string {
  const load = (f: BenchFigures) => `${f.loadAtStart.map((x) => x.toFixed(1)).join('/')} → ${f.loadAtEnd.map((x) => x.toFixed(1)).join('/')}`;
  const percent = (p: number | null) => (p === null ? '-' : `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`);
  const range = (r: Range | undefined) => (r === undefined ? '-' : `${r[0].toPrecision(3)}–${r[1].toPrecision(3)}`);
  const value = (r: FigureChange, x: number) => (r.basis === 'check' ? String(x === 1) : x.toPrecision(4));
  const rows = comparison.rows.map((r) => [r.figure, r.unit, `${r.better} is better`, value(r, r.baseline), range(r.baselineRange), value(r, r.now), range(r.nowRange), percent(r.changePercent), r.basis, r.verdict]);
  const banded = comparison.rows.some((r) => r.basis === 'band');
  return [
    `against bench/baseline.json of ${comparison.baselineDate}${baseline.commit ? ` (commit ${baseline.commit})` : ''} (load ${load(baseline)}; now ${load(now)}).`,
    `A figure is flagged only when its range over the timed runs ([smallest, largest]) does not overlap the baseline's and it changed by more than ${RANGE_MIN_PERCENT}%`,
    `(basis "ranges")${banded ? `; figures without a range on one side (an older baseline, memory) beyond ±${NOISE_PERCENT}% (basis "band")` : ''}.`,
    'Ranges of 3–5 runs are narrow: re-run before believing a single flag; ratios taken within one run (engineToKernelRatio, speedup, scaling) are steadier.',
    ...comparison.mismatches.map((m) => `NOT COMPARABLE: ${m}`),
    formatTable(['figure', 'unit', 'direction', 'baseline', 'range', 'now', 'range', 'change', 'basis', 'verdict'], rows),
  ].join('\n');
}
