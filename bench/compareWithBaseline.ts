import { flattenFigures, type BenchFigures } from './benchFigures.ts';
import { formatTable } from './formatBenchTable.ts';

/** Figures worth comparing (times, rates, ratios, memory); names matched as dotted suffixes. */
const COMPARED = /(nsPerAgentTick|cpuNsPerAgentTick|initMs|nsPerAgentUpdate|cpuNsPerAgentUpdate|engineToKernelRatio|engineToKernelRatioCpu|BytesPerAgent|[rR]eplicatesPerSecond\.\d|scaling|scalingAfterStartUp|warmScaling|cpuBoundScaling|workerStartUpMs|speedup)$/;

/** A table of each compared figure: baseline, now and the change in percent. */
export function compareWithBaseline(baseline: BenchFigures, now: BenchFigures): string {
  const before = flattenFigures(baseline);
  const after = flattenFigures(now);
  const rows: string[][] = [];
  for (const [name, value] of Object.entries(after)) {
    if (!COMPARED.test(name) || !(name in before)) continue;
    const old = before[name];
    const change = old !== 0 ? ((value - old) / Math.abs(old)) * 100 : NaN;
    rows.push([name, old.toPrecision(4), value.toPrecision(4), Number.isFinite(change) ? `${change >= 0 ? '+' : ''}${change.toFixed(1)}%` : '-']);
  }
  const load = (f: BenchFigures) => f.loadAtStart.map((x) => x.toFixed(1)).join('/');
  return [
    `against bench/baseline.json of ${baseline.date} (load ${load(baseline)}; now ${load(now)}). Shared machine: ±15% is noise; ratios within one run are steadier.`,
    formatTable(['figure', 'baseline', 'now', 'change'], rows),
  ].join('\n');
}
