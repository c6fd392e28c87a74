import { escapeHtml } from './escapeHtml.ts';
import { isRecord } from './isRecord.ts';
import { renderTable } from './renderTable.ts';

/** What {@link renderReproduceSection} is given about the folder. */
export interface ReproduceInput {
  /** Parsed `manifest.json`, or undefined. */
  manifest: unknown;
  /** SHA-256 of each `*.resolved.yaml` found in the folder, by file name. */
  resolvedHashes: Record<string, string>;
  /** Files of the folder with their sizes in bytes. */
  files: Array<{ name: string; bytes: number }>;
  /** True for a run folder (the resolved scenario can be re-run as it is). */
  isRun: boolean;
}

const LABELS: Record<string, string> = {
  version: 'crm-sim version', gitCommit: 'Code (git commit)', sourceSha256: 'Code (SHA-256 of its sources)', masterSeed: 'Master seed', replicates: 'Runs (replicates)',
  workers: 'Worker threads', ticks: 'Time steps', nodeVersion: 'Node.js', platform: 'Platform (OS-CPU)', packageLockSha256: 'Dependencies (SHA-256 of package-lock.json)', startedAt: 'Started (UTC)', finishedAt: 'Finished (UTC)',
  wallSeconds: 'Wall time, s', command: 'Command', commandLine: 'Command line', arms: 'Scenarios run (arms)',
  overrides: 'Overrides (--set, --years)', exceed: 'Exceedance conditions (--exceed)', threadsPerReplicate: 'Threads per replicate', workersRequested: 'Worker threads asked for',
  strippedEvents: 'Threat events removed (stress --strip-events)', shardGitCommits: 'Shards’ git commits (replicate order)',
  mergeSourceSha256: 'Code that merged the shards (SHA-256 of its sources: it computed the statistics)',
};

/**
 * "Reproduce this run": the manifest (version, commit, seed, scenario hash checked against the
 * scenario file in the folder, command line, and those that resumed a resumed run), every scenario of a compare, sweep or stress folder
 * with its hash checked against its `<label>.resolved.yaml`, the command that re-runs it, and the
 * folder's files.
 *
 * @param input - Manifest, hashes of the scenario files, file list.
 * @returns The section's HTML.
 * @example
 * html += renderReproduceSection({ manifest, resolvedHashes, files, isRun: true });
 */
export function renderReproduceSection(input: ReproduceInput): string {
  const manifest = isRecord(input.manifest) ? input.manifest : undefined;
  if (manifest === undefined) return '<p>This folder has no <code>manifest.json</code>: the run cannot be traced to a code version and seed.</p>\n' + renderFiles(input.files);
  const scenario = isRecord(manifest.scenario) ? manifest.scenario : {};
  const rows: string[][] = [];
  for (const [key, value] of Object.entries(manifest)) {
    if (key === 'scenario' || key === 'tool' || key === 'scenarios' || key === 'commandLine' || key === 'resumeCommandLines' || (key === 'command' && manifest.commandLine !== undefined)) continue;
    const list = (items: unknown[]) => (items.length === 0 ? 'none' : items.map(String).join(' '));
    rows.push([LABELS[key] ?? key, key === 'commandLine' && Array.isArray(value) ? shellJoin(value) : Array.isArray(value) ? list(value) : isRecord(value) ? JSON.stringify(value) : String(value)]);
  }
  // The scenario's rows go right after the code's (version, commit, sources' SHA-256 where recorded).
  const codeRows = ['version', 'gitCommit', 'sourceSha256'].filter((key) => key in manifest).length;
  if (typeof scenario.path === 'string') rows.splice(codeRows, 0, ['Scenario file', scenario.path]);
  if (typeof scenario.sha256 === 'string') rows.splice(codeRows + (typeof scenario.path === 'string' ? 1 : 0), 0, ['Scenario SHA-256', `${scenario.sha256} (${hashCheck(scenario.sha256, input.resolvedHashes, 'scenario.resolved.yaml')})`]);
  let html = renderTable([{ header: 'Field' }, { header: 'Value' }], rows, { className: 'kv' });
  html += renderScenarios(manifest, input.resolvedHashes);
  html += renderCommands(manifest, scenario, input.resolvedHashes, input.files, input.isRun && input.resolvedHashes['scenario.resolved.yaml'] !== undefined);
  return html + renderFiles(input.files);
}

/** Checks a recorded hash against the expected file, else against any resolved scenario in the folder. */
function hashCheck(recorded: string, hashes: Record<string, string>, expected: string): string {
  const actual = hashes[expected];
  if (actual === recorded) return `matches ${expected} in this folder`;
  const other = Object.keys(hashes).find((name) => hashes[name] === recorded);
  if (other !== undefined) return `matches ${other} in this folder`;
  if (actual !== undefined) return `does NOT match ${expected} in this folder: the file was changed after the run`;
  return `${expected} is not in this folder, so it cannot be checked`;
}

