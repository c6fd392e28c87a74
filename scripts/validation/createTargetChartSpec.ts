import type { TopLevelSpec } from 'vega-lite';
import type { TargetResult } from '../../src/calibrate/evaluateParameters.ts';

/** One row of the targets chart: the band drawn as a bar, the simulated mean and the observed figure. */
interface TargetRow {
  order: number;
  target: string;
  bandLow: number;
  bandHigh: number;
  simulated: number;
  observed: number | null;
  inBand: string;
}

/** A band's drawn extent: open sides end beyond the simulated and observed values. */
function drawnBand(t: TargetResult): [number, number] {
  const values = [t.mean, t.target.observedValue, ...t.target.band].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const log = t.target.scale === 'log';
  const span = (lo: number, hi: number, up: boolean) => (log ? (up ? hi * 2 : lo / 2) : up ? hi + Math.max(0.1, Math.abs(hi) * 0.5) : Math.min(0, lo - Math.max(0.1, Math.abs(lo) * 0.5)));
  const [lo, hi] = t.target.band;
  const min = Math.min(...values);
  const max = Math.max(...values);
  return [lo ?? span(min, max, false), hi ?? span(min, max, true)];
}

/**
 * A vega-lite spec with one row per target of an episode: the tolerance band (grey bar; open sides
 * run off), the simulated Monte Carlo mean (dot, dark when inside the band, red when missed) and
 * the observed historical figure (black diamond), each row on its own scale (log where the target is).
 */
export function createTargetChartSpec(title: string, results: readonly TargetResult[]): TopLevelSpec {
  const rows: TargetRow[] = results.map((t, order) => {
    const [bandLow, bandHigh] = drawnBand(t);
    return { order, target: t.id, bandLow, bandHigh, simulated: t.mean, observed: t.target.observedValue ?? null, inBand: t.inBand ? 'in band' : 'missed' };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: 'grey: band; dot: simulated mean (red when missed); diamond: observed' },
    data: { values: rows as unknown as Record<string, unknown>[] },
    facet: { row: { field: 'target', type: 'nominal', title: null, sort: { field: 'order', op: 'min' }, header: { labelAngle: 0, labelAlign: 'left', labelOrient: 'left', labelLimit: 220 } } },
    spec: {
      width: 360,
      height: 18,
      layer: [
        { mark: { type: 'bar', height: 10, color: '#d9d9d9' }, encoding: { x: { field: 'bandLow', type: 'quantitative', title: null, scale: { zero: false } }, x2: { field: 'bandHigh' } } },
        { mark: { type: 'point', filled: true, size: 70 }, encoding: { x: { field: 'simulated', type: 'quantitative' }, color: { field: 'inBand', type: 'nominal', title: null, scale: { domain: ['in band', 'missed'], range: ['#1f4e79', '#c0392b'] } } } },
        { mark: { type: 'point', shape: 'diamond', filled: true, size: 50, color: 'black' }, encoding: { x: { field: 'observed', type: 'quantitative' } } },
      ],
    },
    resolve: { scale: { x: 'independent' } },
  } as TopLevelSpec;
}
