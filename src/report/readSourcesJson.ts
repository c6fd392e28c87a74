import { join } from 'node:path';
import { isRecord } from './isRecord.ts';
import { readJsonFile } from './readJsonFile.ts';

/** The data rows and episodes a scenario cites, as resolved when the run was made (`sources.json`). */
export interface SourcesReading {
  /** Where params.csv was read at run time (e.g. `../shared/data/params.csv`), or ''. */
  paramsFile: string;
  /** `material,parameter,year` as cited → the row's value, unit and source; absent when not found. */
  params: Map<string, { value: string; unit: string; source: string } | undefined>;
  /** `VC-1` → the episode's title; absent when not found. */
  episodes: Map<string, string | undefined>;
}

/**
 * Reads `sources.json` of a run folder (written by `crm-sim run --report` or `--measure-impact`).
 *
 * @param dir - The output folder.
 * @returns The citations, or undefined without the file.
 * @throws ReportInputError when the file is not valid JSON.
 * @example
 * (await readSourcesJson(dir))?.params.get('rare_earths,china_export_quota_cut_2010_vs_2009,2010')?.source;
 */
export async function readSourcesJson(dir: string): Promise<SourcesReading | undefined> {
  const data = await readJsonFile(join(dir, 'sources.json'));
  if (!isRecord(data)) return undefined;
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const params = new Map((Array.isArray(data.params) ? data.params : []).filter(isRecord).filter((p) => typeof p.cited === 'string')
    .map((p) => [p.cited as string, p.found === true ? { value: text(p.value), unit: text(p.unit), source: text(p.source) } : undefined]));
  const episodes = new Map((Array.isArray(data.episodes) ? data.episodes : []).filter(isRecord).filter((e) => typeof e.id === 'string')
    .map((e) => [e.id as string, e.found === true ? text(e.title) : undefined]));
  return { paramsFile: isRecord(data.files) ? text(data.files.params) : '', params, episodes };
}
