import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bench = (...argv: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'bench/main.ts', ...argv], { encoding: 'utf8', timeout: 110_000 });

// Nothing here measures anything but the last test: --help and usage errors end before the warm-up.
describe('npm run bench: help and usage errors', () => {
  it('prints every option with its default and the exit codes on --help, exit 0', () => {
    const run = bench('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}--kernel /m);
    expect(run.stdout).toMatch(/^ {2}--force /m);
    expect(run.stdout).toMatch(/^exit codes: 0 ok; 1 /m);
    expect(run.stdout).toMatch(/3 regression: with --compare, a comparable figure worse than the baseline/);
  }, 70_000);

  it('refuses --force without --save-baseline in one line, exit 2, nothing measured', () => {
    const run = bench('--force');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^bench: --force: expected --save-baseline with it/)]);
    expect(run.stdout).toBe('');
  }, 70_000);
});

describe('npm run bench -- --baseline FILE (the exit code of a comparison)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-sim-bench-baseline-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses a missing or malformed baseline file up front: exit 2, one line, nothing measured', () => {
    const missing = bench('--baseline', join(folder, 'none.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^bench: --baseline: expected a bench JSON file .*none\.json/);
    writeFileSync(join(folder, 'empty.json'), '{}');
    const empty = bench('--baseline', join(folder, 'empty.json'), '--size', 'small');
    expect(empty.status).toBe(2);
    expect(empty.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^bench: --baseline: expected a bench JSON object \(sizes, loadAtStart, loadAtEnd\)/)]);
  }, 70_000);

  it('exits 3 when a comparable figure is worse, and marks the rows the baseline lacks not comparable in --json', () => {
    // A baseline no run can beat: a kernel update of a billionth of a nanosecond, same runtime, no sizes.
    const impossible = {
      date: 'test', node: process.version, runtime: { code: 'source', node: process.version, v8: process.versions.v8 }, cpus: 2, loadAtStart: [0, 0, 0], loadAtEnd: [0, 0, 0],
      phaseListMatchesStep: true, sizes: [],
      kernel: { agents: 1000000, stages: 6, ticks: 40, nsPerAgentUpdate: 1e-9, cpuNsPerAgentUpdate: 1e-9, agentUpdatesPerSecond: 1e18, bytesPerAgent: 16, range: { nsPerAgentUpdate: [1e-9, 1e-9], cpuNsPerAgentUpdate: [1e-9, 1e-9] } },
    };
    const file = join(folder, 'impossible.json');
    writeFileSync(file, JSON.stringify(impossible));
    const run = bench('--baseline', file, '--json', '--size', 'small', '--kernel', '--replicates', '1', '--skip', 'memory,mc,threads');
    expect(run.status).toBe(3);
    const { comparisonWithBaseline: comparison } = JSON.parse(run.stdout);
    expect(comparison.worse).toEqual(expect.arrayContaining(['kernel.nsPerAgentUpdate']));
    expect(comparison.rows.find((r: { figure: string }) => r.figure === 'sizes.small.nsPerAgentTick')).toMatchObject({ comparable: false });
    expect(comparison.rows.every((r: { comparable: unknown }) => typeof r.comparable === 'boolean')).toBe(true);
  }, 120_000);
});
