import { describeMetricId } from './describeMetricId.ts';
import { describeParameter, formatParameterValue } from './describeParameter.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatNumber } from './formatNumber.ts';
import { formatQuantity, formatSignedQuantity } from './formatQuantity.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';
import type { SweepRow, SweepTable } from './readSweepCsv.ts';
import type { Tornado } from './readTornadoJson.ts';

/**
 * The answer box at the top of a sweep report: for the sweep's metric (the tornado's, else what home
 * end users receive of the first material the events name) and for the home government's policy
 * cost, the change from the first design point to the last, paired run by run, with its share of
 * the first point's level; then the uncertain parameter that moves the metric most. The report had
 * opened on the tornado, a different analysis, without saying what the grid asked found. Every
 * figure is one the section below shows. '' without a grid of two or more points carrying paired differences.
 *
 * @param sweep - The grid (sweep.csv/sweep.json), or undefined.
 * @param tornados - tornado.json, or undefined.
 * @param overview - The swept scenario, or undefined.
 * @param materialName - Maps material ids to names.
 * @returns HTML, or ''.
 * @example
 * renderSweepAnswerBox(sweep, tornados, overview, name);
 * // '<div class="answer" …>… from government.reversalProbability 0 to 60%: −1,670 t (0.24% of 704,000 t; 95% CI …)'
 */
export function renderSweepAnswerBox(sweep: SweepTable | undefined, tornados: readonly Tornado[] | undefined, overview: ScenarioOverview | undefined, materialName: (id: string) => string): string {
  if (sweep === undefined || overview === undefined) return '';
  const points = [...new Set(sweep.rows.map((r) => r.point))];
  if (points.length < 2) return '';
  const [first, last] = [points[0], points[points.length - 1]];
  const home = overview.homeRegion;
  const named = [...new Set(overview.events.flatMap((e) => (typeof e.fields.material === 'string' ? [e.fields.material] : [])))];
  const metric = [tornados?.[0]?.metric ?? '', ...named.map((m) => `cumulativeConsumption.${m}.endUse.${home}`)].find((id) => id !== '' && sweep.rows.some((r) => r.metric === id));
  const row = (id: string, point: string): SweepRow | undefined => sweep.rows.find((r) => r.metric === id && r.point === point);
  const where = (point: string): string => sweep.parameters.map((p) => `${describeParameter(p, materialName)} ${formatParameterValue(p, row(sweep.rows[0].metric, point)?.parameters[p] ?? '', overview.startYear)}`).join(', ');
  const lines = [metric, `policyCost.${home}`].flatMap((id) => {
    if (id === undefined) return [];
    const [a, b] = [row(id, first), row(id, last)];
    const d = b?.vsFirstPoint;
    if (a === undefined || d === undefined) return [];
    const unit = sweep.units?.[id] ?? (id.startsWith('policyCost') ? 'USD' : 't');
    const share = a.mean !== 0 && Number.isFinite(a.mean) ? `, ${formatNumber(Math.abs(d.meanDifference / a.mean) * 100, 2)}% of ${formatQuantity(a.mean, unit)}` : '';
    const clear = d.ciLow > 0 || d.ciHigh < 0 ? '' : ': not distinguishable from no change with these runs';
    return [`${describeMetricId(id, materialName)}: ${formatSignedQuantity(d.meanDifference, unit)}${share} (95% CI ${formatSignedQuantity(d.ciLow, unit)} to ${formatSignedQuantity(d.ciHigh, unit)}, paired run by run)${clear}`];
  });
  if (lines.length === 0) return '';
  const top = tornados?.[0]?.entries[0];
  const tornado = top === undefined ? '' : `<li>${escapeHtml(`Of the scenario's uncertain parameters, ${describeParameter(top.parameter, materialName)} moves ${describeMetricId(tornados![0].metric, materialName)} most (the tornado below).`)}</li>`;
  return '<div class="answer" id="answer" role="note" aria-label="Answer"><p class="answer-h"><strong>Answer</strong></p>' +
    `<p>${escapeHtml(`From the first design point (${where(first)}) to the last (${where(last)}), over ${points.length} points:`)}</p>` +
    `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}${tornado}</ul>` +
    '<p class="note">A model under its stated assumptions, not forecasts. Every point, its intervals and the other metrics: <a href="#sensitivity">Sensitivity</a>.</p></div>\n';
}
