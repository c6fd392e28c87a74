import type { BenchFigures } from './benchFigures.ts';
import type { Range } from './median.ts';

/** What the table reads of a saved baseline (bench/baseline.json). */
export type BaselineFigures = BenchFigures;

/** Issue 7's targets, as docs/performance.md states them. */
const RATIO_TARGET = 3;
const BYTES_TARGET = 64;
const THREADS_TARGET = 1.6;
const MONTE_CARLO_TARGET = 1.8;

/** Three significant figures, as the bench table prints them (thousands separated). */
function figure(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function withRange(value: number | undefined, range: Range | undefined): string {
  return range === undefined ? figure(value) : `${figure(value)} [${figure(range[0])}–${figure(range[1])}]`;
}

/** Whether a target is met; when the rounded figure reads as the target itself, the value to three decimals says which side it is on. */
function met(value: number | undefined, target: number, ok: (v: number) => boolean): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const verdict = ok(value) ? '**yes**' : '**no**';
  return figure(value) === figure(target) ? `${verdict} (${value.toFixed(3)})` : verdict;
}

/** Wraps a paragraph at `width` characters, as the page's prose is. */
function wrap(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}

function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The "Current figures" block of docs/performance.md (the text between its markers): a paragraph on
 * when, where and how the baseline was measured, then one table row per headline figure with its
 * range and issue 7's target where it has one.
 *
 * @param b - bench/baseline.json's contents.
 * @returns Markdown, ending in a newline.
 * @example formatCurrentFigures(JSON.parse(readFileSync('bench/baseline.json', 'utf8'))).startsWith('From `bench/baseline.json`'); // true
 */
export function formatCurrentFigures(b: BaselineFigures): string {
  const bySize = new Map(b.sizes.map((size) => [size.name, size]));
  const large = bySize.get('large');
  const runtime = b.runtime === undefined ? 'runtime not recorded' : `${b.runtime.code} runtime`;
  const lines = [
    ...wrap(`From \`bench/baseline.json\`: saved ${utcMinute(b.date)} at commit ${b.commit ?? '(unknown)'}, Node ${b.node}, ${b.cpus} CPUs, ${runtime}, `
    + `${b.profiled === true ? 'profiled' : 'not profiled'}; load ${figure(b.loadAtStart[0])} at the start and ${figure(b.loadAtEnd[0])} at the end `
    + `(1-minute averages)${b.busyMachine === true ? ', a BUSY MACHINE run' : ''}. Each figure is the median of its timed runs, with the smallest `
    + 'and largest run in brackets; the ratios and speedups are medians of pairs run back to back. Written by `npm run bench:doc`.'),
    '',
    '| figure | value [range] | target (issue 7) | met? |',
    '|---|---|---|---|',
  ];
  const row = (name: string, value: string, target = '–', isMet = '–') => lines.push(`| ${name} | ${value} | ${target} | ${isMet} |`);
  for (const size of [...b.sizes].sort((x, y) => y.agents - x.agents)) {
    const live = size.liveFirms === undefined ? '' : ` (${size.liveFirms.toLocaleString('en-US')} live firms)`;
    row(`engine, ${size.agents.toLocaleString('en-US')} agents${live}, ns/agent-tick`, `${withRange(size.nsPerAgentTick, size.range?.nsPerAgentTick)} (CPU ${figure(size.cpuNsPerAgentTick)})`);
  }
  if (large !== undefined) {
    row('the same per live firm at the large size, ns/firm-tick', `${withRange(large.nsPerFirmTick, large.range?.nsPerFirmTick)} (CPU ${figure(large.cpuNsPerFirmTick)})`);
    row(`world creation, ${large.agents.toLocaleString('en-US')} agents, ms`, withRange(large.initMs, large.range?.initMs));
  }
  if (b.kernel !== undefined) {
    row(`reference kernel, ${b.kernel.agents.toLocaleString('en-US')} agents, ns/agent-update`, `${withRange(b.kernel.nsPerAgentUpdate, b.kernel.range?.nsPerAgentUpdate)} (CPU ${figure(b.kernel.cpuNsPerAgentUpdate)})`);
    row('**engineToKernelRatio**, per agent (issue 7\'s figure)', `${withRange(b.engineToKernelRatio, b.range?.engineToKernelRatio)} (CPU ${withRange(b.engineToKernelRatioCpu, b.range?.engineToKernelRatioCpu)})`,
      `≤ ${RATIO_TARGET}`, met(b.engineToKernelRatio, RATIO_TARGET, (v) => v <= RATIO_TARGET));
    row('engine/kernel per live firm', `${withRange(b.engineToKernelRatioPerFirm, b.range?.engineToKernelRatioPerFirm)} (CPU ${figure(b.engineToKernelRatioPerFirmCpu)})`);
  }
  if (b.memory !== undefined) {
    row(`**bytes per agent**, ${b.memory.agents.toLocaleString('en-US')} agents, heap / RSS (one world after 3 ticks, no recorder)`,
      `${figure(b.memory.heapBytesPerAgent)} / ${figure(b.memory.rssBytesPerAgent)} (series buffer apart: ${figure(b.memory.seriesBytesPerAgent)})`,
      `≤ ${BYTES_TARGET}`, met(b.memory.heapBytesPerAgent, BYTES_TARGET, (v) => v <= BYTES_TARGET));
  }
  const t = b.threads;
  if (t !== undefined) {
    const extra = [t.cpuBoundSpeedup === undefined ? '' : `; CPU allows ${figure(t.cpuBoundSpeedup)}×`, t.sleepingBarrier === undefined ? '' : `; sleeping barriers ${figure(t.sleepingBarrier.speedup)}×`].join('');
    row(`**one replicate on 2 threads**, ${t.agents.toLocaleString('en-US')} agents, ${t.bitIdentical ? 'bit-identical' : 'NOT bit-identical'}`,
      `${withRange(t.speedup, t.range?.speedup).replace(' [', '× [')}${extra}`, `≥ ${THREADS_TARGET}`, met(t.speedup, THREADS_TARGET, (v) => v >= THREADS_TARGET));
  }
  const mc = b.monteCarlo;
  if (mc !== undefined) {
    row(`**Monte Carlo**, 2 vs 1 warm worker, ${mc.agents.toLocaleString('en-US')} agents, ${mc.replicates} replicates`,
      withRange(mc.warmScaling, mc.range?.warmScaling).replace(' [', '× ['), `≥ ${MONTE_CARLO_TARGET}`, met(mc.warmScaling, MONTE_CARLO_TARGET, (v) => v >= MONTE_CARLO_TARGET));
    row('Monte Carlo, pool started per run / worker start-up',
      `${withRange(mc.scaling, mc.range?.scaling).replace(' [', '× [')} (CPU allows ${figure(mc.cpuBoundScaling)}×) / ${figure(mc.workerStartUpMs)} ms`);
  }
  return `${lines.join('\n')}\n`;
}
