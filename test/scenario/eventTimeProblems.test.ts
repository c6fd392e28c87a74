import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemsOf } from './problemsOf.ts';
import { formatProblem } from '../../src/scenario/scenarioError.ts';

const MINIMAL = 'test/fixtures/scenarios/minimal.yaml';

/** A copy of the minimal fixture with `from` replaced by `to`. */
function variant(from: string, to: string): string {
  const text = readFileSync(MINIMAL, 'utf8');
  expect(text).toContain(from);
  const file = join(mkdtempSync(join(tmpdir(), 'crm-times-')), 'variant.yaml');
  writeFileSync(file, text.replace(from, to));
  return file;
}

/** The line (1-based) of the minimal fixture's quotaCut duration. */
const DURATION_LINE = readFileSync(MINIMAL, 'utf8').split('\n').indexOf('    duration: 18 months') + 1;

describe('an event duration that is not a positive finite duration', () => {
  it.each([
    ['-18 months', '"-18 months"'],
    ['0 months', '"0 months"'],
    ['1e400 years', '"1e400 years"'],
    ['1e300 years', '"1e300 years"'],
    ['-2', '-2'],
    ['true', 'true'],
  ])('duration: %s is reported at duration, as written', (written, found) => {
    const problems = problemsOf(variant('duration: 18 months', `duration: ${written}`));
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatchObject({ path: 'events.quotaCut.duration', line: DURATION_LINE, column: 15, found });
    expect(problem.expected).toMatch(/^a positive duration/);
    expect(formatProblem(problem)).not.toMatch(/quotaCut\.end|\([\d.-]+ years\)|\.inf/);
  });
});

describe('event times in messages are calendar dates', () => {
  it('names the start as a date when the end is not after it', () => {
    const [problem] = problemsOf(variant('duration: 18 months', 'end: 2025-06'));
    expect(problem).toMatchObject({ path: 'events.quotaCut.end', expected: 'an end after start (2026-01)', found: '"2025-06"' });
  });

  it('names the start as a date when the announcement comes after it', () => {
    const [problem] = problemsOf(variant('duration: 18 months', 'duration: 18 months\n    announced: 2026-06'));
    expect(problem).toMatchObject({ path: 'events.quotaCut.announced', expected: 'an announcement at or before start (2026-01)', found: '"2026-06"' });
  });
});
