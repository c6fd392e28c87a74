import type { TopLevelSpec } from 'vega-lite';
import { INK } from './chartTheme.ts';
import { formatLevel } from './formatLevel.ts';
import { measureTextWidth } from './measureTextWidth.ts';
import type { Tornado, TornadoEntry } from './readTornadoJson.ts';

/** How a tornado chart names things; every field defaults to the raw value. */
export interface TornadoLabels {
  /** A parameter's name on the y axis. */
  parameter?: (parameter: string) => string;
  /** A parameter's value at a bar end, e.g. `4.95%/yr`. */
  level?: (parameter: string, level: number | string) => string;
  /** The x-axis title: the metric and its unit. */
  axisTitle?: string;
}

const WIDTH = 360;
const LABEL_FONT = 9.5;
/** Gap between a bar's end and its label, px. */
const LABEL_GAP = 4;
/** Vertical offset of two labels stacked at one bar end, px (bars are 16 px high, rows 26 px apart). */
const STACK_DY = 5.5;
const UNCERTAIN_OPACITY = 0.35;
/** The legend line for bars whose swing may be 0. */
export const UNCERTAIN_NOTE = 'faded bar, dashed outline: 95% CI of the swing includes 0';

/** Where an end's label goes: left or right of `labelAt`, shifted `dy` px. */
interface LabelPlace {
  align: 'left' | 'right';
  labelAt: number;
  dy: number;
}

/** The swing's 95% CI includes 0 (false when the file gives no CI). */
export function includesZero(entry: TornadoEntry): boolean {
  return entry.ciLow !== undefined && entry.ciHigh !== undefined && entry.ciLow <= 0 && entry.ciHigh >= 0;
}

/**
 * Label places for a bar's two ends, given as offsets from the base (or middle). Ends on opposite
 * sides: each label just beyond its end, pointing away from the base. An end on the base: its label
 * on the side away from the other end. Both ends on one side: the two labels stacked beyond the
 * farther end (low above, high below), so they never print over each other or over the other bar.
 */
function placeLabels(low: number, high: number): { low: LabelPlace; high: LabelPlace } {
  const side = (own: number, other: number): 'left' | 'right' => ((own !== 0 ? own : -other) < 0 ? 'left' : 'right');
  const lowSide = side(low, high);
  const highSide = side(high, low);
  const alignOf = (s: 'left' | 'right'): 'left' | 'right' => (s === 'left' ? 'right' : 'left');
  if (low !== 0 && high !== 0 && lowSide === highSide) {
    const far = Math.abs(low) >= Math.abs(high) ? low : high;
    return { low: { align: alignOf(lowSide), labelAt: far, dy: -STACK_DY }, high: { align: alignOf(highSide), labelAt: far, dy: STACK_DY } };
  }
  return { low: { align: alignOf(lowSide), labelAt: low, dy: 0 }, high: { align: alignOf(highSide), labelAt: high, dy: 0 } };
}

/**
 * A tornado chart: one horizontal bar per parameter, ranked by swing, from the base output to the
 * output at the parameter's low value (light) and at its high value (dark), each end labelled
 * with the parameter value, so it reads without colour (placeLabels: labels never print over each
 * other). Without a base output each bar is split at its midpoint. Bars whose swing has a 95% CI
 * that includes 0 are faded with a dashed outline, and the subtitle says so. The x domain leaves
 * room for the end labels so they never reach the axis.
 *
 * @param tornado - Ranked entries, metric, unit, base.
 * @param title - Chart title (the metric in words).
 * @param labels - Parameter names, value formats and axis title for people.
 * @returns A vega-lite spec with inline data.
 * @example
 * createTornadoSpec(tornado, 'US weeks short of NdPr oxide');
 */
