import type { TopLevelSpec } from 'vega-lite';
import { EVENT_GREY, INK, PRICE_WAR_PURPLE, RULE_ORANGE } from './chartTheme.ts';
import { createFanLegendSpec } from './createFanLegendSpec.ts';
import { pickYearTicks } from './pickYearTicks.ts';
import type { SeriesFan } from './readSeriesCsv.ts';

/** A small chart to draw: its title, the fan and the divisor to display units. */
export interface FanChartInput {
  title: string;
  fan: SeriesFan;
  divisor: number;
  /** The y axis ends here (values were clipped to it: stock cover, capStockCover.ts); absent: from the data. */
  yMax?: number;
  /** Calendar years at which a scripted project comes on stream in this chart's cell, marked ▼ at the top (a capacity chart). */
  projectYears?: number[];
}

/** A row of small charts. */
export interface FanRowInput {
  title: string;
  unit: string;
  sharedY: boolean;
  charts: FanChartInput[];
  /** Windows of the foreign actor's rule-driven price war on this row's market in a good share of runs (calendar years), shaded purple: for a price row. */
  priceWarWindows?: Array<{ start: number; end: number }>;
}

/** Everything a fan panel shows. */
export interface FanPanelInput {
  title: string;
  subtitle: string | string[];
  rows: FanRowInput[];
  /** Open-ended events are drawn as a dashed line at their start, not shaded to the end of the run. */
  eventWindows: Array<{ start: number; end: number; openEnded?: boolean; throughout?: boolean; announced?: number }>;
  /** Windows of the foreign actor's rule-driven retaliation in force in a good share of runs (calendar years), shaded orange. */
  ruleWindows?: Array<{ start: number; end: number }>;
}

/** Green of the ▼ marking a scripted project's arrival on a capacity chart: new capacity, apart from the events' grey and the fan's blue. */
const PROJECT_GREEN = '#2e7d32';

/** A small chart's plot width and height, pixels: four across fit the report's 920-pixel column at 1:1, so its 11-pixel labels stay 11 pixels. */
const CHART_WIDTH = 150;
const CHART_HEIGHT = 76;
/** Axis labels, pixels at the displayed size (user audit 24, L1: 9 pixels was too small). */
const AXIS_LABEL_SIZE = 11;
/** At most this many year labels on a small chart's axis (a tick every year, unlabelled). */
const YEAR_LABELS = 3;

/**
 * Builds a small-multiples panel of fan charts (p5–p95 and p25–p75 bands, median line) over
 * calendar years (a tick every year, labels every few): a key row, then one row per theme; grey
 * rectangles mark scripted events in force, dashed lines the start of open-ended ones, orange ones
 * the foreign actor's rule-driven retaliation in force in a good share of runs, purple ones (on a
 * price row) its rule-driven price war on that market, and a green ▼ at the top of a chart the week a
 * scripted project comes on stream in its cell (`projectYears`).
 *
 * @param input - Title, rows of fans, event windows (calendar years).
 * @returns A vega-lite spec with inline data.
 * @example
 * await renderChart(createFanPanelSpec(input), input.title, 'Fans of prices and shortfall');
 */
