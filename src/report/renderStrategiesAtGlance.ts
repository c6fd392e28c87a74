import { describeEvent, eventCategory } from './describeEvent.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatLastMonthBefore, formatScenarioDate } from './formatScenarioDate.ts';
import type { EventOverview, ScenarioOverview } from './readScenarioOverview.ts';

/** One compared strategy: the name the report gives it and its resolved scenario (undefined when the file is missing). */
export interface StrategyScenario {
  /** Its name in the report: its scenario's title, or its label in comparison.json (`applyStrategyTitles.ts`). */
  label: string;
  /** Its label in comparison.json and its files (`<file>.resolved.yaml`), when the report names it otherwise. */
  file?: string;
  overview: ScenarioOverview | undefined;
}

/**
 * "The strategies at a glance": per strategy its name (with the label comparison.csv uses and the scenario's `name:` once, where they differ), its description, the events that set it apart from
 * the reference (for the reference: all its events), each in words with its source, and the
 * scenario's own source, so a reader knows what was compared before reading the differences.
 *
 * @param reference - The reference strategy.
 * @param alternatives - The alternatives, in comparison order.
 * @param materialName - Maps material ids to names.
 * @returns HTML: one block per strategy.
 * @example
 * html += renderStrategiesAtGlance(reference, alternatives, (id) => id);
 */
export function renderStrategiesAtGlance(reference: StrategyScenario, alternatives: readonly StrategyScenario[], materialName: (id: string) => string): string {
  const base = new Map((reference.overview?.events ?? []).map((e) => [e.id, JSON.stringify(e.fields)]));
  let html = renderStrategy(reference, 'reference', reference.overview?.events ?? [], 'Events', materialName);
  for (const alternative of alternatives) {
    const own = (alternative.overview?.events ?? []).filter((e) => base.get(e.id) !== JSON.stringify(e.fields));
    const dropped = [...base.keys()].filter((id) => !(alternative.overview?.events ?? []).some((e) => e.id === id));
    html += renderStrategy(alternative, 'alternative', own, 'Added or changed against the reference', materialName,
      dropped.length > 0 ? `Leaves out the reference's ${dropped.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')}.` : '');
  }
  return html;
}

function renderStrategy(strategy: StrategyScenario, role: string, events: readonly EventOverview[], heading: string, materialName: (id: string) => string, extra = ''): string {
  const o = strategy.overview;
  // The report names strategies by title (else label); the files' label and the scenario's own `name:` are given here once where they differ.
  const file = strategy.file ?? strategy.label;
  const labelled = file !== strategy.label ? `; <code>${escapeHtml(file)}</code> in comparison.csv and the folder's files` : '';
  const named = o !== undefined && o.name !== '' && o.name !== file && o.name !== strategy.label ? `; the scenario’s name: “${escapeHtml(o.name)}”` : '';
  let html = `<div class="callout strategy"><h3>${escapeHtml(strategy.label)} <span class="note">(${role}${labelled}${named})</span></h3>\n`;
  if (o === undefined) return `${html}<p class="note">Its resolved scenario (${escapeHtml(file)}.resolved.yaml) is not in this folder.</p></div>\n`;
  if (o.description !== '') html += `<p>${escapeHtml(o.description)}</p>\n`;
  if (events.length === 0) html += `<p class="note">${role === 'reference' ? 'No scripted events.' : 'No events of its own: it differs from the reference only in settings.'}</p>\n`;
  else {
    html += `<p><strong>${escapeHtml(heading)}:</strong></p><ul>${events.map((e) => `<li>${escapeHtml(describeEvent(e, materialName) + timing(e, o.startYear))} ` +
      `<span class="note">(${escapeHtml(eventCategory(e.kind))}, <code>${escapeHtml(e.id)}</code>${sourceOf(e.fields)})</span></li>`).join('')}</ul>\n`;
  }
  if (extra !== '') html += `<p>${extra}</p>\n`;
  const source = sourceOf(o.document);
  if (source !== '') html += `<p class="note">Scenario ${source.slice(2)}</p>\n`;
  return `${html}</div>\n`;
}

/** `; source: …, as of …` of a record that has them, else ''. */
function sourceOf(record: Record<string, unknown>): string {
  const source = typeof record.source === 'string' ? record.source : '';
  const asOf = typeof record.asOf === 'string' || typeof record.asOf === 'number' ? String(record.asOf) : '';
  if (source === '' && asOf === '') return '';
  return `; ${escapeHtml(source === '' ? '' : `source: ${source}`)}${asOf === '' ? '' : escapeHtml(`${source === '' ? '' : ', '}as of ${asOf}`)}`;
}

/** `, from Jan 2026 to Jun 2027` (years since the start turned into dates; the end is the last month in force), '' without a start. */
function timing(e: EventOverview, startYear: number): string {
  if (!Number.isFinite(e.start) || !Number.isFinite(startYear)) return '';
  return `, from ${formatScenarioDate(startYear, e.start)}${Number.isFinite(e.end) ? ` to ${formatLastMonthBefore(startYear, e.end)}` : ''}`;
}
