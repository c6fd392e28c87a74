import type { TopLevelSpec } from 'vega-lite';
import { INK } from './chartTheme.ts';
import { quantityAxis } from './quantityAxis.ts';

/** Width in pixels (at the axis font size {@link ALTERNATIVE_LABEL_FONT}) an alternative's axis label may take; shorten longer ones first (`shortenLabels`). */
export const ALTERNATIVE_LABEL_WIDTH = 170;
/** Font size of the alternatives' axis labels (the theme's axis label size). */
export const ALTERNATIVE_LABEL_FONT = 11;

/** The outline drawn under each label, in the page's background colour, so lines behind it stop short of the text; hidden from screen readers, which read the label once. */
const HALO = { color: 'white', stroke: 'white', strokeWidth: 7, strokeJoin: 'round', strokeOpacity: 1, aria: false };

/** Plot width of a panel (px): with the alternatives' labels, about 700 px in all, under the page's 920 px, so the chart is shown at its own size. */
const PANEL_WIDTH = 470;

/** One metric's panel: each alternative's paired difference with its CI and win probability. */
export interface ComparisonPanel {
  title: string;
  /** Axis title, e.g. `difference, weeks (lower is better)`. */
  axisTitle: string;
  /** `label`: how the paired runs split, printed above the dot (e.g. `better in 85%`). */
  rows: Array<{ alternative: string; difference: number; ciLow: number; ciHigh: number; label: string }>;
}

/**
 * Small forest plots, one per row: for each metric, every alternative's mean paired difference
 * against the reference (dot) with its 95% CI (line), a dashed zero line, and the share of
 * paired runs in which the alternative did better written beside it.
 *
 * @param panels - One panel per metric.
 * @param alternatives - Alternatives in display order.
 * @param subtitle - Says which way the differences go (alternative − reference).
 * @returns A vega-lite spec with inline data.
 * @example
 * createComparisonSpec(panels, ['stockpile', 'recycling'], 'difference = alternative − reference');
 */
export function createComparisonSpec(panels: readonly ComparisonPanel[], alternatives: readonly string[], subtitle: string): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Alternatives against the reference: paired differences', subtitle },
    // One column of wide panels: two columns of 160 px drew the chart wider than the page, shown shrunk with
    // ~8.6 px text and tick labels that ran together (audit 24, L1).
    concat: panels.map((panel) => createPanel(panel, alternatives)),
    columns: 1,
    spacing: { row: 22 },
  } as unknown as TopLevelSpec;
}

function createPanel(panel: ComparisonPanel, alternatives: readonly string[]): Record<string, unknown> {
  const rows = panel.rows.filter((r) => Number.isFinite(r.difference)).map((r) => ({
    ...r,
    ciLow: Number.isFinite(r.ciLow) ? r.ciLow : r.difference,
    ciHigh: Number.isFinite(r.ciHigh) ? r.ciHigh : r.difference,
  }));
  const values = rows.map((r) => ({ ...r, align: 'center' as 'left' | 'center' | 'right' }));
  // A label wrapped onto two lines (wrapLabels) holds a line break: drawn as two lines.
  const y = { field: 'alternative', type: 'nominal', sort: alternatives, title: null, axis: { labelLimit: ALTERNATIVE_LABEL_WIDTH + 1, labelExpr: "split(datum.label, '\\n')" } };
  const largest = Math.max(0, ...values.flatMap((v) => [Math.abs(v.ciLow), Math.abs(v.ciHigh)]));
  const low = Math.min(0, ...values.map((v) => v.ciLow));
  const high = Math.max(0, ...values.map((v) => v.ciHigh));
  const place = (d: number): 'left' | 'center' | 'right' => {
    const at = high > low ? (d - low) / (high - low) : 0.5;
    return at < 0.3 ? 'left' : at > 0.7 ? 'right' : 'center';
  };
  for (const v of values) v.align = place(v.difference);
  const axis = quantityAxis(largest);
  // Padding: a dot at 0 or at an interval's end sat on the panel's frame (audit 24, L1).
  const x = { type: 'quantitative', title: nameMultiples(panel.axisTitle), scale: { zero: true, nice: true, padding: 10 }, axis };
  return {
    title: { text: panel.title, fontSize: 12 },
    width: PANEL_WIDTH, height: { step: alternatives.some((a) => a.includes('\n')) ? 38 : 32 },
    data: { values },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#666', strokeDash: [4, 3] }, encoding: { x: { ...x, field: 'zero' } } },
      // Each label is drawn twice: first as a thick white outline, over the dashed zero line and under the
      // data, then as text. Vega's text has no halo or background, and the zero line ran through labels at 0
      // ("worse in 7|7%", chart audit); an outline this thick (3.5 px a side) also fills the gaps between letters.
      ...labelLayers(y, x, HALO),
      { mark: { type: 'rule', color: INK, strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'ciLow' }, x2: { field: 'ciHigh' } } },
      { mark: { type: 'point', filled: true, color: INK, size: 50, opacity: 1 }, encoding: { y, x: { ...x, field: 'difference' } } },
      ...labelLayers(y, x, {}),
    ],
  };
}

/**
 * The labels above the dots, one layer per alignment: labels near an end of the axis grow inwards, so they
 * never run over the axis or the next panel. `paint` adds to the text mark (the white outline drawn under them).
 */
function labelLayers(y: Record<string, unknown>, x: Record<string, unknown>, paint: Record<string, unknown>): Array<Record<string, unknown>> {
  return (['left', 'center', 'right'] as const).map((align) => ({
    transform: [{ filter: `datum.align === '${align}'` }],
    mark: { type: 'text', dy: -11, fontSize: 11, color: '#222', align, dx: align === 'left' ? -4 : align === 'right' ? 4 : 0, ...paint },
    encoding: { y, x: { ...x, field: 'difference' }, text: { field: 'label' } },
  }));
}

/**
 * The axis title with multiples named as the panel titles name them: `× start` for comparison.json's
 * unit `x base` (the axis read "difference, x base" under a title ending "(× start)"), and a true
 * multiplication sign for `x home demand`.
 */
function nameMultiples(axisTitle: string): string {
  return axisTitle.replace(/\bx base\b/g, '× start').replace(/(^|, )x (?=\S)/g, '$1× ');
}