/** The manifest's `scenarios[]` (compare arms, sweep base and points, stress base) with each hash checked. */
function renderScenarios(manifest: Record<string, unknown>, hashes: Record<string, string>): string {
  if (!Array.isArray(manifest.scenarios) || manifest.scenarios.length === 0) return '';
  const perLabel = manifest.command === 'compare';
  const rows = manifest.scenarios.filter(isRecord).map((s, index) => {
    const label = String(s.label ?? `#${index + 1}`);
    const sha = typeof s.sha256 === 'string' ? s.sha256 : '';
    const expected = perLabel ? `${label}.resolved.yaml` : 'scenario.resolved.yaml';
    let check = sha === '' ? 'no hash recorded' : hashCheck(sha, hashes, expected);
    if (!perLabel && hashes[expected] !== undefined && hashes[expected] !== sha && !Object.values(hashes).includes(sha)) {
      check = 'not saved as a file (the base scenario with this point’s values, in sweep.json)';
    }
    return [label, String(s.path ?? ''), sha, check];
  });
  return `<h3>Scenarios run</h3>\n` + renderTable([{ header: 'Label' }, { header: 'Scenario file' }, { header: 'SHA-256 of the resolved scenario' }, { header: 'Check' }], rows, { className: 'scenarios' });
}