export function createTornadoSpec(tornado: Tornado, title: string, labels: TornadoLabels = {}): TopLevelSpec {
  const name = labels.parameter ?? ((p: string) => p);
  const level = labels.level ?? ((_p: string, v: number | string) => formatLevel(v));
  const hasBase = Number.isFinite(tornado.base);
  const values = tornado.entries.flatMap((e) => {
    const middle = hasBase ? tornado.base : (e.outputLow + e.outputHigh) / 2;
    // Both ends on the base value: one label, not two printed over each other.
    const noEffect = e.outputLow === middle && e.outputHigh === middle;
    const uncertain = includesZero(e);
    const ends = placeLabels(e.outputLow - middle, e.outputHigh - middle);
    const end = (side: 'low' | 'high', to: number, label: string, fill: string, place: LabelPlace) => ({
      parameter: name(e.parameter), side, from: middle, to, label, fill, uncertain, ...place, labelAt: middle + place.labelAt,
    });
    const low = end('low', e.outputLow, noEffect ? '' : `low ${level(e.parameter, e.low)}`, '#c9d6e3', ends.low);
    const high = end('high', e.outputHigh, noEffect ? 'no effect' : `high ${level(e.parameter, e.high)}`, INK, ends.high);
    // The longer bar first, so a shorter one on the same side is drawn over it, not hidden under it.
    return Math.abs(e.outputHigh - middle) > Math.abs(e.outputLow - middle) ? [high, low] : [low, high];
  });
  // Room for the longest parameter name (audit 25 L6: "Government: probability of reversing a policy at …" was cut at 280 px).
  const labelLimit = Math.min(440, Math.max(280, ...tornado.entries.map((e) => measureTextWidth(name(e.parameter), 11, false) + 8)));
  const y = { field: 'parameter', type: 'nominal', sort: tornado.entries.map((e) => name(e.parameter)), title: null, axis: { labelLimit } };
  const ends = values.flatMap((v) => [v.from, v.to]).filter(Number.isFinite);
  const anyUncertain = values.some((v) => v.uncertain);
  const low = Math.min(...ends);
  const high = Math.max(...ends);
  // Room for the widest end label on either side: pad / (range + 2 pad) of the width = label width.
  const labelPx = Math.max(40, ...values.map((v) => measureTextWidth(v.label, LABEL_FONT, false))) + 10;
  const range = high - low || Math.abs(high) || 1;
  const pad = (range * labelPx) / Math.max(60, WIDTH - 2 * labelPx);
  const x = { type: 'quantitative', title: labels.axisTitle ?? (tornado.unit || 'output'), scale: { zero: false, nice: false, domain: [low - pad, high + pad] } };
  const layers: Record<string, unknown>[] = [
    { mark: { type: 'bar', stroke: INK, strokeWidth: 1, height: 16 }, encoding: {
      y, x: { ...x, field: 'from' }, x2: { field: 'to' }, fill: { field: 'fill', type: 'nominal', scale: null },
      // A swing whose 95% CI includes 0: faded, with a dashed outline (said in the subtitle).
      fillOpacity: { condition: { test: 'datum.uncertain', value: UNCERTAIN_OPACITY }, value: 1 },
      strokeDash: { condition: { test: 'datum.uncertain', value: [3, 2] }, value: [] },
    } },
    ...[...new Set(values.map((v) => `${v.align}|${v.dy}`))].map((key) => {
      const [align, dy] = key.split('|');
      return {
        transform: [{ filter: `datum.align === '${align}' && datum.dy === ${dy}` }],
        mark: { type: 'text', align, dx: align === 'left' ? LABEL_GAP : -LABEL_GAP, dy: Number(dy), fontSize: LABEL_FONT, color: '#222' },
        encoding: { y, x: { ...x, field: 'labelAt' }, text: { field: 'label' } },
      };
    }),
  ];
  if (hasBase) layers.push({ data: { values: [{ base: tornado.base }] }, mark: { type: 'rule', color: '#222', strokeDash: [4, 3] }, encoding: { x: { ...x, field: 'base' } } });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: title,
      subtitle: [
        hasBase ? 'bars from the base value (dashed) to the output at each parameter\'s low (light) and high (dark) value' : 'bar: output from the parameter\'s low value (light half) to its high value (dark half)',
        ...(anyUncertain ? [UNCERTAIN_NOTE] : []),
      ],
    },
    width: WIDTH, height: { step: 26 },
    data: { values },
    layer: layers,
  } as unknown as TopLevelSpec;
}
