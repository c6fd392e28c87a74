import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';

describe('crm-sim validate', () => {
  it('prints one located message per mistake and exits 3', () => {
    const { status, stdout, stderr } = runCli(['validate', 'test/fixtures/scenarios/fiveMistakes.yaml']);
    expect(status).toBe(3);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toMatch(/^test\/fixtures\/scenarios\/fiveMistakes\.yaml:\d+:\d+: \S+: expected .+, found .+/);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
  it('accepts every shipped scenario', () => {
    const { status, stdout } = runCli(['validate', 'scenarios/baseline.yaml', 'scenarios/threat-export-quota.yaml', 'scenarios/mitigation-stockpile-60d.yaml']);
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(3);
  });
  it('notes a home policy reversible by default, once per distinct note, on stderr', () => {
    const { status, stdout, stderr } = runCli(['validate', 'scenarios/mitigation-stockpile-60d.yaml', 'scenarios/mitigation-stockpile-60d.yaml', 'scenarios/threat-export-quota.yaml']);
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(3);
    const notes = stderr.split('\n').filter((line) => line.startsWith('note: '));
    expect(notes).toEqual(['note: scenarios/mitigation-stockpile-60d.yaml:18:3: events.usStockpileNdpr, events.usStockpileDy: reversible at US elections by default (every 4 years, each with a 15–45% chance of reversing it); set `reversible: false` for a committed policy']);
  });
  it('applies --set as run does, so a variant\'s notes show before it runs', () => {
    const { status, stdout, stderr } = runCli(['validate', 'scenarios/threat-export-quota.yaml', '--set', 'events.cnQuotaNdprMagnets=null', '--set', 'events.cnQuotaDyMagnets=null']);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe('scenarios/threat-export-quota.yaml: ok (7 materials, 2 events)');
    expect(stderr.split('\n').filter((line) => line.startsWith('note: ') && line.includes('can hold back little'))).toHaveLength(2);
  });
  it('names the file checked beside a warning located in its parent (an override of the child makes it apply)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-sim-validate-'));
    try {
      const child = join(dir, 'big-target.yaml');
      writeFileSync(child, `name: big-target\nextends: ${resolve('scenarios/mitigation-stockpile-60d.yaml')}\nevents:\n  usStockpileNdpr:\n    targetDays: 400 days\n`);
      const { status, stderr } = runCli(['validate', child]);
      expect(status).toBe(0);
      expect(stderr).toMatch(new RegExp(`^warning: \\S*mitigation-stockpile-60d\\.yaml:\\d+:\\d+: events\\.usStockpileNdpr\\.maxBuyShare: .* \\(checking ${child.replace(/[.\\/]/g, '\\$&')}\\)$`, 'm'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('exits 2 on a usage mistake', () => {
    expect(runCli(['run']).status).toBe(2);
    expect(runCli(['no-such-command']).status).toBe(2);
  });

  it('--json prints every file with its problems, warnings and notes as one object, nothing on stderr, the same exit code (audit 25, L8)', () => {
    const { status, stdout, stderr } = runCli(['validate', '--json', 'test/fixtures/scenarios/fiveMistakes.yaml', 'scenarios/threat-export-quota.yaml']);
    expect(status).toBe(3);
    expect(stderr).toBe('');
    const { files } = JSON.parse(stdout) as { files: Array<{ file: string; ok: boolean; events?: number; problems: Array<{ line: number; path: string; expected: string }> }> };
    expect(files.map((f) => [f.file, f.ok, f.events])).toEqual([['test/fixtures/scenarios/fiveMistakes.yaml', false, undefined], ['scenarios/threat-export-quota.yaml', true, 4]]);
    expect(files[0].problems.length).toBe(5);
    expect(files[0].problems[0]).toMatchObject({ line: 6, path: 'regions.CN.alignment' });
  });
});
