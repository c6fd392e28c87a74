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
export const PARAM_CITATION = /params\.csv\s+([A-Za-z0-9_]+),([A-Za-z0-9_*/.-]+(?:\s*\([^)]*\))?),(\d{4}[A-Za-z0-9/-]*)/g;
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
  const params = [...new Set(texts.flatMap((t) => [...t.matchAll(PARAM_CITATION)].map((m) => citationKey(m))))];
  const episodes = [...new Set(texts.flatMap((t) => [...t.matchAll(EPISODE_CITATION)].map((m) => m[1])))];
  if (params.length === 0 && episodes.length === 0) return undefined;
  const dir = [resolve(dirname(scenarioPath), '../../shared/data'), resolve('../shared/data')].find((d) => existsSync(join(d, 'params.csv')));
  if (dir === undefined) return undefined;
  const rows = readFileSync(join(dir, 'params.csv'), 'utf8').split(/\r?\n/).slice(1).map(parseCsvLine).filter((f) => f.length >= 6);
  const episodesPath = join(dir, 'episodes.md');
  const titles = new Map(existsSync(episodesPath)
    ? [...readFileSync(episodesPath, 'utf8').matchAll(/^##\s+(VC-\d+):\s*(.+)$/gm)].map((m) => [m[1], m[2].trim()] as const) : []);
  return {
    format: 'crm-sim sources', version: 1,
    files: { params: relative(process.cwd(), join(dir, 'params.csv')), episodes: titles.size > 0 ? relative(process.cwd(), episodesPath) : undefined },
    params: params.map((cited) => {
      const row = findRow(rows, cited);
      return row === undefined ? { cited, found: false } : { cited, found: true, value: row[2], unit: row[3], source: row.slice(5).join(',') };
    }),
    episodes: episodes.map((id) => (titles.has(id) ? { id, found: true, title: titles.get(id) } : { id, found: false })),
  };
}

/**
 * The params.csv row a citation `material,parameter,year` names: the exact row, else the one row
 * whose parameter starts as cited (a citation may shorten the row's note in parentheses) and whose
 * year starts with the cited year (`2002-2023` for `2002-2023 startups`).
 */
function findRow(rows: readonly string[][], cited: string): string[] | undefined {
  const [material, parameter, year] = splitCitation(cited);
  const exact = rows.find((f) => f[0] === material && f[1] === parameter && f[4] === year);
  if (exact !== undefined) return exact;
  const stem = parameter.replace(/\)$/, '');
  const base = parameter.replace(/\s*\(.*$/, '');
  const near = rows.filter((f) => f[0] === material && f[4].startsWith(year) && f[1].replace(/\s*\(.*$/, '') === base);
  return near.find((f) => f[1].startsWith(stem)) ?? (near.length === 1 ? near[0] : undefined);
}

/** `material,parameter,year` → its three parts (the parameter may hold commas inside parentheses). */
function splitCitation(cited: string): [string, string, string] {
  const first = cited.indexOf(',');
  const last = cited.lastIndexOf(',');
  return [cited.slice(0, first), cited.slice(first + 1, last), cited.slice(last + 1)];
}

/**
 * The key of a {@link PARAM_CITATION} match: `material,parameter,year` as cited.
 *
 * @param match - A match of {@link PARAM_CITATION}.
 * @returns The key `sources.json` lists it under.
 * @example
 * citationKey([...'params.csv a,b,2020'.matchAll(PARAM_CITATION)][0]); // 'a,b,2020'
 */
export function citationKey(match: RegExpMatchArray): string {
  return `${match[1]},${match[2].trim()},${match[3]}`;
}

function collectSourceTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(collectSourceTexts);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.source === 'string' ? [record.source] : [];
  return [...own, ...Object.values(record).flatMap(collectSourceTexts)];
}
