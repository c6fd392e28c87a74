/**
 * Crash safety of `crm-sim run --resume DIR`: a resumable run is killed with SIGKILL at a random
 * moment within the time an uninterrupted run takes on this machine (sometimes its first resume
 * too), then `crm-sim run --resume DIR` finishes it; the
 * folder must always end byte-identical (every file but manifest.json) to an uninterrupted run,
 * and must never be seen half-written. RESUME_KILLS sets the number of trials (3 in CI, 8 locally
 * by default); RESUME_SEED replays the random kill times.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { SOURCE_SHA256 } from '../../src/runtime/sourceFingerprint.ts';
import { runCli } from './runCli.ts';
import { readFolderWithoutManifest, SMALL_SETS } from './smallRun.ts';

const TRIALS = Number(process.env.RESUME_KILLS ?? (process.env.CI ? 3 : 8));
const SEED = Number(process.env.RESUME_SEED ?? Date.now() % 100_000);
const SETS = SMALL_SETS.flatMap((s) => ['--set', s]);
// Output options too: `run --resume DIR` alone must apply the ones the run was started with.
const RUN = ['scenarios/baseline.yaml', '--replicates', '5', '--seed', '31', '--workers', '1', '--quiet', ...SETS, '--exceed', 'maxShortfallShare.ndpr>0.5%', '--format', 'parquet'];
const dir = mkdtempSync(join(tmpdir(), 'crm-sim-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small deterministic generator of kill times (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the CLI in one process (no wrapper, so SIGKILL reaches the run itself), killing it after `ms`. */
function runAndKill(args: string[], ms: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  return new Promise((resolve) => child.on('exit', (code, signal) => {
    clearTimeout(timer);
    resolve(signal ?? String(code));
  }));
}

/** The folder is absent or complete, never partly written. */
function expectAbsentOrComplete(out: string): void {
  if (existsSync(out)) expect(readdirSync(out)).toContain('manifest.json');
}

