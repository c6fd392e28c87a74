import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemsOf } from './problemsOf.ts';
import { findMalformedOverride, yearsOverride } from '../../src/scenario/applySets.ts';
import { formatProblem, isUsageOnly } from '../../src/scenario/scenarioError.ts';

const MINIMAL = 'test/fixtures/scenarios/minimal.yaml';


/** A copy of the minimal fixture with `from` replaced by `to`. */
function variant(from: string, to: string): string {
  const text = readFileSync(MINIMAL, 'utf8');
  expect(text).toContain(from);
  const file = join(mkdtempSync(join(tmpdir(), 'crm-labels-')), 'variant.yaml');
  writeFileSync(file, text.replace(from, to));
  return file;
}

describe('where override problems point', () => {
  it('labels --years as --years, not as a --set at 0:0', () => {
    const [problem] = problemsOf(MINIMAL, ['ticksPerYear=12', yearsOverride('-1')]);
    expect(problem).toMatchObject({ file: '--years', line: 0, path: 'years' });
    expect(formatProblem(problem)).toMatch(/^--years: years: expected .*, found -1$/);
  });

  it('labels each --set by its number and text', () => {
    const problems = problemsOf(MINIMAL, ['ticksPerYear=12', 'years=0']);
    expect(formatProblem(problems[0])).toMatch(/^--set #2 \(years=0\): years: expected /);
    expect(formatProblem(problems[0])).not.toContain(':0:0');
  });

  it('labels an override by the option it came from when the caller names it (sweep --grid)', () => {
    const problems = problemsOf(MINIMAL, ['ticksPerYear=12', 'years=0'], [undefined, '--grid #1']);
    expect(formatProblem(problems[0])).toBe('--grid #1 (years=0): years: expected a number > 0, found 0');
  });

  it('treats malformed overrides (and only those) as usage mistakes', () => {
    expect(findMalformedOverride(['years=3', yearsOverride('2')])).toBeUndefined();
    expect(findMalformedOverride(['years=3', 'nonsense'])).toBe('--set #2 (nonsense): expected path=value, found "nonsense"');
    expect(isUsageOnly(problemsOf(MINIMAL, ['nonsense']))).toBe(true);
    expect(isUsageOnly(problemsOf(MINIMAL, ['years=0']))).toBe(false);
  });
});

describe('files that do not exist', () => {
  it('says "no such file" in plain words, without a 0:0 position, as a usage mistake', () => {
    const problems = problemsOf('nope.yaml');
    expect(problems.map(formatProblem)).toEqual(['nope.yaml: expected a readable scenario file, found no such file']);
    expect(isUsageOnly(problems)).toBe(true);
  });

  it('points a shipped scenario named without its folder to scenarios/ (run from the project root)', () => {
    expect(problemsOf('threat-export-quota.yaml').map(formatProblem)).toEqual([
      'threat-export-quota.yaml: expected a readable scenario file, found no such file (did you mean "scenarios/threat-export-quota.yaml"?)',
    ]);
    // … and one named as `crm-sim list` prints it, without .yaml.
    expect(problemsOf('baseline').map(formatProblem)).toEqual([
      'baseline: expected a readable scenario file, found no such file (did you mean "scenarios/baseline.yaml"?)',
    ]);
  });
});

describe('what was found', () => {
  it('quotes the source text instead of the converted value', () => {
    const [end] = problemsOf(variant('duration: 18 months', 'end: 2025'));
    expect(end.path).toBe('events.quotaCut.end');
    expect(end.found).toBe('"2025"');
    const [huge] = problemsOf(variant('years: 5', 'years: 1e400'));
    expect(huge.path).toBe('years');
    expect(huge.found).toBe('"1e400"');
  });

  it('quotes what an override wrote', () => {
    const [problem] = problemsOf(MINIMAL, ['events.quotaCut.end=2025']);
    expect(problem.found).toBe('"2025"');
  });
});

describe('did you mean, with swapped letters', () => {
  it('suggests a material id and a key one transposition away', () => {
    const [material] = problemsOf(variant('material: ndpr\n    stage: processing', 'material: ndrp\n    stage: processing'));
    expect(material).toMatchObject({ path: 'events.quotaCut.material', message: 'did you mean "ndpr"?' });
    const [key] = problemsOf(variant('years: 5', 'yeras: 5'));
    expect(key).toMatchObject({ path: 'yeras', message: 'did you mean "years"?' });
  });
});
