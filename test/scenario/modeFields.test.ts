import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';

const MINIMAL = 'test/fixtures/scenarios/minimal.yaml';
const QUOTA_EVENT = '    mode: quota\n    quotaShare: 50%\n';

/** The minimal fixture with its quota event's mode lines replaced by `lines`. */
function withModeLines(lines: string): string {
  const text = readFileSync(MINIMAL, 'utf8');
  expect(text).toContain(QUOTA_EVENT);
  const file = join(mkdtempSync(join(tmpdir(), 'crm-mode-')), 'variant.yaml');
  writeFileSync(file, text.replace(QUOTA_EVENT, lines));
  return file;
}

/** The problems a load throws (empty when it loads). */
function problemsOf(file: string) {
  try {
    loadScenario(file);
    return [];
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
}

describe('keys a mode needs are required, not defaulted', () => {
  it('refuses a quota without quotaShare, located at the event', () => {
    const [problem, ...rest] = problemsOf(withModeLines('    mode: quota\n'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ path: 'events.quotaCut.quotaShare', found: 'nothing', message: 'required key' });
    expect(problem.line).toBeGreaterThan(1);
    expect(problem.expected).toContain('mode quota');
  });

  it('refuses licensing without approvalRate (a delay alone keeps its default 0)', () => {
    expect(problemsOf(withModeLines('    mode: licensing\n    delayYears: 2 months\n')).map((p) => p.path)).toEqual(['events.quotaCut.approvalRate']);
    expect(problemsOf(withModeLines('    mode: licensing\n    approvalRate: 50%\n'))).toEqual([]);
    expect(problemsOf(withModeLines('    mode: ban\n'))).toEqual([]);
  });

  it('refuses each subsidy mode without its key', () => {
    const subsidy = (lines: string) => {
      const file = withModeLines(QUOTA_EVENT);
      writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n  help:\n    kind: subsidy\n    region: US\n    material: ndpr\n    stage: processing\n    start: 2026-01\n${lines}`);
      return file;
    };
    expect(problemsOf(subsidy('    mode: capex\n')).map((p) => p.path)).toEqual(['events.help.capexShare']);
    expect(problemsOf(subsidy('    mode: priceFloor\n')).map((p) => p.path)).toEqual(['events.help.priceFloorUsdPerTonne']);
    expect(problemsOf(subsidy('    mode: offtake\n')).map((p) => p.path)).toEqual(['events.help.priceFloorUsdPerTonne']);
    expect(problemsOf(subsidy('    mode: loanGuarantee\n')).map((p) => p.path)).toEqual(['events.help.hurdleReduction']);
    expect(problemsOf(subsidy('    mode: capex\n    capexShare: 30%\n'))).toEqual([]);
  });
});

describe('keys read once per run', () => {
  it('refuses a distribution on years at its line', () => {
    const file = withModeLines(QUOTA_EVENT);
    writeFileSync(file, readFileSync(file, 'utf8').replace('years: 5', 'years: { dist: uniform, min: 5, max: 8 }'));
    const [problem, ...rest] = problemsOf(file);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ path: 'years', line: 4, found: 'a distribution' });
  });
});
