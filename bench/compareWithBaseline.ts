import { flattenFigures, type BenchFigures } from './benchFigures.ts';
import { formatTable } from './formatBenchTable.ts';

/** Changes within ± this many percent are not flagged: this shared VM's speed moves by up to ±30% within minutes. */
export const NOISE_PERCENT = 15;

/** How one figure compares: unit, which direction is better, and the verdict beyond noise. */
export interface FigureChange {
  figure: string;
  unit: string;
  better: 'lower' | 'higher';
  baseline: number;
  now: number;
  /** (now − baseline) / |baseline| in percent; null when the baseline is 0. */
  changePercent: number | null;
  /** 'better' or 'worse' beyond ±{@link NOISE_PERCENT}%, else ''. */
  verdict: 'better' | 'worse' | '';
}

/** What a comparison found: the figures, and what makes the two runs measure different things. */
export interface BaselineComparison {
  baselineDate: string;
  rows: FigureChange[];
  /** Differences of setup (sizes, runs, Node version) that make figures incomparable, in words. */
  mismatches: string[];
}

/** Compared figures, matched as dotted suffixes, with their unit and better direction. */
const FIGURES: ReadonlyArray<{ pattern: RegExp; unit: string; better: 'lower' | 'higher' }> = [
  { pattern: /(nsPerAgentTick|cpuNsPerAgentTick|nsPerAgentUpdate|cpuNsPerAgentUpdate)$/, unit: 'ns', better: 'lower' },
  { pattern: /(initMs|workerStartUpMs|msPerTick\.\d+)$/, unit: 'ms', better: 'lower' },
  { pattern: /engineToKernelRatio(Cpu)?$/, unit: '×', better: 'lower' },
  { pattern: /BytesPerAgent$/, unit: 'B', better: 'lower' },
  { pattern: /[rR]eplicatesPerSecond\.\d+$/, unit: '/s', better: 'higher' },
  { pattern: /(scaling|scalingAfterStartUp|warmScaling|cpuBoundScaling|speedup)$/, unit: '×', better: 'higher' },
];

/** Per-phase figures below this many ns per agent-tick in the baseline are left out (noise on nothing). */
const SMALL_PHASE_NS = 0.5;

/**
 * Compares a bench run with the baseline figure by figure: unit, the better direction, the change
 * and a verdict beyond ±{@link NOISE_PERCENT}%; and lists setup differences (a size's agents, ticks or
 * timed runs, the Node version) that make the figures measure different things.
 * @param baseline - bench/baseline.json.
 * @param now - This run's figures.
 */
export function compareFigures(baseline: BenchFigures, now: BenchFigures): BaselineComparison {
  const before = flattenFigures(baseline);
  const after = flattenFigures(now);
  const rows: FigureChange[] = [];
  for (const [figure, value] of Object.entries(after)) {
    if (!(figure in before)) continue;
    const old = before[figure];
    const phase = figure.includes('.phasesNsPerAgentTick.');
    const kind = phase ? { unit: 'ns', better: 'lower' as const } : FIGURES.find((f) => f.pattern.test(figure));
    if (kind === undefined || (phase && old < SMALL_PHASE_NS)) continue;
    const changePercent = old !== 0 ? ((value - old) / Math.abs(old)) * 100 : null;
    const beyond = changePercent !== null && Math.abs(changePercent) > NOISE_PERCENT;
    const improved = changePercent !== null && (kind.better === 'lower' ? changePercent < 0 : changePercent > 0);
    rows.push({ figure, unit: kind.unit, better: kind.better, baseline: old, now: value, changePercent, verdict: beyond ? (improved ? 'better' : 'worse') : '' });
  }
  return { baselineDate: baseline.date, rows, mismatches: findMismatches(baseline, now) };
}

/** Setup differences between two runs, in words. */
function findMismatches(baseline: BenchFigures, now: BenchFigures): string[] {
  const out: string[] = [];
  if (baseline.node !== now.node) out.push(`Node ${now.node} now, ${baseline.node} in the baseline`);
  for (const size of now.sizes) {
    const old = baseline.sizes.find((s) => s.name === size.name);
    if (old === undefined) continue;
    for (const key of ['agents', 'ticks', 'replicates', 'firmsPerCapacityCell'] as const) {
      if (old[key] !== size[key]) out.push(`${size.name}: ${key} ${size[key]} now, ${old[key]} in the baseline`);
    }
  }
  return out;
}

/** The comparison as a text table, with its caveats. */
export function formatComparison(comparison: BaselineComparison, baseline: BenchFigures, now: BenchFigures): string {
  const load = (f: BenchFigures) => f.loadAtStart.map((x) => x.toFixed(1)).join('/');
  const percent = (p: number | null) => (p === null ? '-' : `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`);
  const rows = comparison.rows.map((r) => [r.figure, r.unit, `${r.better} is better`, r.baseline.toPrecision(4), r.now.toPrecision(4), percent(r.changePercent), r.verdict]);
  return [
    `against bench/baseline.json of ${comparison.baselineDate} (load ${load(baseline)}; now ${load(now)}).`,
    `Changes within ±${NOISE_PERCENT}% are not flagged; this shared VM's speed moves by up to ±30% within minutes (docs/performance.md),`,
    'so re-run before believing a single flag; ratios taken within one run (engineToKernelRatio, speedup, scaling) are steadier.',
    ...comparison.mismatches.map((m) => `NOT COMPARABLE: ${m}`),
    formatTable(['figure', 'unit', 'direction', 'baseline', 'now', 'change', 'beyond noise'], rows),
  ].join('\n');
}
