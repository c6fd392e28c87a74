import type { TopLevelSpec } from 'vega-lite';
import { INK } from './chartTheme.ts';
import { formatLevel } from './formatLevel.ts';
import { measureTextWidth } from './measureTextWidth.ts';
import type { Tornado } from './readTornadoJson.ts';

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

/**
 * A tornado chart: one horizontal bar per parameter, ranked by swing, from the base output to the
 * output at the parameter's low value (light) and at its high value (dark), each end labelled
 * with the parameter value, so it reads without colour. Without a base output each bar is split
 * at its midpoint. The x domain leaves room for the end labels so they never reach the axis.
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
    return [
      { parameter: name(e.parameter), side: 'low', from: middle, to: e.outputLow, label: noEffect ? '' : `low ${level(e.parameter, e.low)}`, fill: '#c9d6e3', align: e.outputLow < middle ? 'right' : 'left', dx: e.outputLow < middle ? -4 : 4 },
      { parameter: name(e.parameter), side: 'high', from: middle, to: e.outputHigh, label: noEffect ? 'no effect' : `high ${level(e.parameter, e.high)}`, fill: INK, align: e.outputHigh < middle ? 'right' : 'left', dx: e.outputHigh < middle ? -4 : 4 },
    ];
  });
  const y = { field: 'parameter', type: 'nominal', sort: tornado.entries.map((e) => name(e.parameter)), title: null, axis: { labelLimit: 280 } };
  const ends = values.flatMap((v) => [v.from, v.to]).filter(Number.isFinite);
  const low = Math.min(...ends);
  const high = Math.max(...ends);
  // Room for the widest end label on either side: pad / (range + 2 pad) of the width = label width.
  const labelPx = Math.max(40, ...values.map((v) => measureTextWidth(v.label, LABEL_FONT, false))) + 10;
  const range = high - low || Math.abs(high) || 1;
  const pad = (range * labelPx) / Math.max(60, WIDTH - 2 * labelPx);
  const x = { type: 'quantitative', title: labels.axisTitle ?? (tornado.unit || 'output'), scale: { zero: false, nice: false, domain: [low - pad, high + pad] } };
  const layers: Record<string, unknown>[] = [
    { mark: { type: 'bar', stroke: INK, strokeWidth: 1, height: 16 }, encoding: { y, x: { ...x, field: 'from' }, x2: { field: 'to' }, fill: { field: 'fill', type: 'nominal', scale: null } } },
    { transform: [{ filter: "datum.align === 'left'" }], mark: { type: 'text', align: 'left', dx: 4, fontSize: LABEL_FONT, color: '#222' }, encoding: { y, x: { ...x, field: 'to' }, text: { field: 'label' } } },
    { transform: [{ filter: "datum.align === 'right'" }], mark: { type: 'text', align: 'right', dx: -4, fontSize: LABEL_FONT, color: '#222' }, encoding: { y, x: { ...x, field: 'to' }, text: { field: 'label' } } },
  ];
  if (hasBase) layers.push({ data: { values: [{ base: tornado.base }] }, mark: { type: 'rule', color: '#222', strokeDash: [4, 3] }, encoding: { x: { ...x, field: 'base' } } });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: hasBase ? 'bars from the base value (dashed) to the output at each parameter\'s low (light) and high (dark) value' : 'bar: output from the parameter\'s low value (light half) to its high value (dark half)' },
    width: WIDTH, height: { step: 26 },
    data: { values },
    layer: layers,
  } as unknown as TopLevelSpec;
}
