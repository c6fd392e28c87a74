import { countRuns } from './countRuns.ts';
import type { FolderKind } from './detectFolderKind.ts';
import { isRecord } from './isRecord.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';

/**
 * The report's title, lead and meta line. A comparison is titled by its reference's label, the
 * name its tables use (the scenario's `name:` appears beside the label under "The strategies at a
 * glance"); other folders by the scenario's name.
 *
 * @param kind - The kind of output folder.
 * @param folderName - The folder's base name.
 * @param overview - The (reference) scenario, if known.
 * @param manifest - `manifest.json`, parsed (anything else is ignored).
 * @param reference - A comparison's reference label, if any.
 * @returns Title, lead and meta line (plain text).
 * @example
 * describeReportHeading('compare', 'ga-cmp', overview, manifest, 'ga-threat').title; // 'Strategies compared: ga-threat'
 */
export function describeReportHeading(kind: FolderKind, folderName: string, overview: ScenarioOverview | undefined, manifest: unknown, reference?: string): { title: string; lead: string; meta: string } {
  const m = isRecord(manifest) ? manifest : {};
  const what = { run: 'Monte Carlo run', compare: 'Comparison of strategies', sweep: 'Parameter sweep', stress: 'Stress test' }[kind];
  const runs = typeof m.replicates === 'number' ? ` · ${countRuns(m.replicates)}` : '';
  const seed = typeof m.masterSeed === 'number' ? ` · seed ${m.masterSeed}` : '';
  const finished = typeof m.finishedAt === 'string' ? ` · finished ${m.finishedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}` : '';
  const version = typeof m.version === 'string' ? ` · crm-sim ${m.version}` : '';
  const fallback = { run: 'Monte Carlo run', compare: 'Strategies compared', sweep: 'Sensitivity of the results to the swept parameters', stress: 'Stress test: which stage hurts most' }[kind];
  const subject = kind === 'compare' && reference ? reference : overview?.name ?? '';
  return {
    title: kind === 'run' ? overview?.name || folderName : `${fallback}${subject ? `: ${subject}` : ''}`,
    lead: overview?.description || `${what}: report of the output folder ${folderName}.`,
    meta: `${what} · folder ${folderName}${runs}${seed}${finished}${version}`,
  };
}
