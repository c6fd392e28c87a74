import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../src/compare/loadScenarios.ts';
import { ScenarioError, formatProblem } from '../../src/scenario/scenarioError.ts';
import { shipped } from './smallScenario.ts';

/** The problems loadScenarios throws for `paths` with `sets`. */
function problemsOf(paths: string[], sets: string[]) {
  try {
    loadScenarios(paths, sets);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('loadScenarios', () => {
  const threat = shipped('threat-export-quota');
  const stockpile = shipped('mitigation-stockpile-60d');

  it('names the compared files an override fails in when the others take it (research audit 24, L7)', () => {
    const [problem, ...rest] = problemsOf([threat, stockpile], ['events.usStockpileNdpr.targetDays=90 days']);
    expect(rest).toEqual([]);
    expect(problem.file).toMatch(/^--set #1 /);
    expect(problem.message).toBe(`no event "usStockpileNdpr"; in ${threat}, not in ${stockpile}`);
    expect(formatProblem(problem).match(/\(/g)?.length).toBe(2); // the override's own label and the message: none nested in the message
  });

  it('reports an override every file refuses once, without a list of files', () => {
    const problems = problemsOf([threat, stockpile], ['events.noSuchEvent.start=2027-01']);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).not.toContain(' in ');
  });

  it('reports a compared file that does not exist as one sentence naming it, expected and found, without nested parentheses', () => {
    const missing = join(tmpdir(), 'crm-no-such-scenario.yaml');
    const problems = problemsOf([threat, missing], []);
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0])).toBe(`${missing}: expected a readable scenario file, found no such file`);
  });

  it('loads every file when each takes the overrides', () => {
    expect(loadScenarios([threat, stockpile], ['years=2']).map((l) => l.spec.years)).toEqual([2, 2]);
  });
});
