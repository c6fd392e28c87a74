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

const MINIMAL_PATH = MINIMAL;

/** The problems a load throws (empty when it loads). */
function problemsOf(file: string, set?: string[]) {
  try {
    loadScenario(file, { set });
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

  it('takes quotaTonnesPerYear instead of quotaShare, but not both, and only with mode quota', () => {
    expect(problemsOf(withModeLines('    mode: quota\n    quotaTonnesPerYear: 30 kt/yr\n'))).toEqual([]);
    const [both, ...rest] = problemsOf(withModeLines('    mode: quota\n    quotaShare: 50%\n    quotaTonnesPerYear: 30 kt/yr\n'));
    expect(rest).toEqual([]);
    expect(both).toMatchObject({ path: 'events.quotaCut.quotaTonnesPerYear', expected: 'quotaShare or quotaTonnesPerYear, not both (with exportControl mode quota)' });
    expect(both.found).toContain('quotaShare');
    // The share's default, as a resolved file carries it, is not "both".
    expect(problemsOf(withModeLines('    mode: quota\n    quotaShare: 100%\n    quotaTonnesPerYear: 30 kt/yr\n'))).toEqual([]);
    expect(problemsOf(withModeLines('    mode: quota\n'))[0].expected).toBe('quotaShare or quotaTonnesPerYear (required with exportControl mode quota)');
    // From the command line, the fix is a --set, not a null in a file (audit 23, L4).
    expect(problemsOf(withModeLines('    mode: quota\n    quotaShare: 50%\n'), ['events.quotaCut.quotaTonnesPerYear=30 kt/yr'])[0].message)
      .toBe('remove one of them: --set events.quotaCut.quotaShare=null or --set events.quotaCut.quotaTonnesPerYear=null');
    expect(problemsOf(withModeLines('    mode: ban\n    quotaTonnesPerYear: 30 kt/yr\n')).map((p) => p.path)).toEqual(['events.quotaCut.quotaTonnesPerYear']);
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

describe('keys a mode does not read are refused', () => {
  it('refuses quotaShare and approvalRate on a ban, each at its key, naming the mode that reads it', () => {
    const problems = problemsOf(withModeLines('    mode: ban\n    quotaShare: 50%\n    approvalRate: 40%\n    delayYears: 2 months\n'));
    expect(problems.map((p) => p.path)).toEqual(['events.quotaCut.quotaShare', 'events.quotaCut.approvalRate', 'events.quotaCut.delayYears']);
    const quota = problems.find((p) => p.path.endsWith('quotaShare'));
    expect(quota).toMatchObject({ found: '"50%"' });
    expect(quota?.expected).toContain('applies only to mode quota');
    expect(quota?.expected).toContain('mode ban');
    expect(quota?.line).toBeGreaterThan(1);
  });

  it('refuses a subsidy key of another mode, and accepts the key in every mode that reads it', () => {
    const subsidy = (lines: string) => {
      const file = withModeLines(QUOTA_EVENT);
      writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n  help:\n    kind: subsidy\n    region: US\n    material: ndpr\n    stage: processing\n    start: 2026-01\n${lines}`);
      return file;
    };
    const capexWithFloor = problemsOf(subsidy('    mode: capex\n    capexShare: 30%\n    priceFloorUsdPerTonne: 50 USD/kg\n'));
    expect(capexWithFloor.map((p) => p.path)).toEqual(['events.help.priceFloorUsdPerTonne']);
    expect(capexWithFloor[0].expected).toContain('priceFloor or offtake');
    expect(problemsOf(subsidy('    mode: offtake\n    priceFloorUsdPerTonne: 50 USD/kg\n'))).toEqual([]);
    expect(problemsOf(subsidy('    mode: loanGuarantee\n    hurdleReduction: 2%\n    capexShare: 30%\n')).map((p) => p.path)).toEqual(['events.help.capexShare']);
  });

  it('reads a stockpile doctrine as its mode: release reads no targetDays, the default doctrine does', () => {
    const release = problemsOf(MINIMAL_PATH, ['events.reserve.doctrine=release', 'events.reserve.targetDays=90 days']);
    expect(release.map((p) => p.path)).toEqual(['events.reserve.targetDays']);
    expect(release[0].expected).toContain('doctrine daysOfConsumption or shortfall');
    expect(problemsOf(MINIMAL_PATH, ['events.reserve.targetDays=90 days'])).toEqual([]);
  });

  it('warns, not refuses, when the mode comes from an override (a --grid over modes keeps the file\'s keys of the other mode)', () => {
    const switched = loadScenario(MINIMAL, { set: ['events.quotaCut.mode=ban'], setLabels: ['--grid #1'] });
    expect(switched.spec.events.find((e) => e.id === 'quotaCut')).toMatchObject({ mode: 'ban' });
    const warning = switched.warnings.find((w) => w.path === 'events.quotaCut.quotaShare');
    expect(warning?.expected).toContain('no quotaShare with mode ban');
    expect(warning?.message).toBe('ignored at this setting');
    // The same mismatch written in the file stays an error.
    expect(problemsOf(withModeLines('    mode: ban\n    quotaShare: 50%\n')).map((p) => p.path)).toEqual(['events.quotaCut.quotaShare']);
  });

  it('accepts a key at its default in a mode that does not read it, so a resolved scenario loads again', () => {
    const banned = loadScenario(MINIMAL, { set: ['events.quotaCut.mode=ban', 'events.quotaCut.quotaShare=null', 'events.reserve.doctrine=release'] });
    expect(banned.resolvedYaml).toMatch(/quotaShare: 1\b/);
    const file = join(mkdtempSync(join(tmpdir(), 'crm-mode-')), 'scenario.resolved.yaml');
    writeFileSync(file, banned.resolvedYaml);
    expect(problemsOf(file)).toEqual([]);
  });
});
