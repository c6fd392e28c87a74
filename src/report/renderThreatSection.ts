import type { ChartCollector } from './createChartCollector.ts';
import { createImpactSpec } from './createImpactSpec.ts';
import { createThreatMatrixSpec } from './createThreatMatrixSpec.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatNumber } from './formatNumber.ts';
import type { MeasuredImpact } from './readStressJson.ts';
import { renderTable } from './renderTable.ts';

const STAGE_ORDER = ['discovery', 'mining', 'processing', 'manufacturing', 'endUse', 'recycling'];
const STAGE_NAMES: Record<string, string> = { endUse: 'end use' };

/**
 * "Threat view": the study's capability × intent matrix per life-cycle stage (from the
 * scenario's `foreignActor.threat`) beside a table of scores and, when the folder holds a
 * `stress.json`, the impact measured per stage; otherwise the table says it was not measured.
 *
 * @param threat - Capability and intent per stage (may be empty).
 * @param foreignName - Name of the foreign actor's region.
 * @param impacts - Measured impact per stage, or undefined without `stress.json`.
 * @param charts - Collects the matrix and impact charts.
 * @returns The section's HTML.
 * @example
 * html += await renderThreatSection(overview.threat, 'China', await readStressJson(dir), charts);
 */
export async function renderThreatSection(
  threat: ReadonlyArray<{ stage: string; capability: number; intent: number }>,
  foreignName: string,
  impacts: ReadonlyMap<string, MeasuredImpact> | undefined,
  charts: ChartCollector,
): Promise<string> {
  const stages = [...new Set([...STAGE_ORDER.filter((s) => threat.some((t) => t.stage === s) || impacts?.has(s)), ...threat.map((t) => t.stage)])];
  let html = `<p>The public-private study rates the capability and the intent of ${escapeHtml(foreignName)} to disrupt each stage of the ` +
    'life cycle from 1 (low) to 3 (high); their product is the threat score (1–9). ';
  html += impacts === undefined
    ? 'The measured column is empty: this folder has no <code>stress.json</code> (run <code>crm-sim stress</code> to measure the impact of attacks on each stage).</p>\n'
    : 'The measured column gives the impact measured by the stress test in this folder (<code>stress.json</code>).</p>\n';
  const matrix = threat.length === 0 ? '<p>The scenario states no capability and intent scores.</p>'
    : await charts.add('threat-matrix', createThreatMatrixSpec(threat), {
      title: 'Threat matrix: capability × intent per stage',
      description: threat.map((t) => `${t.stage}: capability ${t.capability}, intent ${t.intent}`).join('; '),
      caption: 'Position of each stage in the study’s capability × intent matrix.',
    });
  const rows = stages.map((stage) => {
    const t = threat.find((x) => x.stage === stage);
    return [STAGE_NAMES[stage] ?? stage, t ? formatNumber(t.capability) : '—', t ? formatNumber(t.intent) : '—', t ? formatNumber(t.capability * t.intent) : '—', measured(impacts?.get(stage), impacts !== undefined)];
  });
  const table = renderTable([{ header: 'Stage' }, { header: 'Capability (study)', numeric: true }, { header: 'Intent (study)', numeric: true }, { header: 'Score (study)', numeric: true }, { header: 'Measured impact' }], rows);
  html += `${matrix}${table.replaceAll('<td>not measured</td>', '<td class="not-measured">not measured</td>')}`;
  if (impacts !== undefined) {
    const first = [...impacts.values()][0];
    const unit = [first.label, first.unit].filter((part) => part !== '').join(', ');
    html += await charts.add('measured-impact', createImpactSpec(stages, impacts, unit), {
      title: 'Measured impact per stage',
      description: [...impacts].map(([stage, i]) => `${stage}: ${formatNumber(i.value)} ${i.unit}`).join('; '),
      caption: 'Impact per stage as measured by the stress test.',
    });
  }
  return html;
}

function measured(impact: MeasuredImpact | undefined, haveStress: boolean): string {
  if (impact === undefined) return haveStress ? 'not in stress.json' : 'not measured';
  const ci = Number.isFinite(impact.ciLow) && Number.isFinite(impact.ciHigh) ? ` (95% CI ${formatNumber(impact.ciLow)}–${formatNumber(impact.ciHigh)})` : '';
  const label = impact.label === '' ? '' : `${impact.label}: `;
  return `${label}${formatNumber(impact.value)}${impact.unit ? ` ${impact.unit}` : ''}${ci}`;
}
