import type { TopLevelSpec } from 'vega-lite';
import { INK } from './chartTheme.ts';
import type { EventCategory } from './describeEvent.ts';
import { wrapTimelineLabel } from './wrapTimelineLabel.ts';

/** One bar of the timeline, in calendar years. */
export interface TimelineItem {
  label: string;
  category: EventCategory;
  start: number;
  end: number;
  /** NaN when not announced ahead of its start. */
  announced: number;
}

const FILL: Record<EventCategory, string> = { threat: INK, shock: '#8c8c8c', policy: 'white' };
const WIDTH = 560;
const FONT_SIZE = 11;

/**
 * A timeline (Gantt chart) of a scenario's events: one bar per event from start to end, a dashed
 * line from its announcement to its start; threats dark, shocks grey, policies outlined, each
 * label prefixed with its category so the chart reads without colour and wrapped to the chart's
 * width so it never runs past the axis, never inside a date range (`wrapTimelineLabel`).
 *
 * @param items - Events in display order.
 * @param firstYear - Start of the run, calendar year.
 * @param lastYear - End of the run, calendar year.
 * @returns A vega-lite spec with inline data.
 * @example
 * createTimelineSpec(items, 2025, 2035);
 */
export function createTimelineSpec(items: readonly TimelineItem[], firstYear: number, lastYear: number): TopLevelSpec {
  const lines = items.map((item) => wrapTimelineLabel(`${item.category[0].toUpperCase()}${item.category.slice(1)} · ${item.label}`, WIDTH - 4, FONT_SIZE));
  const most = Math.max(1, ...lines.map((l) => l.length));
  const step = 26 + most * (FONT_SIZE + 2);
  const values = items.map((item, index) => ({
    ...item,
    row: String(index + 1),
    text: lines[index],
    start: Math.max(firstYear, item.start),
    end: Math.min(lastYear, item.end),
    announced: Number.isFinite(item.announced) && item.announced < item.start ? Math.max(firstYear, item.announced) : null,
    fill: FILL[item.category],
  }));
  // An explicit order: the announcement layer holds only some rows, and a union of layer domains would list those first.
  const y = { field: 'row', type: 'nominal', sort: values.map((v) => v.row), title: null, axis: { labelFontSize: 10, ticks: false, domain: false } };
  const x = { type: 'quantitative', title: 'year', scale: { domain: [firstYear, lastYear], nice: false, zero: false }, axis: { format: 'd', tickMinStep: 1 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Timeline of scripted events', subtitle: 'bar: event in force · dashed line: announced ahead · dark: threat · grey: shock · outlined: policy' },
    width: WIDTH,
    height: { step },
    data: { values },
    layer: [
      {
        transform: [{ filter: 'datum.announced !== null' }],
        mark: { type: 'rule', color: '#222', strokeDash: [3, 2], strokeWidth: 1.2, yOffset: step / 2 - 8 },
        encoding: { y, x: { ...x, field: 'announced' }, x2: { field: 'start' } },
      },
      {
        mark: { type: 'bar', stroke: INK, strokeWidth: 1.2, height: 11, yOffset: step / 2 - 8 },
        encoding: { y, x: { ...x, field: 'start' }, x2: { field: 'end' }, fill: { field: 'fill', type: 'nominal', scale: null } },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'top', yOffset: 3 - step / 2, lineHeight: FONT_SIZE + 2, fontSize: FONT_SIZE, color: '#111', dx: 2 },
        encoding: { y, x: { ...x, datum: firstYear }, text: { field: 'text' } },
      },
    ],
  } as unknown as TopLevelSpec;
}
