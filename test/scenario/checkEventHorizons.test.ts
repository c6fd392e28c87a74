import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yearsOverride } from '../../src/scenario/applySets.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatProblem } from '../../src/scenario/scenarioError.ts';
import { runCli } from '../cli/runCli.ts';

const MINIMAL = 'test/fixtures/scenarios/minimal.yaml';
const TEXT = readFileSync(MINIMAL, 'utf8');
/** 1-based line of `text` in the minimal fixture. */
const lineOf = (text: string) => TEXT.split('\n').indexOf(text) + 1;

/** A copy of the minimal fixture (2025-01, 5 years) with the quotaCut's `start: 2026-01` and `duration: 18 months` replaced. */
function variant(start: string, duration: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'crm-horizon-')), 'variant.yaml');
  writeFileSync(file, TEXT.replace('    start: 2026-01\n', `    start: ${start}\n`).replace('    duration: 18 months', `    ${duration}`));
  return file;
}

/** The located warnings about the quotaCut event. */
const quotaWarnings = (path: string, set?: string[]) => loadScenario(path, { set }).warnings.filter((w) => w.path.startsWith('events.quotaCut.'));

describe('events outside the run', () => {
  it('warn at start when they start after the run ends, naming the run', () => {
    const [warning, ...rest] = quotaWarnings(variant('2040-01', 'duration: 18 months'));
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ path: 'events.quotaCut.start', line: lineOf('    start: 2026-01'), found: '"2040-01"' });
    expect(warning.expected).toBe('a start before the run ends (run: 2025-01 to 2030-01)');
  });

  it('warn at end, or at the duration it was made from, when they end before the run starts', () => {
    const [fromDuration] = quotaWarnings(variant('2020-01', 'duration: 18 months'));
    expect(fromDuration).toMatchObject({ path: 'events.quotaCut.duration', line: lineOf('    duration: 18 months'), found: 'an end on 2021-07' });
    expect(fromDuration.expected).toBe('an end after the run starts (run: 2025-01 to 2030-01)');
    const [fromEnd] = quotaWarnings(variant('2020-01', 'end: 2024-06'));
    expect(fromEnd).toMatchObject({ path: 'events.quotaCut.end', line: lineOf('    duration: 18 months'), found: '"2024-06"' });
  });

  it('say what an export control announced within the run still does', () => {
    const [plain] = quotaWarnings(variant('2040-01', 'duration: 18 months'));
    expect(plain.message).toBe('the event has no effect in this run');
    const [announced] = quotaWarnings(variant('2040-01', 'duration: 18 months\n    announced: 2029-10'));
    expect(announced.message).toBe('only its announcement (2029-10) falls in the run: importers front-run a control that never takes effect');
  });

  it('say nothing for events partly inside the run, or inside it', () => {
    expect(quotaWarnings(variant('2024-01', 'duration: 18 months'))).toEqual([]);
    expect(quotaWarnings(variant('2029-06', 'duration: 18 months'))).toEqual([]);
    expect(quotaWarnings(MINIMAL)).toEqual([]);
  });

  it('warn when --years cuts an event off, at the event', () => {
    const cut = loadScenario(MINIMAL, { set: [yearsOverride('1')] });
    const [warning] = cut.warnings.filter((w) => w.path === 'events.quotaCut.start');
    expect(formatProblem(warning)).toMatch(/minimal\.yaml:\d+:\d+: events\.quotaCut\.start: expected a start before the run ends \(run: 2025-01 to 2026-01\), found "2026-01"/);
  });

  it('are warnings: validate prints them on stderr and accepts the file', () => {
    const { status, stdout, stderr } = runCli(['validate', variant('2040-01', 'duration: 18 months')]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/variant\.yaml: ok/);
    expect(stderr).toMatch(/^warning: .*variant\.yaml:\d+:\d+: events\.quotaCut\.start: expected a start before the run ends/m);
  });
});
