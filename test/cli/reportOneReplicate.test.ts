import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { singleReplicateReportWarning } from '../../src/cli/runCommand.ts';
import { MIN_RUNS_FOR_RANGE } from '../../src/report/describeMaterialResult.ts';
import { runCli } from './runCli.ts';
import { SMALL_SETS } from './smallRun.ts';

describe('crm-sim run --report --replicates 1', () => {
  const base = mkdtempSync(join(tmpdir(), 'crm-report-one-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('warns on stderr, once, that one run gives no intervals or distributions, and still writes the report (exit 0)', () => {
    const out = join(base, 'one');
    const sets = SMALL_SETS.flatMap((set) => ['--set', set]);
    const { status, stdout, stderr } = runCli(['run', 'scenarios/baseline.yaml', '--report', '--replicates', '1', '--quiet', ...sets, '--out', out]);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe(out);
    const warnings = stderr.split('\n').filter((line) => line.startsWith('warning: --report with --replicates 1:'));
    expect(warnings).toEqual([singleReplicateReportWarning(1, true)?.trimEnd()]);
    // What the warning says of the report holds: its means' intervals are n/a, one run's percentiles are its value.
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('n/a');
    const metrics = (JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { metrics: Record<string, Record<string, number | null>> }).metrics;
    const metric = Object.values(metrics)[0];
    expect(metric.ciLow).toBeNull();
    expect([metric.p5, metric.p95]).toEqual([metric.mean, metric.mean]);
  }, 180_000);

  it('is only for a report of one replicate', () => {
    expect(singleReplicateReportWarning(1, false)).toBeUndefined();
    expect(singleReplicateReportWarning(2, true)).toBeUndefined();
    expect(singleReplicateReportWarning(100, true)).toBeUndefined();
    expect(singleReplicateReportWarning(1, true)).toContain(`--replicates ${MIN_RUNS_FOR_RANGE} or more`);
  });
});
