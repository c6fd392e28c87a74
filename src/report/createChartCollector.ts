import type { TopLevelSpec } from 'vega-lite';
import { convertSvgToPng } from './convertSvgToPng.ts';
import { renderChart } from './renderChart.ts';
import { scopeSvgIds } from './scopeSvgIds.ts';

/** A chart file of the report's `charts/` folder. */
export interface ChartFile {
  /** File name without extension, e.g. `fan-ndpr`. */
  name: string;
  svg: string;
  png: Buffer;
}

/** Renders charts as a report is assembled and keeps them for writing. */
export interface ChartCollector {
  /**
   * Renders a chart to SVG (its PNG converts in the background) and returns its `<figure>`: the
   * SVG inlined, the caption (HTML), and links to the SVG and PNG files in `charts/`.
   */
  add(name: string, spec: TopLevelSpec, options: { title: string; description: string; caption: string }): Promise<string>;
  /** Waits for every PNG and returns all charts in the order added. */
  finish(): Promise<ChartFile[]>;
}

/**
 * Creates a collector of rendered charts. Names must be unique file names (letters, digits, '-').
 *
 * @returns An empty collector.
 * @example
 * const charts = createChartCollector();
 * html += await charts.add('timeline', spec, { title, description, caption });
 * const files = await charts.finish();
 */
export function createChartCollector(): ChartCollector {
  const charts: Array<{ name: string; svg: string; png: Promise<Buffer> }> = [];
  return {
    async add(name, spec, { title, description, caption }) {
      if (!/^[a-z0-9-]+$/.test(name) || charts.some((c) => c.name === name)) throw new Error(`chart name '${name}' is not a unique file name`);
      const svg = await renderChart(spec, title, description);
      const png = convertSvgToPng(svg);
      png.catch(() => undefined);
      charts.push({ name, svg, png });
      return `<figure class="chart" id="fig-${name}">${scopeSvgIds(svg, name)}<figcaption>${caption} ` +
        `<span class="files">Files: <a href="charts/${name}.svg">SVG</a> · <a href="charts/${name}.png">PNG</a></span></figcaption></figure>\n`;
    },
    async finish() {
      return Promise.all(charts.map(async (c) => ({ name: c.name, svg: c.svg, png: await c.png })));
    },
  };
}
