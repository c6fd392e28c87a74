import { flattenFigures, flattenRanges, type BenchFigures } from './benchFigures.ts';
import { formatTable } from './formatBenchTable.ts';
import { findIncomparabilities } from './findIncomparabilities.ts';
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

/**
 * Memory figures (bytes per agent) that move by less than this many bytes are not flagged, whatever
 * the percentage: a part of a few hundredths of a byte (the project columns, about 0.01–0.03 B per
 * agent with the pipeline a run happens to hold) can triple without costing anything.
 */
export const MIN_BYTES_CHANGE = 0.5;

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
  /** 'better' or 'worse' beyond noise, 'FAILED' for a check that is false now, else '' (always '' when not comparable). */
  verdict: 'better' | 'worse' | 'FAILED' | '';
  /**
   * False when the two runs measured different things for this figure (runtime, Node, profiler, world
   * size, a part's setup, no second core) or the baseline lacks it: shown, never counted as worse.
   */
  comparable: boolean;
  /** Why not comparable (one of the comparison's `notComparable` lines). */
  notComparableBecause?: string;
}

/** What a comparison found: the figures, what makes the two runs measure different things, and the regressions. */
export interface BaselineComparison {
  baselineDate: string;
  rows: FigureChange[];
  /**
   * Why rows are not comparable, in words (runtime, Node, profiler, world sizes, a part's setup, missing
   * figures), each with the number of rows it covers (a row may be covered by several; it names the first).
   */
  notComparable: { reason: string; rows: number }[];
  /** Differences that leave the figures comparable but call for a second look (load, replicates, a busy machine). */
  caveats: string[];
  /** The comparable rows worse beyond noise: any makes `npm run bench:compare` exit {@link REGRESSION_EXIT_CODE}. */
  worse: string[];
}

/** The exit code of `npm run bench:compare` when a comparable figure is worse than the baseline beyond its noise. */
export const REGRESSION_EXIT_CODE = 3;

/** Why a figure measured now has no row to compare with. */
const NOT_IN_BASELINE = 'not in the baseline (or no value there): nothing to compare with';

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
  const { incomparable, caveats } = findIncomparabilities(baseline, now);
  const rows: FigureChange[] = checkRows(baseline, now);
  for (const [figure, value] of Object.entries(after)) {
    const old = before[figure];
    const phase = /\.phases(Cpu)?NsPerAgentTick\./.test(figure);
    const kind = phase ? { unit: 'ns', better: 'lower' as const } : FIGURES.find((f) => f.pattern.test(figure));
    if (kind === undefined) continue;
    if (old === undefined || !Number.isFinite(old)) {
      if (phase && !(value >= SMALL_PHASE_NS)) continue;
      rows.push({ figure, ...kind, baseline: NaN, now: value, changePercent: null, basis: 'band', verdict: '', comparable: false, notComparableBecause: NOT_IN_BASELINE });
      continue;
    }
    if (phase && old < SMALL_PHASE_NS) continue;
    const judged = judge({ figure, ...kind, baseline: old, now: value, baselineRange: rangesBefore[figure], nowRange: rangesAfter[figure] });
    const because = incomparable.find((i) => i.covers(figure))?.reason;
    rows.push(because === undefined ? judged : { ...judged, verdict: '', comparable: false, notComparableBecause: because });
  }
  // Every difference that covers a row is listed (a row names the first), with the rows it covers.
  const covered = (covers: (figure: string) => boolean) => rows.filter((r) => r.basis !== 'check' && r.notComparableBecause !== NOT_IN_BASELINE && covers(r.figure)).length;
  const notComparable = [...incomparable.map((i) => ({ reason: i.reason, rows: covered(i.covers) })), { reason: NOT_IN_BASELINE, rows: rows.filter((r) => r.notComparableBecause === NOT_IN_BASELINE).length }]
    .filter((line) => line.rows > 0);
  const worse = rows.filter((r) => r.comparable && r.verdict === 'worse').map((r) => r.figure);
  return { baselineDate: baseline.date, rows, notComparable, caveats, worse };
}

/** {@link REGRESSION_EXIT_CODE} when a comparable figure is worse beyond noise, else 0. */
export function comparisonExitCode(comparison: Pick<BaselineComparison, 'worse'>): 0 | typeof REGRESSION_EXIT_CODE {
  return comparison.worse.length > 0 ? REGRESSION_EXIT_CODE : 0;
}

/** A range both of whose ends are numbers (a `[null, null]` saved from an empty or NaN range is no range). */
function isRange(range: Range | undefined): range is Range {
  return range !== undefined && Number.isFinite(range[0]) && Number.isFinite(range[1]);
}

/**
 * A row's change and verdict: by the ranges when both sides have one (apart, and beyond
 * {@link RANGE_MIN_PERCENT}), else by the fixed band.
 */