describe(`crm-sim run --resume after SIGKILL (${TRIALS} trials, RESUME_SEED=${SEED})`, () => {
  it('always ends in the bytes of an uninterrupted run', async () => {
    const reference = join(dir, 'reference');
    const started = performance.now();
    expect(runCli(['run', ...RUN, '--out', reference]).status).toBe(0);
    // Kill times are drawn inside the uninterrupted run's duration: fixed times missed every run
    // on a fast machine, and then nothing here tested a kill.
    const runMs = performance.now() - started;
    const killTime = (draw: number) => runMs * (0.1 + 0.8 * draw);
    const expected = await readFolderWithoutManifest(reference);
    const next = random(SEED);
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const out = join(dir, `run-${trial}`);
      outcomes.push(await runAndKill(['run', ...RUN, '--resume', out], killTime(next())));
      expectAbsentOrComplete(out);
      // Killed before it recorded the run, only the full command can start it again.
      const resume = () => (existsSync(join(`${out}.parts`, 'run.json')) ? ['run', '--resume', out, '--workers', '1', '--quiet'] : ['run', ...RUN, '--resume', out]);
      if (next() < 0.4) {
        outcomes.push(await runAndKill(resume(), killTime(next())));
        expectAbsentOrComplete(out);
      }
      const resumed = runCli(resume());
      expect({ status: resumed.status, stderr: resumed.stderr }).toEqual({ status: 0, stderr: '' });
      expect(resumed.stdout).toBe(`${out}\n`);
      expect(await readFolderWithoutManifest(out)).toEqual(expected);
      expect(existsSync(`${out}.parts`)).toBe(false);
      expect(readdirSync(dir).filter((name) => name.startsWith(`.run-${trial}.`))).toEqual([]); // no temporary of a killed merge
    }
    expect(outcomes).toContain('SIGKILL');
  }, 60_000 + TRIALS * 60_000); // past the timeout the body would run on while afterAll removes its folder

  it('refuses to resume a folder with another run, and resume without a record', () => {
    const out = join(dir, 'other');
    expect(runCli(['run', ...RUN, '--resume', out]).status).toBe(0);
    expect(runCli(['run', '--resume', out, '--quiet']).stdout).toBe(`${out}\n`); // finished: nothing to do
    const fresh = join(dir, 'fresh');
    const nothing = runCli(['run', '--resume', fresh]);
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toMatch(/nothing to resume there/);
    const record = { scenarioPath: 'scenarios/baseline.yaml', sets: [], replicates: 5, masterSeed: 31, parts: 5, sha256: 'another scenario' };
    mkdirSync(`${fresh}.parts`);
    writeFileSync(join(`${fresh}.parts`, 'run.json'), JSON.stringify(record));
    const other = runCli(['run', ...RUN, '--resume', fresh]);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/holds another run: its scenario differs \(SHA-256 another scenario there, [0-9a-f]{64} now\)/);
  });

  it('applies the output options recorded at the start when resumed without them, and records the starting and the resuming command', async () => {
    const out = join(dir, 'recorded-outputs');
    const reference = join(dir, 'recorded-outputs-reference');
    const options = ['--exceed', 'maxShortfallShare.ndpr>0.5%', '--format', 'parquet', '--measure-impact', '--impact-replicates', '2'];
    const run = ['scenarios/threat-export-quota.yaml', '--replicates', '3', '--seed', '5', '--workers', '1', '--quiet', ...SETS];
    expect(runCli(['run', ...run, ...options, '--out', reference]).status).toBe(0);
    const { sha256 } = loadScenario('scenarios/threat-export-quota.yaml', { set: SMALL_SETS });
    const commandLine = ['crm-sim', 'run', ...run, ...options, '--resume', out];
    const outputs = { parquet: true, keepSeries: false, exceed: ['maxShortfallShare.ndpr>0.5%'], measureImpact: true, impactReplicateCap: 2, report: false, commandLine };
    // As a kill in its first second leaves it: recorded, no part finished.
    mkdirSync(`${out}.parts`);
    writeFileSync(join(`${out}.parts`, 'run.json'), JSON.stringify({ scenarioPath: 'scenarios/threat-export-quota.yaml', sets: SMALL_SETS, replicates: 3, masterSeed: 5, parts: 2, sha256, sourceSha256: SOURCE_SHA256, outputs }));
    expect(runCli(['run', '--resume', out, '--workers', '1', '--quiet']).status).toBe(0);
    const files = await readFolderWithoutManifest(out);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['impact.json', 'impact.csv', 'impact-monthly.csv', 'series.parquet', 'replicates.parquet']));
    expect(files).toEqual(await readFolderWithoutManifest(reference));
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.commandLine).toEqual(commandLine);
    expect(manifest.resumeCommandLines).toEqual([['crm-sim', 'run', '--resume', out, '--workers', '1', '--quiet']]);
    expect(manifest.exceed).toEqual(['maxShortfallShare.ndpr>0.5%']);
    // The Parquet files carry what identifies the results, no command line (they stay byte-identical to the reference's, above).
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(join(out, 'series.parquet')));
    const identity = JSON.parse(metadata.key_value_metadata?.find((entry) => entry.key === 'crm-sim.manifest')?.value ?? '{}');
    expect(Object.keys(identity)).not.toEqual(expect.arrayContaining(['commandLine']));
    expect(Object.keys(identity)).not.toEqual(expect.arrayContaining(['resumeCommandLines']));
  });

  it('lets an output option given again on resume replace the recorded one', async () => {
    const out = join(dir, 'option-again');
    const { sha256 } = loadScenario('scenarios/baseline.yaml', { set: SMALL_SETS });
    const outputs = { parquet: true, keepSeries: false, exceed: ['maxShortfallShare.ndpr>0.5%'], measureImpact: false, report: false, commandLine: ['crm-sim', 'run'] };
    mkdirSync(`${out}.parts`);
    writeFileSync(join(`${out}.parts`, 'run.json'), JSON.stringify({ scenarioPath: 'scenarios/baseline.yaml', sets: SMALL_SETS, replicates: 2, masterSeed: 3, parts: 2, sha256, sourceSha256: SOURCE_SHA256, outputs }));
    // Killed once after its start, resumed with other output options: the manifest names the start and both resumes, in order.
    const again = ['run', '--resume', out, '--format', 'csv', '--exceed', 'maxShortfallShare.dy>0.5%', '--workers', '1', '--quiet'];
    const killed = ['run', '--resume', out, '--workers', '1', '--quiet'];
    writeFileSync(join(`${out}.parts`, 'run.json'), JSON.stringify({ scenarioPath: 'scenarios/baseline.yaml', sets: SMALL_SETS, replicates: 2, masterSeed: 3, parts: 2, sha256, sourceSha256: SOURCE_SHA256,
      outputs: { ...outputs, resumeCommandLines: [['crm-sim', ...killed]] } }));
    expect(runCli(again).status).toBe(0);
    expect(readdirSync(out).filter((name) => name.endsWith('.parquet'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.exceed).toEqual(['maxShortfallShare.dy>0.5%']);
    expect(manifest.commandLine).toEqual(['crm-sim', 'run']);
    expect(manifest.resumeCommandLines).toEqual([['crm-sim', ...killed], ['crm-sim', ...again]]);
  });

  it('renders the report a run started with --report asked for, when killed between its final merge and the report', async () => {
    const out = join(dir, 'report-after-kill');
    const run = ['scenarios/baseline.yaml', '--replicates', '2', '--seed', '3', '--workers', '1', '--quiet', ...SETS];
    // The finished folder as the merge left it, and the parts folder whose record asks for a report.
    expect(runCli(['run', ...run, '--out', out]).status).toBe(0);
    const { sha256 } = loadScenario('scenarios/baseline.yaml', { set: SMALL_SETS });
    const outputs = { parquet: false, keepSeries: false, exceed: [], measureImpact: true, report: true, commandLine: ['crm-sim', 'run', ...run, '--report', '--resume', out] };
    mkdirSync(`${out}.parts`);
    writeFileSync(join(`${out}.parts`, 'run.json'), JSON.stringify({ scenarioPath: 'scenarios/baseline.yaml', sets: SMALL_SETS, replicates: 2, masterSeed: 3, parts: 2, sha256, sourceSha256: SOURCE_SHA256, outputs }));
    const resumed = runCli(['run', '--resume', out, '--quiet']);
    expect(resumed.status).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(existsSync(`${out}.parts`)).toBe(false);
  });

  it('refuses to add parts run by changed code to those of the code that started the run', () => {
    const out = join(dir, 'changed-code');
    const sha256 = loadScenario('scenarios/baseline.yaml', { set: SMALL_SETS }).sha256;
    const started = { scenarioPath: 'scenarios/baseline.yaml', sets: SMALL_SETS, replicates: 5, masterSeed: 31, parts: 5, sha256, sourceSha256: 'f'.repeat(64) };
    mkdirSync(`${out}.parts`);
    writeFileSync(join(`${out}.parts`, 'run.json'), JSON.stringify(started));
    const refused = runCli(['run', ...RUN, '--resume', out]);
    expect(refused.stderr).toMatch(/the code changed since .*changed-code\.parts was started \(sources f{64} there, [0-9a-f]{64} now\)/);
    expect(refused.status).toBe(2);
    expect(existsSync(out)).toBe(false);
    // The same record with this code's fingerprint resumes.
    writeFileSync(join(`${out}.parts`, 'run.json'), JSON.stringify({ ...started, sourceSha256: SOURCE_SHA256 }));
    expect(runCli(['run', ...RUN, '--resume', out]).status).toBe(0);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  });
});
