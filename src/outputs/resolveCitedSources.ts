import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseCsvLine } from '../report/parseCsvLine.ts';

/** A `params.csv` row a scenario cites, as found (or not) in the data file. */
export interface CitedParameter {
  /** `material,parameter,year` as cited. */
  cited: string;
  found: boolean;
  value?: string;
  unit?: string;
  source?: string;
}

/** What `sources.json` holds: the cited data rows and episodes, resolved when the run was made. */
export interface SourcesFile {
  format: 'crm-sim sources';
  version: 1;
  /** Where the data files were read, relative to the working directory at run time. */
  files: { params?: string; episodes?: string };
  params: CitedParameter[];
  episodes: Array<{ id: string; found: boolean; title?: string }>;
}

/** A `params.csv material,parameter,year` citation in a source text. */
export const PARAM_CITATION = /params\.csv\s+([A-Za-z0-9_]+),([^,;]+?),(\d{4}[A-Za-z0-9-]*)/g;
/** An `episodes.md VC-n` citation in a source text. */
export const EPISODE_CITATION = /episodes\.md\s+(VC-\d+)/g;

/**
 * Resolves the `params.csv material,parameter,year` and `episodes.md VC-n` citations in a
 * scenario's `source:` texts against the shared data folder (`../shared/data` from the working
 * directory or from the scenario's repository), so a report can show the cited row's own source
 * from the output folder alone.
 *
 * @param spec - The resolved scenario (any object tree with `source` strings).
 * @param scenarioPath - The scenario file (to find `../shared/data` from its repository).
 * @returns The resolved citations, or undefined when the scenario cites nothing or no data file is found.
 * @example
 * const sources = resolveCitedSources(loaded.spec, 'scenarios/threat-export-quota.yaml');
 */
export function resolveCitedSources(spec: unknown, scenarioPath: string): SourcesFile | undefined {
  const texts = collectSourceTexts(spec);
  const params = [...new Set(texts.flatMap((t) => [...t.matchAll(PARAM_CITATION)].map((m) => `${m[1]},${m[2].trim()},${m[3]}`)))];
  const episodes = [...new Set(texts.flatMap((t) => [...t.matchAll(EPISODE_CITATION)].map((m) => m[1])))];
  if (params.length === 0 && episodes.length === 0) return undefined;
  const dir = [resolve(dirname(scenarioPath), '../../shared/data'), resolve('../shared/data')].find((d) => existsSync(join(d, 'params.csv')));
  if (dir === undefined) return undefined;
  const rows = new Map<string, string[]>();
  for (const line of readFileSync(join(dir, 'params.csv'), 'utf8').split(/\r?\n/).slice(1)) {
    const f = parseCsvLine(line);
    if (f.length >= 6) rows.set(`${f[0]},${f[1]},${f[4]}`, f);
  }
  const episodesPath = join(dir, 'episodes.md');
  const titles = new Map(existsSync(episodesPath)
    ? [...readFileSync(episodesPath, 'utf8').matchAll(/^##\s+(VC-\d+):\s*(.+)$/gm)].map((m) => [m[1], m[2].trim()] as const) : []);
  return {
    format: 'crm-sim sources', version: 1,
    files: { params: relative(process.cwd(), join(dir, 'params.csv')), episodes: titles.size > 0 ? relative(process.cwd(), episodesPath) : undefined },
    params: params.map((cited) => {
      const row = rows.get(cited);
      return row === undefined ? { cited, found: false } : { cited, found: true, value: row[2], unit: row[3], source: row.slice(5).join(',') };
    }),
    episodes: episodes.map((id) => (titles.has(id) ? { id, found: true, title: titles.get(id) } : { id, found: false })),
  };
}

function collectSourceTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(collectSourceTexts);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.source === 'string' ? [record.source] : [];
  return [...own, ...Object.values(record).flatMap(collectSourceTexts)];
}