export function createFanPanelSpec(input: FanPanelInput): TopLevelSpec {
  const rows = input.rows.map((row, r) => ({
    title: { text: row.charts.length < 2 ? row.title : `${row.title} ${row.sharedY ? '(one scale for the row)' : '(NB: each chart has its own scale)'}`, fontSize: 12.5, fontWeight: 'bold' },
    hconcat: row.charts.map((chart, index) => createFanChart(chart, index === 0 ? row.unit : '', input.eventWindows, `${r}_${index}`, input.ruleWindows ?? [], row.priceWarWindows ?? [])),
    resolve: { scale: { y: row.sharedY ? 'shared' : 'independent' } },
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, subtitle: input.subtitle },
    vconcat: [createFanLegendSpec(4 * CHART_WIDTH + 150, input.eventWindows.some((w) => !w.openEnded), input.eventWindows.some((w) => w.openEnded === true && w.throughout !== true), (input.ruleWindows ?? []).length > 0,
      input.eventWindows.some((w) => w.announced !== undefined), input.rows.some((row) => (row.priceWarWindows ?? []).length > 0),
      input.rows.some((row) => (row.priceWarWindows ?? []).some((war) => input.eventWindows.some((w) => !w.openEnded && w.throughout !== true && w.start < war.end && war.start < w.end)))), ...rows],
    spacing: 16,
  } as unknown as TopLevelSpec;
}

/** One small chart; event layers are named `event_<where>`, `event_announced_<where>`, `eventstart_<where>`, `rule_<where>`, `pricewar_<where>` and `project_<where>` so tests can tell them from data. */
function createFanChart(chart: FanChartInput, yTitle: string, windows: FanPanelInput['eventWindows'], where: string, ruleWindows: NonNullable<FanPanelInput['ruleWindows']>, priceWars: NonNullable<FanRowInput['priceWarWindows']>): Record<string, unknown> {
  const { fan, divisor } = chart;
  const values = fan.year.map((year, t) => ({
    year, p5: fan.p5[t] / divisor, p25: fan.p25[t] / divisor, p50: fan.p50[t] / divisor, p75: fan.p75[t] / divisor, p95: fan.p95[t] / divisor,
  }));
  const first = fan.year[0];
  const last = fan.year[fan.year.length - 1];
  const labelled = yearLabels(first, last);
  const yearly = Array.from({ length: Math.max(0, Math.floor(last) - Math.ceil(first) + 1) }, (_, i) => Math.ceil(first) + i);
  const x = { field: 'year', type: 'quantitative', scale: { domain: [first, last], nice: false, zero: false },
    axis: { title: 'year', format: 'd', values: yearly, labelExpr: `indexof([${labelled.join(',')}], datum.value) >= 0 ? datum.label : ''`, labelFlush: false, labelFontSize: AXIS_LABEL_SIZE, titleFontSize: AXIS_LABEL_SIZE } };
  const maxValue = Math.max(...values.map((v) => (Number.isFinite(v.p95) ? v.p95 : 0)));
  const y = { type: 'quantitative', axis: { title: yTitle || null, format: maxValue >= 1e4 ? '.2~s' : ',.3~r', tickCount: 3, labelFontSize: AXIS_LABEL_SIZE, titleFontSize: AXIS_LABEL_SIZE },
    ...(chart.yMax === undefined ? {} : { scale: { domainMax: chart.yMax / divisor } }) };
  const inRange = windows.filter((w) => w.end > first && w.start < last);
  const shown = inRange.filter((w) => !w.openEnded).map((w) => ({ start: Math.max(w.start, first), end: Math.min(w.end, last) }));
  const starts = inRange.filter((w) => w.openEnded === true && w.start > first).map((w) => ({ start: w.start }));
  const layers: Record<string, unknown>[] = [
    { mark: { type: 'area', color: INK, opacity: 0.22 }, encoding: { x, y: { ...y, field: 'p5' }, y2: { field: 'p95' } } },
    { mark: { type: 'area', color: INK, opacity: 0.5 }, encoding: { x, y: { ...y, field: 'p25' }, y2: { field: 'p75' } } },
    { mark: { type: 'line', color: INK, strokeWidth: 1.6 }, encoding: { x, y: { ...y, field: 'p50' } } },
  ];
  // Announcements before an event starts, as a dotted line: prices move on them, before the grey band (the NdPr quota's +20% from Oct 2025).
  const announced = [...new Set(inRange.flatMap((w) => (w.announced !== undefined && w.announced > first && w.announced < last ? [w.announced] : [])))].map((year) => ({ year }));
  if (announced.length > 0) {
    layers.unshift({ name: `event_announced_${where}`, data: { values: announced }, mark: { type: 'rule', color: '#555', strokeDash: [1, 2], strokeWidth: 1.2 }, encoding: { x: { ...x, field: 'year' } } });
  }
  if (starts.length > 0) {
    layers.unshift({ name: `eventstart_${where}`, data: { values: starts }, mark: { type: 'rule', color: '#555', strokeDash: [3, 2], strokeWidth: 1 }, encoding: { x: { ...x, field: 'start' } } });
  }
  const wars = priceWars.filter((w) => w.end > first && w.start < last).map((w) => ({ start: Math.max(w.start, first), end: Math.min(w.end, last) }));
  if (wars.length > 0) {
    layers.unshift({ name: `pricewar_${where}`, data: { values: wars }, mark: { type: 'rect', color: PRICE_WAR_PURPLE, opacity: 0.25 }, encoding: { x: { ...x, field: 'start' }, x2: { field: 'end' } } });
  }
  const rules = ruleWindows.filter((w) => w.end > first && w.start < last).map((w) => ({ start: Math.max(w.start, first), end: Math.min(w.end, last) }));
  if (rules.length > 0) {
    layers.unshift({ name: `rule_${where}`, data: { values: rules }, mark: { type: 'rect', color: RULE_ORANGE, opacity: 0.3 }, encoding: { x: { ...x, field: 'start' }, x2: { field: 'end' } } });
  }
  if (shown.length > 0) {
    layers.unshift({
      name: `event_${where}`,
      data: { values: shown },
      mark: { type: 'rect', color: EVENT_GREY, opacity: 0.35 },
      encoding: { x: { ...x, field: 'start' }, x2: { field: 'end' } },
    });
  }
  const projects = (chart.projectYears ?? []).filter((year) => year >= first && year <= last).map((year) => ({ year }));
  if (projects.length > 0) {
    // Drawn last, on top, at a fixed pixel height (4 px below the top): it takes no part in the y scale.
    layers.push({ name: `project_${where}`, data: { values: projects }, mark: { type: 'point', shape: 'triangle-down', filled: true, size: 50, color: PROJECT_GREEN, opacity: 1 },
      encoding: { x: { ...x, field: 'year' }, y: { value: 4 } } });
  }
  return { title: { text: chart.title, fontSize: 11.5, fontWeight: 'normal' }, width: CHART_WIDTH, height: CHART_HEIGHT, data: { values }, layer: layers };
}

/**
 * The years labelled on a small chart's time axis: at most {@link YEAR_LABELS}, on round multiples
 * when that still gives three (pickYearTicks), else from the first whole year at an even step
 * (2025, 2029, 2033 for a ten-year run rather than 2028 and 2032 alone).
 */
function yearLabels(first: number, last: number): number[] {
  const round = pickYearTicks(first, last, YEAR_LABELS);
  if (round.length >= YEAR_LABELS || last - first < YEAR_LABELS) return round;
  const step = Math.ceil((last - first) / YEAR_LABELS);
  const labels: number[] = [];
  for (let year = Math.ceil(first); year <= last && labels.length < YEAR_LABELS; year += step) labels.push(year);
  return labels;
}