/** Joins arguments into a command line a POSIX shell reads back the same (quotes where needed). */
function shellJoin(args: readonly unknown[]): string {
  return args.map(String).map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/**
 * A compare folder whose every arm's `<label>.resolved.yaml` is here, unchanged: the command that
 * compares those files again (their labels come back without `.resolved`), else undefined.
 */
function compareFromFolder(manifest: Record<string, unknown>, hashes: Record<string, string>, folderFiles: ReproduceInput['files']): string | undefined {
  if (manifest.command !== 'compare' || !Array.isArray(manifest.scenarios) || typeof manifest.masterSeed !== 'number' || typeof manifest.replicates !== 'number') return undefined;
  const arms = manifest.scenarios.filter(isRecord);
  if (arms.length < 2 || arms.length !== manifest.scenarios.length) return undefined;
  const scenarioFiles = arms.map((arm) => `${String(arm.label)}.resolved.yaml`);
  if (arms.some((arm, i) => typeof arm.sha256 !== 'string' || hashes[scenarioFiles[i]] !== arm.sha256)) return undefined;
  // replicates.parquet is written only with --format parquet: the command asks for it again.
  const parquet = folderFiles.some((file) => file.name === 'replicates.parquet') ? ['--format', 'parquet'] : [];
  const report = Array.isArray(manifest.commandLine) && manifest.commandLine.includes('--report') ? ['--report'] : [];
  return shellJoin(['npx', 'crm-sim', 'compare', ...scenarioFiles, '--seed', String(manifest.masterSeed), '--replicates', String(manifest.replicates), ...parquet, ...report, '--out', 'reproduced']);
}

function renderCommands(manifest: Record<string, unknown>, scenario: Record<string, unknown>, hashes: Record<string, string>, folderFiles: ReproduceInput['files'], rerunResolved: boolean): string {
  const seed = manifest.masterSeed;
  const replicates = manifest.replicates;
  const recorded = Array.isArray(manifest.commandLine) ? shellJoin(manifest.commandLine)
    : Array.isArray(manifest.command) ? shellJoin(manifest.command) : undefined;
  if (!rerunResolved || typeof seed !== 'number' || typeof replicates !== 'number') {
    const fromFolder = compareFromFolder(manifest, hashes, folderFiles);
    if (fromFolder !== undefined && recorded !== undefined) {
      return '<p>To reproduce the comparison exactly, check out the commit above and, from this folder, compare the scenarios as they were resolved ' +
        '(each already contains every <code>--set</code> and <code>--years</code> override; the arms keep their labels); the same seed gives identical files with any number of workers ' +
        '(<code>comparison.json</code> then names these files as the arms’ paths):</p>\n' +
        `<pre>${escapeHtml(fromFolder)}</pre>\n<p>Command as recorded (run it from the repository at the commit above):</p>\n<pre>${escapeHtml(recorded)}</pre>\n`;
    }
    if (recorded !== undefined) return `<p>Command as recorded (run it from the repository at the commit above):</p>\n<pre>${escapeHtml(recorded)}</pre>\n`;
    const equivalent = equivalentCommand(manifest);
    return equivalent === undefined ? '<p>The manifest does not record the command line that produced this folder.</p>\n'
      : `<p>The manifest records only the command name; an equivalent command from the repository at the commit above:</p>\n<pre>${escapeHtml(equivalent)}</pre>\n`;
  }
  const exceed = [...exceedArguments(manifest), ...outputArguments(manifest.commandLine)];
  const equivalent = typeof scenario.path === 'string'
    ? shellJoin(['npx', 'crm-sim', 'run', scenario.path, ...overrideArguments(manifest), '--seed', String(seed), '--replicates', String(replicates), ...exceed]) : undefined;
  let html = '<p>To reproduce the run exactly, check out the commit above (a run of the same code, uncommitted changes included, names the same SHA-256 of its sources in its <code>manifest.json</code>) and, from this folder, run the scenario as it was resolved ' +
    '(it already contains every <code>--set</code> and <code>--years</code> override); the same seed gives identical results with any number of workers:</p>\n' +
    `<pre>${escapeHtml(shellJoin(['npx', 'crm-sim', 'run', 'scenario.resolved.yaml', '--seed', String(seed), '--replicates', String(replicates), ...exceed, '--out', 'reproduced']))}</pre>\n`;
  if (equivalent !== undefined) html += `<p>Equivalent command from the repository:</p>\n<pre>${escapeHtml(equivalent)}</pre>\n`;
  // A merged or queue-collected folder records the merge or collect, which does not define the run.
  if (recorded !== undefined) html += renderRecordedCommands(recorded, manifest.resumeCommandLines);
  return html;
}

/** The recorded command; for a resumed run, the one that started the folder and those that resumed it, in order. */
function renderRecordedCommands(recorded: string, resumes: unknown): string {
  const later = Array.isArray(resumes) ? resumes.filter(Array.isArray).map(shellJoin) : [];
  if (later.length === 0) return `<p>Command that wrote this folder, as recorded:</p>\n<pre>${escapeHtml(recorded)}</pre>\n`;
  return `<p>Command that started this folder, as recorded:</p>\n<pre>${escapeHtml(recorded)}</pre>\n` +
    `<p>${later.length === 1 ? 'Resumed by this command, which finished the run' : `Resumed by these ${later.length} commands, in order; the last finished the run`} (output options it gives replace the first command’s):</p>\n` +
    `<pre>${escapeHtml(later.join('\n'))}</pre>\n`;
}

/** The manifest's overrides as command-line options: `--set path=value`, and `years=Y` as `--years Y`. */
function overrideArguments(manifest: Record<string, unknown>): string[] {
  const overrides = Array.isArray(manifest.overrides) ? manifest.overrides.map(String) : [];
  return overrides.flatMap((text) => (text.startsWith('years=') ? ['--years', text.slice('years='.length)] : ['--set', text]));
}

/** The manifest's `--exceed` conditions as options (they add to summary.json, so a reproduction needs them). */
function exceedArguments(manifest: Record<string, unknown>): string[] {
  return Array.isArray(manifest.exceed) ? manifest.exceed.flatMap((condition) => ['--exceed', String(condition)]) : [];
}

/** Options of `run` that decide which files a folder holds (not its figures): without them a reproduction lacks files this one has. */
const OUTPUT_FLAGS: ReadonlySet<string> = new Set(['--report', '--measure-impact', '--keep-series']);
const OUTPUT_OPTIONS: ReadonlySet<string> = new Set(['--format', '--impact-replicates']);

/**
 * The recorded command line's output options, in the order typed: `--report`, `--measure-impact`,
 * `--keep-series`, `--format F`, `--impact-replicates N` (also as `--option=value`). A reproduction
 * without `--report` writes no impact.json or report (user audit, session 35).
 */
function outputArguments(commandLine: unknown): string[] {
  if (!Array.isArray(commandLine)) return [];
  const args = commandLine.map(String);
  return args.flatMap((arg, i) => {
    if (OUTPUT_FLAGS.has(arg)) return [arg];
    if (OUTPUT_OPTIONS.has(arg) && i + 1 < args.length) return [arg, args[i + 1]];
    const [name, value] = arg.split(/=(.*)/s, 2);
    return value !== undefined && OUTPUT_OPTIONS.has(name) ? [name, value] : [];
  });
}

/** A compare folder of an older manifest (command name only): the command rebuilt from its scenario paths, seed and runs. */
function equivalentCommand(manifest: Record<string, unknown>): string | undefined {
  if (manifest.command !== 'compare' || !Array.isArray(manifest.scenarios)) return undefined;
  const paths = manifest.scenarios.filter(isRecord).map((s) => String(s.path ?? ''));
  if (paths.length < 2 || paths.includes('')) return undefined;
  return shellJoin(['npx', 'crm-sim', 'compare', ...paths, ...overrideArguments(manifest), '--seed', String(manifest.masterSeed), '--replicates', String(manifest.replicates)]);
}

function renderFiles(files: ReproduceInput['files']): string {
  if (files.length === 0) return '';
  const size = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : bytes >= 1e3 ? `${(bytes / 1e3).toFixed(1)} kB` : `${bytes} B`);
  return '<h3>Files in this folder</h3>\n' + renderTable([{ header: 'File' }, { header: 'Size', numeric: true }], files.map((f) => [f.name, size(f.bytes)]));
}
