import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';

const BASELINE = 'scenarios/baseline.yaml';
const QUICK = ['--no-tornado', '--replicates', '2', '--workers', '0', '--quiet'];

describe('sweep: a design value the scenario rejects', () => {
  it('is labelled by its --grid option and value, not as a --set, and nothing is written', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'crm-sweep-labels-')), 'out');
    const { status, stderr } = runCli(['sweep', BASELINE, '--set', 'ticksPerYear=12', '--grid', 'materials.ndpr.demand.growthPerYear=5%,6%', '--grid', 'years=1,0', '--out', out, ...QUICK]);
    expect(status).toBe(3);
    expect(stderr.trim()).toBe('--grid #2 (years=0): years: expected a number > 0, found 0');
    expect(existsSync(out)).toBe(false);
  });

  it('is labelled by its --lhs range for a Latin hypercube', () => {
    const { status, stderr } = runCli(['sweep', BASELINE, '--lhs', '2', 'years=-2:-1', ...QUICK]);
    expect(status).toBe(3);
    expect(stderr.trim()).toMatch(/^--lhs range #1 \(years=-1\.\d+\): years: expected a number > 0, found -1\.\d+$/);
  });
});
