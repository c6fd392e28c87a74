/**
 * `run --resume DIR` on a finished DIR with output options the run did not have: they act only at
 * the final merge, so they cannot be applied any more. It used to say "complete already" and exit 0
 * without them; it must refuse (exit 2) naming the options and the missing files, and change nothing.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';
import { SMALL_SETS } from './smallRun.ts';

const root = mkdtempSync(join(tmpdir(), 'crm-sim-resume-finished-'));
const dir = join(root, 'run');
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(() => {
  const started = runCli(['run', 'scenarios/baseline.yaml', '--resume', dir, '--replicates', '2', '--workers', '0', '--quiet',
    ...SMALL_SETS.flatMap((s) => ['--set', s])]);
  expect(started.status, started.stderr).toBe(0);
});

describe('run --resume on a finished run folder', () => {
  it('refuses output options the finished run lacks, naming them and their files, and leaves the folder as it was', () => {
    const before = readdirSync(dir).sort();
    const result = runCli(['run', '--resume', dir, '--format', 'parquet', '--keep-series']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`crm-sim: --resume ${dir}: expected a run that can still take --format parquet, --keep-series, `
      + 'found a finished run without series.parquet, replicate-series.csv; output options act only at the final merge, which is done: '
      + 'start a new run with --out for them\n');
    expect(result.stdout).toBe('');
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('refuses an --exceed condition whose probability summary.json lacks, and accepts one it holds (a default one)', () => {
    const refused = runCli(['run', '--resume', dir, '--exceed', 'policyCost>1', '--exceed', 'longestSevereShortfallWeeks.ndpr.endUse.US>8']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`crm-sim: --resume ${dir}: expected a run that can still take --exceed 'policyCost>1', `
      + 'found a finished run without its probability in summary.json; output options act only at the final merge, which is done: '
      + 'start a new run with --out for them\n');
    const held = runCli(['run', '--resume', dir, '--exceed', 'longestSevereShortfallWeeks.ndpr.endUse.US>8', '--quiet']);
    expect(held.status, held.stderr).toBe(0);
  });

  it('accepts options the run had (csv is the default) and says it is complete', () => {
    const result = runCli(['run', '--resume', dir, '--format', 'csv']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${dir}\n`);
    expect(result.stderr).toBe(`crm-sim: ${dir} is complete already; nothing to resume\n`);
  });
});
