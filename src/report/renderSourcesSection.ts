import { collectSources, formatProvenance } from './collectSources.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';
import type { SourcesReading } from './readSourcesJson.ts';
import { replaceEventIds } from './replaceEventIds.ts';
import { eventDescriber } from './eventDescriber.ts';
import { citationKey, EPISODE_CITATION, PARAM_CITATION } from '../outputs/resolveCitedSources.ts';

const WORDS: Record<string, string> = {
  foreignActor: 'foreign actor', endUse: 'end use', basePriceUsdPerTonne: 'base prices', behaviour: 'behaviour (all markets)',
};

/**
 * The appendix "Assumptions and their sources": every `source:`/`asOf:` of the scenario as run,
 * with the part of the scenario it belongs to in words (`NdPr oxide › pipeline project 2`) and
 * its path; figures marked `assumption:` are counted so a reader sees how much rests on judgement.
 *
 * @param overview - The scenario (its parsed document, material and region names).
 * @param cited - `sources.json`: the params.csv rows and episodes cited, resolved at run time.
 * @returns The section's HTML.
 * @example
 * renderSourcesSection(overview);
 */
export function renderSourcesSection(overview: ScenarioOverview, cited?: SourcesReading): string {
  const entries = collectSources(overview.document);
  if (entries.length === 0) return '<p>The scenario names no sources.</p>\n';
  const assumptions = entries.filter((e) => /^\s*"?assumption/i.test(e.source)).length;
  const describe = eventDescriber(overview);
  const ids = overview.events.map((e) => e.id).filter((id) => id !== '');
  const rows = entries.map((e) => `<tr><td>${escapeHtml(describePath(e.path, overview, describe))}<br><code class="note">${escapeHtml(e.path || '(top level)')}</code></td>` +
    `<td>${escapeHtml(replaceEventIds(formatProvenance(e.source, e.asOf), ids, describe))}${renderCitations(e.source, cited)}</td></tr>`);
  return `<p>${entries.length} parts of the scenario name where their figures come from; ${assumptions} of them are ` +
    'stated as assumptions (judgement of the scenario author, not a published figure). Paths are as in ' +
    '<code>scenario.resolved.yaml</code>.</p>\n' + describeCitedFiles(cited) +
    `<table class="sources"><thead><tr><th scope="col">Part of the scenario</th><th scope="col">Source</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>\n`;
}

/** What the folder says about the cited data files. */
function describeCitedFiles(cited: SourcesReading | undefined): string {
  if (cited === undefined) {
    return '<p class="note">This folder has no <code>sources.json</code>, so rows of <code>params.csv</code> and episodes of <code>episodes.md</code> are shown as cited; ' +
      '<code>crm-sim run --report</code> resolves them when the run is made.</p>\n';
  }
  const found = [...cited.params.values()].filter((row) => row !== undefined).length;
  return `<p class="note">Each <code>params.csv</code> row and <code>episodes.md</code> episode cited is resolved below it, with the row’s own source, from ` +
    `<code>sources.json</code> in this folder (read from <code>${escapeHtml(cited.paramsFile || 'params.csv')}</code> when the run was made): ` +
    `${found} of ${cited.params.size} cited rows found.</p>\n`;
}

/** The resolved rows and episodes one source text cites, as a small list (or ''). */
function renderCitations(source: string, cited: SourcesReading | undefined): string {
  if (cited === undefined) return '';
  const items = [
    ...[...source.matchAll(PARAM_CITATION)].map((m) => {
      const key = citationKey(m);
      const row = cited.params.get(key);
      const what = `params.csv ${m[1]} · ${m[2].trim()} · ${m[3]}`;
      return row === undefined ? `${what}: not found in params.csv` : `${what} = ${row.value}${row.unit === '' ? '' : ` ${row.unit}`}; source: ${row.source || '—'}`;
    }),
    ...[...source.matchAll(EPISODE_CITATION)].map((m) => {
      const title = cited.episodes.get(m[1]);
      return `episodes.md ${m[1]}: ${title ?? 'not found in episodes.md'}`;
    }),
  ];
  const unique = [...new Set(items)];
  return unique.length === 0 ? '' : `<ul class="cited">${unique.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function describePath(path: string, overview: ScenarioOverview, describe: (id: string) => string): string {
  if (path === '') return 'The scenario as a whole';
  const parts = path.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if ((part === 'materials' || part === 'regions' || part === 'events') && next !== undefined) {
      words.push(part === 'materials' ? overview.materials.find((m) => m.id === next)?.name ?? next
        : part === 'regions' ? overview.regions.find((r) => r.id === next)?.name ?? next : `event: ${describe(next)}`);
      i++;
      continue;
    }
    const indexed = /^(\w+)\[(\d+)\]$/.exec(part);
    words.push(indexed ? `${WORDS[indexed[1]] ?? indexed[1]} ${indexed[1] === 'pipeline' ? 'project ' : ''}${Number(indexed[2]) + 1}` : WORDS[part] ?? part);
  }
  return words.join(' › ');
}