export function judge(row: Omit<FigureChange, 'changePercent' | 'basis' | 'verdict' | 'comparable' | 'notComparableBecause'>): FigureChange {
  const { baseline: old, now, baselineRange: a, nowRange: b } = row;
  const changePercent = old !== 0 ? ((now - old) / Math.abs(old)) * 100 : null;
  const improved = row.better === 'lower' ? now < old : now > old;
  if (row.unit === 'B' && Math.abs(now - old) < MIN_BYTES_CHANGE) {
    return { ...row, changePercent, basis: isRange(a) && isRange(b) ? 'ranges' : 'band', verdict: '', comparable: true };
  }
  if (isRange(a) && isRange(b)) {
    const apart = (b[0] > a[1] || b[1] < a[0]) && (changePercent === null || Math.abs(changePercent) > RANGE_MIN_PERCENT);
    return { ...row, changePercent, basis: 'ranges', verdict: apart ? (improved ? 'better' : 'worse') : '', comparable: true };
  }
  const beyond = changePercent !== null && Math.abs(changePercent) > NOISE_PERCENT;
  return { ...row, changePercent, basis: 'band', verdict: beyond ? (improved ? 'better' : 'worse') : '', comparable: true };
}

/** The yes/no checks (1 = true), present now. */
function checkRows(baseline: BenchFigures, now: BenchFigures): FigureChange[] {
  const value = (figures: BenchFigures, check: (typeof CHECKS)[number]) =>
    (check === 'phaseListMatchesStep' ? figures.phaseListMatchesStep : figures.threads?.bitIdentical);
  return CHECKS.flatMap((check) => {
    const [old, current] = [value(baseline, check), value(now, check)];
    if (current === undefined) return [];
    return [{ figure: check, unit: 'yes/no', better: 'higher' as const, baseline: old === false ? 0 : 1, now: current ? 1 : 0, changePercent: null, basis: 'check' as const, verdict: current ? '' as const : 'FAILED' as const, comparable: true }];
  });
}

/** The comparison as a text table, with its caveats, the rows not comparable and why, and the verdict (exit code). */
export function formatComparison(comparison: BaselineComparison, baseline: BenchFigures, now: BenchFigures): string {
  const load = (f: BenchFigures) => `${f.loadAtStart.map((x) => x.toFixed(1)).join('/')} → ${f.loadAtEnd.map((x) => x.toFixed(1)).join('/')}`;
  const percent = (p: number | null) => (p === null ? '-' : `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`);
  const range = (r: Range | undefined) => (r === undefined ? '-' : `${r[0].toPrecision(3)}–${r[1].toPrecision(3)}`);
  const value = (r: FigureChange, x: number) => (r.basis === 'check' ? String(x === 1) : Number.isFinite(x) ? x.toPrecision(4) : '-');
  const note = (r: FigureChange) => `[${comparison.notComparable.findIndex((n) => n.reason === r.notComparableBecause) + 1}]`;
  const verdict = (r: FigureChange) => (r.comparable ? r.verdict : `NOT COMPARABLE ${note(r)}`);
  const rows = comparison.rows.map((r) => [r.figure, r.unit, `${r.better} is better`, value(r, r.baseline), range(r.baselineRange), value(r, r.now), range(r.nowRange), percent(r.changePercent), r.basis, verdict(r)]);
  const banded = comparison.rows.some((r) => r.basis === 'band' && r.comparable);
  return [
    `against the baseline of ${comparison.baselineDate}${baseline.commit ? ` (commit ${baseline.commit})` : ''} (load ${load(baseline)}; now ${load(now)}).`,
    `A figure is flagged only when its range over the timed runs ([smallest, largest]) does not overlap the baseline's and it changed by more than ${RANGE_MIN_PERCENT}%`,
    `(basis "ranges")${banded ? `; figures without a range on one side (an older baseline, memory) beyond ±${NOISE_PERCENT}% (basis "band")` : ''}.`,
    'Ranges of 3–5 runs are narrow: re-run before believing a single flag; ratios taken within one run (engineToKernelRatio, speedup, scaling) are steadier.',
    ...comparison.caveats.map((c) => `CAVEAT: ${c}`),
    ...comparison.notComparable.map((n, i) => `NOT COMPARABLE [${i + 1}] (${n.rows} rows, never counted as worse): ${n.reason}`),
    formatTable(['figure', 'unit', 'direction', 'baseline', 'range', 'now', 'range', 'change', 'basis', 'verdict'], rows),
    '',
    comparisonSummary(comparison),
  ].join('\n');
}

/** One line: the comparable rows worse beyond noise and the exit code they give. */
function comparisonSummary(comparison: BaselineComparison): string {
  const figures = comparison.rows.filter((r) => r.basis !== 'check');
  const compared = figures.filter((r) => r.comparable).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const tail = `${plural(compared, 'figure')} compared, ${figures.length - compared} not comparable, ${plural(comparison.rows.length - figures.length, 'check')}`;
  if (comparison.worse.length === 0) return `no comparable figure worse than the baseline beyond its noise (${tail}): exit 0`;
  return `REGRESSION: ${comparison.worse.length} comparable figure${comparison.worse.length === 1 ? '' : 's'} worse than the baseline beyond noise (${comparison.worse.join(', ')}; ${tail}): exit ${REGRESSION_EXIT_CODE}`;
}
