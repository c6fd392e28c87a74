import type { TopLevelSpec } from 'vega-lite';
import { EVENT_GREY } from './chartTheme.ts';

/** A line of one strategy in a panel (a level, or a difference with its interval). */
export interface OverTimeLine {
  strategy: string;
  year: number[];
  value: number[];
  /** The interval around a difference (omitted for levels). */
  low?: number[];
  high?: number[];
}

/** One panel: a title, its unit, its lines, and whether 0 is marked (differences). */
export interface OverTimePanel {
  title: string;
  unit: string;
  lines: OverTimeLine[];
  zeroRule?: boolean;
}

/** Everything the chart of one material shows. */
export interface CompareOverTimeInput {
  title: string;
  subtitle: string | string[];
  /** Every strategy in colour order, the reference first (drawn wide in grey). */
  strategies: string[];
  panels: OverTimePanel[];
  /** Event windows in calendar years (the reference's events on this material), shaded grey; one lasting to the end of the run is a dashed line at its start; an announcement before the start is a dotted line. */
  eventWindows: Array<{ start: number; end: number; announced?: number; openEnded?: boolean }>;
}

/**
 * The reference in mid grey, drawn wide and first, so that an alternative on the same path shows as its
 * colour and dashes over a grey band (audit 24, L1: the reference in ink under the oxide stockpile's
 * line could not be told apart); then colours that stay apart in print and for common colour blindness
 * (ColorBrewer Dark2).
 */
const REFERENCE_GREY = '#858585';
const PALETTE = [REFERENCE_GREY, '#d95f02', '#1b9e77', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d'];
/** The reference solid, then dash patterns that stay apart where lines overlap. */
const DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3], [10, 2], [3, 6]];
const WIDTH = 620;
const HEIGHT = 120;

/**
 * Builds the "over time" chart of a compare report for one material: panels stacked on one
 * calendar-year axis (levels as one line per strategy, differences from the reference as a line
 * with its 95% band and a dashed zero), grey rectangles behind them where the reference's events
 * on the material are in force (a dotted line where one was announced ahead), one colour legend on top.
 *
 * @param input - Title, strategies, panels and event windows.
 * @returns A vega-lite spec with inline data.
 * @example
 * await charts.add('over-time-ndpr', createCompareOverTimeSpec(input), { title, description, caption });
 */
export function createCompareOverTimeSpec(input: CompareOverTimeInput): TopLevelSpec {
  const years = input.panels.flatMap((p) => p.lines.flatMap((l) => l.year));
  const first = Math.floor(Math.min(...years));
  const last = Math.ceil(Math.max(...years));
  const legend = { orient: 'top', direction: 'vertical', labelLimit: 600, symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolOpacity: 1, symbolSize: 300 };
  const color = { field: 'strategy', type: 'nominal', title: null, scale: { domain: input.strategies, range: PALETTE.slice(0, input.strategies.length) }, legend };
  // Dashes as well as colours: two strategies on the same path drew one line over the other (user audit, session 20), and the chart reads in greyscale.
  const dash = { field: 'strategy', type: 'nominal', title: null, scale: { domain: input.strategies, range: input.strategies.map((_, i) => DASHES[i % DASHES.length]) }, legend };
  // The reference wide (under the others), the alternatives at the usual width: two line layers filtered on the
  // strategy, not a strokeWidth channel (vega-lite warns on a width scale over an unsorted discrete field).
  const reference = input.strategies[0];
  const x = { field: 'year', type: 'quantitative', title: null, scale: { domain: [first, last], nice: false, zero: false },
    axis: { format: 'd', values: Array.from({ length: last - first + 1 }, (_, i) => first + i), labelFlush: false } };
  const starts = input.eventWindows.filter((w) => w.openEnded === true && w.start > first && w.start < last).map((w) => ({ year: w.start }));
  const windows = input.eventWindows.filter((w) => w.openEnded !== true && w.end > first && w.start < last).map((w) => ({ start: Math.max(w.start, first), end: Math.min(w.end, last) }));
  const panels = input.panels.map((panel, p) => {
    const values = panel.lines.flatMap((line) => line.year.map((year, i) => ({
      strategy: line.strategy, year, value: line.value[i], ...(line.low === undefined || line.high === undefined ? {} : { low: line.low[i], high: line.high[i] }),
    }))).filter((v) => Number.isFinite(v.value));
    // A level of a quantity that cannot be negative starts at 0: a cut axis made a 26% dip look like a collapse (user audit, session 20). Differences keep a cut axis around their zero rule.
    const levels = panel.zeroRule !== true && values.every((v) => v.value >= 0);
    const y = { type: 'quantitative', title: panel.unit, axis: { tickCount: 4, format: ',.3~r' }, scale: { zero: levels } };
    const layers: Record<string, unknown>[] = [];
    const announced = [...new Set(input.eventWindows.flatMap((w) => (w.announced !== undefined && w.announced > first && w.announced < w.start ? [w.announced] : [])))].map((year) => ({ year }));
    if (announced.length > 0) layers.push({ name: `announced_${p}`, data: { values: announced }, mark: { type: 'rule', color: '#555', strokeDash: [1, 2], strokeWidth: 1.2 }, encoding: { x } });
    if (starts.length > 0) layers.push({ name: `eventstart_${p}`, data: { values: starts }, mark: { type: 'rule', color: '#555', strokeDash: [3, 2], strokeWidth: 1 }, encoding: { x } });
    if (windows.length > 0) layers.push({ name: `event_${p}`, data: { values: windows }, mark: { type: 'rect', color: EVENT_GREY, opacity: 0.3 }, encoding: { x: { ...x, field: 'start' }, x2: { field: 'end' } } });
    if (panel.zeroRule === true) layers.push({ name: `zero_${p}`, data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#666', strokeDash: [4, 3] }, encoding: { y: { field: 'zero', type: 'quantitative' } } });
    if (panel.lines.some((l) => l.low !== undefined)) {
      layers.push({ mark: { type: 'area', opacity: 0.22 }, encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, color } });
    }
    const line = (strokeWidth: number, filter: string) => ({ transform: [{ filter }], mark: { type: 'line', strokeWidth }, encoding: { x, y: { ...y, field: 'value' }, color, strokeDash: dash } });
    layers.push(line(3.5, `datum.strategy === ${JSON.stringify(reference)}`), line(1.6, `datum.strategy !== ${JSON.stringify(reference)}`));
    return { title: { text: panel.title, fontSize: 12, fontWeight: 'bold' }, width: WIDTH, height: HEIGHT, data: { values }, layer: layers };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, subtitle: input.subtitle },
    vconcat: panels,
    spacing: 18,
    // One shared colour scale, so the panels' legends merge into one.
    resolve: { scale: { color: 'shared', y: 'independent' }, legend: { color: 'shared' } },
  } as unknown as TopLevelSpec;
}
