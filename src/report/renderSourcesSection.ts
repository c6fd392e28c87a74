import { collectSources, formatProvenance } from './collectSources.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';

const WORDS: Record<string, string> = {
  foreignActor: 'foreign actor', endUse: 'end use', basePriceUsdPerTonne: 'base prices', behaviour: 'behaviour (all markets)',
};

/**
 * The appendix "Assumptions and their sources": every `source:`/`asOf:` of the scenario as run,
 * with the part of the scenario it belongs to in words (`NdPr oxide › pipeline project 2`) and
 * its path; figures marked `assumption:` are counted so a reader sees how much rests on judgement.
 *
 * @param overview - The scenario (its parsed document, material and region names).
 * @returns The section's HTML.
 * @example
 * renderSourcesSection(overview);
 */
export function renderSourcesSection(overview: ScenarioOverview): string {
  const entries = collectSources(overview.document);
  if (entries.length === 0) return '<p>The scenario names no sources.</p>\n';
  const assumptions = entries.filter((e) => /^\s*"?assumption/i.test(e.source)).length;
  const rows = entries.map((e) => `<tr><td>${escapeHtml(describePath(e.path, overview))}<br><code class="note">${escapeHtml(e.path || '(top level)')}</code></td>` +
    `<td>${escapeHtml(formatProvenance(e.source, e.asOf))}</td></tr>`);
  return `<p>${entries.length} parts of the scenario name where their figures come from; ${assumptions} of them are ` +
    'stated as assumptions (judgement of the scenario author, not a published figure). Paths are as in ' +
    '<code>scenario.resolved.yaml</code>.</p>\n' +
    `<table class="sources"><thead><tr><th scope="col">Part of the scenario</th><th scope="col">Source</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>\n`;
}

function describePath(path: string, overview: ScenarioOverview): string {
  if (path === '') return 'The scenario as a whole';
  const parts = path.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if ((part === 'materials' || part === 'regions' || part === 'events') && next !== undefined) {
      words.push(part === 'materials' ? overview.materials.find((m) => m.id === next)?.name ?? next
        : part === 'regions' ? overview.regions.find((r) => r.id === next)?.name ?? next : `event ${next}`);
      i++;
      continue;
    }
    const indexed = /^(\w+)\[(\d+)\]$/.exec(part);
    words.push(indexed ? `${WORDS[indexed[1]] ?? indexed[1]} ${indexed[1] === 'pipeline' ? 'project ' : ''}${Number(indexed[2]) + 1}` : WORDS[part] ?? part);
  }
  return words.join(' › ');
}
