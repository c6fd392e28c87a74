import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from './chartTheme.ts';
import { compactSvgNumbers } from './compactSvgNumbers.ts';
import { escapeHtml } from './escapeHtml.ts';
import { measureTextWidth } from './measureTextWidth.ts';

/** The fields of a vega text item that decide its width. */
interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

/** Measures chart text with DejaVu Sans metrics instead of vega's 0.8-em-per-character guess (no canvas in Node). */
(vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics.width = (item, text) =>
  measureTextWidth(String(text ?? ''), item.fontSize ?? 11, item.fontWeight === 'bold' || Number(item.fontWeight) >= 600);

/** A vega loader that refuses everything: charts carry their data inline and never touch a network or disk. */
const OFFLINE_LOADER = {
  load: () => Promise.reject(new Error('charts must carry inline data')),
  sanitize: () => Promise.reject(new Error('charts must not link resources')),
  http: () => Promise.reject(new Error('no network')),
  file: () => Promise.reject(new Error('no files')),
} as unknown as vega.Loader;

/**
 * Renders a vega-lite spec to SVG in Node: compiled by vega-lite, drawn by vega's headless
 * scenegraph (no browser, no canvas), with the report's theme merged under the spec's own
 * `config`. `title` and `description` become the SVG's `<title>` and `<desc>` for screen readers;
 * coordinates are shortened to a tenth of a pixel.
 *
 * @param spec - A vega-lite spec with inline data.
 * @param title - Accessible name of the chart.
 * @param description - One or two sentences saying what the chart shows.
 * @returns The SVG text.
 * @example
 * const svg = await renderChart(spec, 'NdPr oxide', 'Price fans by segment');
 */
export async function renderChart(spec: TopLevelSpec, title: string, description: string): Promise<string> {
  const themed = { ...spec, description, config: { ...CHART_CONFIG, ...(spec.config ?? {}) } } as unknown as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(themed).spec), { renderer: 'none', loader: OFFLINE_LOADER });
  try {
    const svg = await view.toSVG();
    return compactSvgNumbers(svg).replace(/^<svg([^>]*)>/, (_open, attributes: string) =>
      `<svg${attributes} role="img"><title>${escapeHtml(title)}</title><desc>${escapeHtml(description)}</desc>`);
  } finally {
    view.finalize();
  }
}
