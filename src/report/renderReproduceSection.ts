import { escapeHtml } from './escapeHtml.ts';
import { isRecord } from './isRecord.ts';
import { renderTable } from './renderTable.ts';

/** What {@link renderReproduceSection} is given about the folder. */
export interface ReproduceInput {
  /** Parsed `manifest.json`, or undefined. */
  manifest: unknown;
  /** SHA-256 of `scenario.resolved.yaml` as found in the folder, or undefined without the file. */
  resolvedSha256: string | undefined;
  /** Files of the folder with their sizes in bytes. */
  files: Array<{ name: string; bytes: number }>;
  /** True for a run folder (the resolved scenario can be re-run as it is). */
  isRun: boolean;
}

const LABELS: Record<string, string> = {
  version: 'crm-sim version', gitCommit: 'Code (git commit)', masterSeed: 'Master seed', replicates: 'Runs (replicates)',
  workers: 'Worker threads', ticks: 'Time steps', nodeVersion: 'Node.js', startedAt: 'Started (UTC)', finishedAt: 'Finished (UTC)',
  wallSeconds: 'Wall time, s', command: 'Command',
};

/**
 * "Reproduce this run": the manifest (version, commit, seed, scenario hash and its check against
 * the scenario file in the folder, command), the command that re-runs it, and the folder's files.
 *
 * @param input - Manifest, hash of the scenario file, file list.
 * @returns The section's HTML.
 * @example
 * html += renderReproduceSection({ manifest, resolvedSha256, files, isRun: true });
 */
export function renderReproduceSection(input: ReproduceInput): string {
  const manifest = isRecord(input.manifest) ? input.manifest : undefined;
  if (manifest === undefined) return '<p>This folder has no <code>manifest.json</code>: the run cannot be traced to a code version and seed.</p>\n' + renderFiles(input.files);
  const scenario = isRecord(manifest.scenario) ? manifest.scenario : {};
  const rows: string[][] = [];
  for (const [key, value] of Object.entries(manifest)) {
    if (key === 'scenario' || key === 'tool') continue;
    rows.push([LABELS[key] ?? key, Array.isArray(value) ? value.join(' ') : isRecord(value) ? JSON.stringify(value) : String(value)]);
  }
  if (typeof scenario.path === 'string') rows.splice(2, 0, ['Scenario file', scenario.path]);
  if (typeof scenario.sha256 === 'string') rows.splice(3, 0, ['Scenario SHA-256', `${scenario.sha256} (${hashCheck(scenario.sha256, input.resolvedSha256)})`]);
  let html = renderTable([{ header: 'Field' }, { header: 'Value' }], rows, { className: 'kv' });
  html += renderCommands(manifest, scenario, input.isRun && input.resolvedSha256 !== undefined);
  return html + renderFiles(input.files);
}

function hashCheck(recorded: string, actual: string | undefined): string {
  if (actual === undefined) return 'scenario.resolved.yaml is missing, so it cannot be checked';
  return actual === recorded ? 'matches scenario.resolved.yaml in this folder' : 'does NOT match scenario.resolved.yaml in this folder: the file was changed after the run';
}

function renderCommands(manifest: Record<string, unknown>, scenario: Record<string, unknown>, rerunResolved: boolean): string {
  const seed = manifest.masterSeed;
  const replicates = manifest.replicates;
  const recorded = typeof manifest.command === 'string' ? manifest.command : Array.isArray(manifest.command) ? manifest.command.join(' ') : undefined;
  if (!rerunResolved || typeof seed !== 'number' || typeof replicates !== 'number') {
    return recorded === undefined ? '<p>The manifest does not record the command that produced this folder.</p>\n'
      : `<p>Command as recorded (run it from the repository at the commit above):</p>\n<pre>${escapeHtml(recorded)}</pre>\n`;
  }
  const original = recorded ?? (typeof scenario.path === 'string' ? `npx crm-sim run ${scenario.path} --seed ${seed} --replicates ${replicates}` : undefined);
  let html = '<p>To reproduce the run exactly, check out the commit above and, from this folder, run the scenario as it was resolved ' +
    '(it already contains every <code>--set</code> and <code>--years</code> override); the same seed gives identical results with any number of workers:</p>\n' +
    `<pre>npx crm-sim run scenario.resolved.yaml --seed ${seed} --replicates ${replicates} --out reproduced</pre>\n`;
  if (original !== undefined) html += `<p>${recorded === undefined ? 'Equivalent command from the repository (add the same <code>--set</code> options if any were used)' : 'Command as recorded'}:</p>\n<pre>${escapeHtml(original)}</pre>\n`;
  return html;
}

function renderFiles(files: ReproduceInput['files']): string {
  if (files.length === 0) return '';
  const size = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : bytes >= 1e3 ? `${(bytes / 1e3).toFixed(1)} kB` : `${bytes} B`);
  return '<h3>Files in this folder</h3>\n' + renderTable([{ header: 'File' }, { header: 'Size', numeric: true }], files.map((f) => [f.name, size(f.bytes)]));
}
