import { countRuns } from './countRuns.ts';
import type { FolderKind } from './detectFolderKind.ts';
import { isRecord } from './isRecord.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';

/**
 * The report's title, lead and meta line. A comparison is titled by its reference's name in the
 * report (its title, else its label: applyStrategyTitles.ts); other folders by the scenario's
 * `title:`, else its `name:`.
 *
 * @param kind - The kind of output folder.
 * @param folderName - The folder's base name.
 * @param overview - The (reference) scenario, if known.
 * @param manifest - `manifest.json`, parsed (anything else is ignored).
 * @param reference - A comparison's reference as the report names it, if any.
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
  const named = overview?.title || overview?.name;
  const subject = kind === 'compare' && reference ? reference : named ?? '';
  return {
    title: kind === 'run' ? named || folderName : `${fallback}${subject ? `: ${subject}` : ''}`,
    lead: overview?.description || `${what}: report of the output folder ${folderName}.`,
    meta: `${what} · folder ${folderName}${runs}${seed}${finished}${version}`,
  };
}
