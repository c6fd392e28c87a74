import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWarningPrinter } from '../../src/cli/createWarningPrinter.ts';
import { runCli } from './runCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// One year cuts off the four quotas of the threat scenario (they start in 2026-01): four warnings.
const SMALL = ['--years', '1', '--set', 'ticksPerYear=12', '--set', 'resolution.firmsPerCapacityCell=2', '--replicates', '2', '--workers', '0', '--quiet'];
const warningsOf = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('warning: '));
const notesOf = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('note: '));

describe('scenario warnings on the command line', () => {
  it('prints each distinct warning once', () => {
    const lines: string[] = [];
    const warn = createWarningPrinter((text) => lines.push(text));
    const warning = { file: 'a.yaml', line: 3, column: 5, path: 'events.q.start', expected: 'a start before the run ends', found: '"2040-01"', message: '' };
    warn(warning);
    warn({ ...warning });
    warn({ ...warning, line: 4 });
    expect(lines).toEqual(['warning: a.yaml:3:5: events.q.start: expected a start before the run ends, found "2040-01"\n', 'warning: a.yaml:4:5: events.q.start: expected a start before the run ends, found "2040-01"\n']);
  });

  it('compare shows the warnings of scenarios that extend one another once, before it runs', () => {
    const result = runCli(['compare', 'scenarios/threat-export-quota.yaml', 'scenarios/mitigation-stockpile-60d.yaml', ...SMALL, '--out', join(dir, 'compare')]);
    expect(result.status).toBe(0);
    const warnings = warningsOf(result.stderr);
    expect(warnings).toHaveLength(4);
    // Announced in 2025-10, within the run: front-run there, so not "no effect".
    expect(warnings.every((line) => line.includes('(only its announcement (2025-10) falls in the run'))).toBe(true);
  });

  it('a resumable run shows them once, not once per part', () => {
    const result = runCli(['run', 'scenarios/threat-export-quota.yaml', ...SMALL, '--resume', join(dir, 'resumed')]);
    expect(result.status).toBe(0);
    expect(warningsOf(result.stderr)).toHaveLength(4);
  });

  it('stress and sweep show them too', () => {
    const stress = runCli(['stress', 'scenarios/threat-export-quota.yaml', ...SMALL, '--out', join(dir, 'stress')]);
    expect(stress.status).toBe(0);
    expect(warningsOf(stress.stderr)).toHaveLength(4);
    const sweep = runCli(['sweep', 'scenarios/threat-export-quota.yaml', '--grid', 'materials.ndpr.demand.growthPerYear=2%,4%', '--no-tornado', ...SMALL, '--out', join(dir, 'sweep')]);
    expect(sweep.status).toBe(0);
    expect(warningsOf(sweep.stderr)).toHaveLength(4);
    // Points of two and three years hold the quotas (--years beside a grid over years is refused, so SMALL without it).
    const longer = runCli(['sweep', 'scenarios/threat-export-quota.yaml', '--grid', 'years=2,3', '--no-tornado', ...SMALL.slice(2), '--out', join(dir, 'sweep-years')]);
    expect(longer.status).toBe(0);
    expect(warningsOf(longer.stderr)).toEqual([]);
  });

  it('run and compare note a home policy reversible by default once a scenario, before they run; not with --quiet, and not sweep', () => {
    // Five years hold the election of 2029; the stockpile fills in time (25% a week), so no warning.
    const five = ['--years', '5', ...SMALL.slice(2, -1)];
    const note = 'note: scenarios/mitigation-stockpile-60d.yaml:18:3: events.usStockpileNdpr, events.usStockpileDy: reversible at US elections by default (every 4 years, each with a 15–45% chance of reversing it); set `reversible: false` for a committed policy';
    const run = runCli(['run', 'scenarios/mitigation-stockpile-60d.yaml', ...five, '--out', join(dir, 'noted-run')]);
    expect(run.status).toBe(0);
    expect(notesOf(run.stderr)).toEqual([note]);
    expect(run.stderr.indexOf('note: ')).toBeLessThan(run.stderr.indexOf('replicates'));
    const quiet = runCli(['run', 'scenarios/mitigation-stockpile-60d.yaml', ...five, '--quiet', '--out', join(dir, 'quiet-run')]);
    expect(quiet.status).toBe(0);
    expect(notesOf(quiet.stderr)).toEqual([]);
    const compare = runCli(['compare', 'scenarios/threat-export-quota.yaml', 'scenarios/mitigation-stockpile-60d.yaml', 'scenarios/mitigation-stockpile-60d.yaml', ...five, '--out', join(dir, 'noted-compare')]);
    expect(compare.status).toBe(0);
    expect(notesOf(compare.stderr)).toEqual([note]);
    const sweep = runCli(['sweep', 'scenarios/mitigation-stockpile-60d.yaml', '--grid', 'materials.ndpr.demand.growthPerYear=2%,4%', '--no-tornado', ...five, '--out', join(dir, 'sweep-notes')]);
    expect(sweep.status).toBe(0);
    expect(notesOf(sweep.stderr)).toEqual([]);
  });
});
