import { EVENT_GREY, INK, PRICE_WAR_PURPLE, RULE_ORANGE } from './chartTheme.ts';

/** Pixels from one key row to the next. */
const ROW_HEIGHT = 18;

/**
 * A one-line key drawn as a chart row above fan charts, so every exported SVG and PNG explains
 * itself without colour: light band = 90% of runs, dark band = middle 50%, line = median across
 * runs, grey = events in force, dotted line = an event's announcement before it starts, dashed
 * line = start of an open-ended event, orange = the foreign actor's rule-driven retaliation in force
 * in a good share of runs, purple = its rule-driven price war on a price row's market, purple over
 * grey = that price war while an event is in force.
 *
 * @param width - Width of the row, pixels.
 * @param withEvents - Include the grey event swatch.
 * @param withStarts - Include the dashed line of an open-ended event's start.
 * @param withRules - Include the orange swatch of rule-driven retaliation.
 * @param withAnnounced - Include the dotted line of an announcement.
 * @param withPriceWars - Include the purple swatch of a rule-driven price war.
 * @param withWarOverEvent - Include the swatch of a price war while an event is in force (purple over grey).
 * @returns A vega-lite layer spec (no top-level properties); its layers are named `key_*`.
 * @example
 * vconcat: [createFanLegendSpec(640, true), ...rows]
 */
export function createFanLegendSpec(width: number, withEvents: boolean, withStarts = false, withRules = false, withAnnounced = false, withPriceWars = false, withWarOverEvent = false): Record<string, unknown> {
  const optional = [
    ...(withEvents ? [{ label: 'event in force', kind: 'event', width: 120 }] : []),
    ...(withAnnounced ? [{ label: 'announced', kind: 'announced', width: 105 }] : []),
    ...(withStarts ? [{ label: 'open-ended event starts', kind: 'start', width: 175 }] : []),
    ...(withRules ? [{ label: 'retaliation by rule', kind: 'rule', width: 150 }] : []),
    ...(withPriceWars ? [{ label: 'price war by rule', kind: 'pricewar', width: 140 }] : []),
    // Purple over grey is darker than either: its own swatch, drawn as the charts draw it (grey, then purple on top).
    ...(withWarOverEvent ? [{ label: 'price war during an event', kind: 'warevent', width: 190 }] : []),
  ];
  // Optional items in order after the fixed three; one that would start too near the row's end goes
  // to a second row, so every shading the panel draws is in its key.
  const placed: { x: number; y: number; label: string; kind: string }[] = [];
  let at = 410;
  let y = 0;
  for (const item of optional) {
    if (at > width - 100) {
      at = 0;
      y += ROW_HEIGHT;
    }
    placed.push({ x: at, y, label: item.label, kind: item.kind });
    at += item.width;
  }
  const items = [
    { x: 0, y: 0, label: 'median across runs', kind: 'line' },
    { x: 150, y: 0, label: 'middle 50% of runs', kind: 'dark' },
    { x: 300, y: 0, label: '90% of runs', kind: 'light' },
    ...placed,
  ];
  const x = { field: 'x', type: 'quantitative', scale: { domain: [0, width], range: [0, width] }, axis: null };
  // Pixel offsets within the key (scale null): each item's row plus its mark's place in the row.
  const pixels = (field: string): Record<string, unknown> => ({ field, type: 'quantitative', scale: null, axis: null });
  const swatch = (kind: string, color: string, opacity: number): Record<string, unknown> => ({
    name: `key_${kind}`,
    transform: [{ filter: `datum.kind === '${kind}'` }, { calculate: 'datum.x + 22', as: 'x2' }, { calculate: 'datum.y + 3', as: 'ya' }, { calculate: 'datum.y + 13', as: 'yb' }],
    mark: { type: 'rect', color, opacity },
    encoding: { x, x2: { field: 'x2' }, y: pixels('ya'), y2: { field: 'yb' } },
  });
  return {
    width, height: y + 16, data: { values: items },
    layer: [
      swatch('light', INK, 0.22), swatch('dark', INK, 0.5), swatch('event', EVENT_GREY, 0.35), swatch('rule', RULE_ORANGE, 0.3), swatch('pricewar', PRICE_WAR_PURPLE, 0.25),
      { ...swatch('warevent', EVENT_GREY, 0.35), name: 'key_warevent_event' }, { ...swatch('warevent', PRICE_WAR_PURPLE, 0.25), name: 'key_warevent_war' },
      {
        name: 'key_line',
        transform: [{ filter: "datum.kind === 'line'" }, { calculate: 'datum.x + 22', as: 'x2' }, { calculate: 'datum.y + 8', as: 'ym' }],
        mark: { type: 'rule', color: INK, strokeWidth: 2 },
        encoding: { x, x2: { field: 'x2' }, y: pixels('ym') },
      },
      {
        name: 'key_announced',
        transform: [{ filter: "datum.kind === 'announced'" }, { calculate: 'datum.x + 11', as: 'xm' }, { calculate: 'datum.y + 1', as: 'ya' }, { calculate: 'datum.y + 15', as: 'yb' }],
        mark: { type: 'rule', color: '#555', strokeDash: [1, 2], strokeWidth: 1.2 },
        encoding: { x: { ...x, field: 'xm' }, y: pixels('ya'), y2: { field: 'yb' } },
      },
      {
        name: 'key_start',
        transform: [{ filter: "datum.kind === 'start'" }, { calculate: 'datum.x + 11', as: 'xm' }, { calculate: 'datum.y + 1', as: 'ya' }, { calculate: 'datum.y + 15', as: 'yb' }],
        mark: { type: 'rule', color: '#555', strokeDash: [3, 2], strokeWidth: 1 },
        encoding: { x: { ...x, field: 'xm' }, y: pixels('ya'), y2: { field: 'yb' } },
      },
      {
        name: 'key_text',
        transform: [{ calculate: 'datum.x + 27', as: 'tx' }, { calculate: 'datum.y + 8', as: 'ym' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 11, color: '#222' },
        encoding: { x: { ...x, field: 'tx' }, y: pixels('ym'), text: { field: 'label' } },
      },
    ],
  };
}
