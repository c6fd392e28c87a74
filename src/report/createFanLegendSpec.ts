import { EVENT_GREY, INK } from './chartTheme.ts';

/**
 * A one-line key drawn as a chart row above fan charts, so every exported SVG and PNG explains
 * itself without colour: light band = 90% of runs, dark band = middle 50%, line = median,
 * grey = events in force.
 *
 * @param width - Width of the row, pixels.
 * @param withEvents - Include the grey event swatch.
 * @returns A vega-lite layer spec (no top-level properties).
 * @example
 * vconcat: [createFanLegendSpec(640, true), ...rows]
 */
export function createFanLegendSpec(width: number, withEvents: boolean): Record<string, unknown> {
  const items = [
    { x: 0, label: 'median run', kind: 'line' },
    { x: 115, label: 'middle 50% of runs', kind: 'dark' },
    { x: 265, label: '90% of runs', kind: 'light' },
    ...(withEvents ? [{ x: 375, label: 'scripted event in force', kind: 'event' }] : []),
  ];
  const x = { field: 'x', type: 'quantitative', scale: { domain: [0, width], range: [0, width] }, axis: null };
  const swatch = (kind: string, color: string, opacity: number): Record<string, unknown> => ({
    transform: [{ filter: `datum.kind === '${kind}'` }, { calculate: 'datum.x + 22', as: 'x2' }],
    mark: { type: 'rect', color, opacity, y: 3, y2: 13 },
    encoding: { x, x2: { field: 'x2' } },
  });
  return {
    width, height: 16, data: { values: items },
    layer: [
      swatch('light', INK, 0.22), swatch('dark', INK, 0.5), swatch('event', EVENT_GREY, 0.35),
      {
        transform: [{ filter: "datum.kind === 'line'" }, { calculate: 'datum.x + 22', as: 'x2' }],
        mark: { type: 'rule', color: INK, strokeWidth: 2, y: 8 },
        encoding: { x, x2: { field: 'x2' } },
      },
      {
        transform: [{ calculate: 'datum.x + 27', as: 'tx' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', y: 8, fontSize: 11, color: '#222' },
        encoding: { x: { ...x, field: 'tx' }, text: { field: 'label' } },
      },
    ],
  };
}
