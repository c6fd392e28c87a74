import { formatLevel } from './formatLevel.ts';
import { chartFileName } from './chartFileName.ts';
import type { ChartCollector } from './createChartCollector.ts';
import { createSweepSpec } from './createSweepSpec.ts';
import { createTornadoSpec } from './createTornadoSpec.ts';
import { describeMetricId } from './describeMetricId.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatNumber } from './formatNumber.ts';
import type { SweepRow, SweepTable } from './readSweepCsv.ts';
import type { Tornado } from './readTornadoJson.ts';

const MAX_TORNADOS = 3;
const MAX_GRID_METRICS = 4;
const MAX_SLICES = 4;

/**
 * "Sensitivity": tornado charts (which parameters move the result most) and the sweep grid per
 * metric (a heat map over two parameters, a line over one), each with the lowest and highest
 * grid point in words.
 *
 * @param sweep - The grid from `sweep.csv`/`sweep.json`, or undefined.
 * @param tornados - From `tornado.json`, or undefined.
 * @param materialName - Maps material ids to names.
 * @param charts - Collects the charts.
 * @returns The section's HTML.
 * @example
 * html += await renderSweepSection(sweep, tornados, (id) => id, charts);
 */
export async function renderSweepSection(
  sweep: SweepTable | undefined,
  tornados: readonly Tornado[] | undefined,
  materialName: (id: string) => string,
  charts: ChartCollector,
): Promise<string> {
  let html = '';
  for (const [index, tornado] of (tornados ?? []).slice(0, MAX_TORNADOS).entries()) {
    const title = tornado.metric === '' ? 'Which parameters move the result most' : describeMetricId(tornado.metric, materialName);
    const top = tornado.entries[0];
    html += `<p>${escapeHtml(title)}: the largest swing comes from <strong>${escapeHtml(top.parameter)}</strong> ` +
      `(${formatNumber(top.outputLow)} at ${escapeHtml(formatLevel(top.low))}, ${formatNumber(top.outputHigh)} at ${escapeHtml(formatLevel(top.high))}${tornado.unit ? ` ${escapeHtml(tornado.unit)}` : ''}).</p>\n`;
    html += await charts.add(`tornado-${index + 1}`, createTornadoSpec(tornado, title), {
      title: `Tornado chart: ${title}`,
      description: tornado.entries.map((e) => `${e.parameter}: ${formatNumber(e.outputLow)} to ${formatNumber(e.outputHigh)}`).join('; '),
      caption: 'Parameters ranked by how far the result moves between their low and high values.',
    });
  }
  if (sweep !== undefined) html += await renderGrids(sweep, tornados, materialName, charts);
  return html === '' ? '<p>No sweep results in this folder.</p>\n' : html;
}

async function renderGrids(sweep: SweepTable, tornados: readonly Tornado[] | undefined, materialName: (id: string) => string, charts: ChartCollector): Promise<string> {
  const metrics = [...new Set([...(tornados ?? []).map((t) => t.metric), ...sweep.rows.map((r) => r.metric)])]
    .filter((m) => sweep.rows.some((r) => r.metric === m)).slice(0, MAX_GRID_METRICS);
  const [xParameter, yParameter = ''] = sweep.parameters;
  const others = sweep.parameters.slice(2);
  let html = `<p>The sweep ran ${new Set(sweep.rows.map((r) => r.point)).size} grid points over ${sweep.parameters.map((p) => `<code>${escapeHtml(p)}</code>`).join(', ')}.</p>\n`;
  for (const metric of metrics) {
    const rows = sweep.rows.filter((r) => r.metric === metric);
    const slices = [...new Set(rows.map((r) => others.map((o) => `${o}=${r.parameters[o]}`).join(', ')))].slice(0, MAX_SLICES);
    for (const [index, slice] of slices.entries()) {
      const cells = rows.filter((r) => others.map((o) => `${o}=${r.parameters[o]}`).join(', ') === slice);
      const title = describeMetricId(metric, materialName) + (slice === '' ? '' : ` (${slice})`);
      html += `<p>${escapeHtml(extremes(title, cells))}</p>\n`;
      html += await charts.add(`sweep-${chartFileName(metric)}${slices.length > 1 ? `-${index + 1}` : ''}`, createSweepSpec({
        title, unit: sweep.units?.[metric] ?? '', xParameter, yParameter,
        cells: cells.map((r) => ({ x: r.parameters[xParameter], y: yParameter === '' ? '' : r.parameters[yParameter], mean: r.mean, ciLow: r.ciLow, ciHigh: r.ciHigh })),
      }), {
        title: `Sweep: ${title}`,
        description: `Mean of ${title} at each grid point of ${[xParameter, yParameter].filter((p) => p !== '').join(' and ')}.`,
        caption: 'Mean over the runs at each grid point (95% confidence intervals in sweep.csv).',
      });
    }
  }
  return html;
}

function extremes(title: string, cells: readonly SweepRow[]): string {
  const defined = cells.filter((c) => Number.isFinite(c.mean));
  if (defined.length === 0) return `${title}: no defined values.`;
  const at = (c: SweepRow): string => Object.entries(c.parameters).map(([k, v]) => `${k} = ${v}`).join(', ');
  const low = defined.reduce((a, b) => (b.mean < a.mean ? b : a));
  const high = defined.reduce((a, b) => (b.mean > a.mean ? b : a));
  return `${title}: lowest mean ${formatNumber(low.mean)} (95% CI ${formatNumber(low.ciLow)}–${formatNumber(low.ciHigh)}) at ${at(low)}; ` +
    `highest ${formatNumber(high.mean)} (95% CI ${formatNumber(high.ciLow)}–${formatNumber(high.ciHigh)}) at ${at(high)}.`;
}
