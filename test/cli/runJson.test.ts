import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli.ts';

const SMALL = ['--replicates', '3', '--workers', '0', '--years', '2', '--quiet', '--set', 'resolution.firmsPerCapacityCell=3'];

function summary(scenario: string): Record<string, { mean: number }> {
  const out = join(mkdtempSync(join(tmpdir(), 'crm-sim-')), 'run');
  const { status, stdout, stderr } = runCli(['run', scenario, ...SMALL, '--out', out, '--json']);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  expect(readdirSync(out).sort()).toEqual(expect.arrayContaining(['manifest.json', 'replicates.csv', 'scenario.resolved.yaml', 'series.csv', 'summary.json']));
  return (JSON.parse(stdout) as { metrics: Record<string, { mean: number }> }).metrics;
}

describe('crm-sim run --json', () => {
  it("prints a summary whose numbers change when the scenario's events change", () => {
    const baseline = summary('scenarios/baseline.yaml');
    const threat = summary('scenarios/threat-export-quota.yaml');
    // The same metrics, and the threat's four quotas' weeks in force, weeks binding, tonnes allowed and rent paid besides.
    const quotaMetrics = Object.keys(threat).filter((id) => id.startsWith('exportQuota'));
    expect(quotaMetrics).toHaveLength(16);
    expect(Object.keys(threat).filter((id) => !quotaMetrics.includes(id)).sort()).toEqual(Object.keys(baseline).sort());
    const changed = Object.keys(baseline).filter((id) => baseline[id].mean !== threat[id].mean && !(Number.isNaN(baseline[id].mean) && Number.isNaN(threat[id].mean)));
    expect(changed.length).toBeGreaterThan(10);
    expect(changed.some((id) => id.startsWith('peakPriceMultiple.ndpr'))).toBe(true);
  });
  it('names the output folder on stderr (stdout is the JSON alone), unless --quiet', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'crm-sim-')), 'run');
    const loud = SMALL.filter((arg) => arg !== '--quiet');
    const { status, stdout, stderr } = runCli(['run', 'scenarios/baseline.yaml', ...loud, '--out', out, '--json']);
    expect(status).toBe(0);
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(`output folder: ${out}`);
  });
  it('refuses to overwrite an existing output folder (exit 2, folder untouched)', () => {
    const out = mkdtempSync(join(tmpdir(), 'crm-sim-'));
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const { status, stderr } = runCli(['run', 'scenarios/baseline.yaml', ...SMALL, '--out', out]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/crm-sim: /);
    expect(readdirSync(out)).toEqual(['keep.txt']);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('mine');
  });
});
