import type { TopLevelSpec } from 'vega-lite';
import type { ValueSummary } from '../stats/summarizeValues.ts';
import { INK } from './chartTheme.ts';

/** One material's row of the key-results chart. */
export interface KeyResultRow {
  material: string;
  weeksShort: ValueSummary;
  peakMultiple: ValueSummary;
}

/**
 * Two dot-and-range panels, one row per material: weeks the home region's end users are short,
 * and the peak price multiple outside the foreign actor's region. Each shows the 90% range of
 * runs (thin line), the middle 50% (thick bar) and the median (dot, with its value written out),
 * so the chart reads without colour.
 *
 * @param rows - Materials in display order.
 * @param weeksTitle - Title of the left panel.
 * @param peakTitle - Title of the right panel.
 * @param withTails - Draw the 90% ranges (false when too few runs stand behind the 5% and 95% tails).
 * @returns A vega-lite spec with inline data.
 * @example
 * createKeyResultsSpec(rows, 'Weeks short: end users in the US', 'Peak refined price outside China');
 */
export function createKeyResultsSpec(rows: readonly KeyResultRow[], weeksTitle: string, peakTitle: string, withTails = true): TopLevelSpec {
  const order = rows.map((r) => r.material);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Key results by material', subtitle: withTails ? 'thin line: 90% of runs · thick bar: middle 50% · dot and number: median across runs'
      : 'thick bar: middle 50% of runs · dot and number: median across runs (too few runs for 90% ranges)' },
    hconcat: [
      createDotRange(rows.map((r) => ({ material: r.material, ...r.weeksShort })), order, weeksTitle, 'weeks', withTails),
      createDotRange(rows.map((r) => ({ material: r.material, ...r.peakMultiple })), order, peakTitle, '× starting price', withTails),
    ],
    spacing: 20,
  } as unknown as TopLevelSpec;
}

function createDotRange(values: Array<{ material: string } & ValueSummary>, order: string[], title: string, unit: string, withTails: boolean): Record<string, unknown> {
  const defined = values.filter((v) => v.n > 0).map((v) => ({ material: v.material, p5: v.p5, p25: v.p25, p50: v.p50, p75: v.p75, p95: v.p95, label: format(v.p50) }));
  // The axis sits a few pixels left of zero so dots at zero stay visible.
  const y = { field: 'material', type: 'nominal', sort: order, title: null, axis: { labelLimit: 280, offset: 7 } };
  const x = { type: 'quantitative', title: unit, scale: { zero: true } };
  return {
    title: { text: title, fontSize: 11.5 },
    width: 130, height: { step: 22 },
    data: { values: defined },
    layer: [
      ...(withTails ? [{ mark: { type: 'rule', color: INK, strokeWidth: 1.2 }, encoding: { y, x: { ...x, field: 'p5' }, x2: { field: 'p95' } } }] : []),
      { mark: { type: 'bar', color: INK, opacity: 0.45, height: 9 }, encoding: { y, x: { ...x, field: 'p25' }, x2: { field: 'p75' } } },
      { mark: { type: 'point', filled: true, color: INK, size: 45, opacity: 1 }, encoding: { y, x: { ...x, field: 'p50' } } },
      { mark: { type: 'text', align: 'left', dx: 6, dy: -8, fontSize: 10.5, color: '#222' }, encoding: { y, x: { ...x, field: 'p50' }, text: { field: 'label' } } },
    ],
  };
}

function format(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(3))) : '';
}
