import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { problemsOf } from './problemsOf.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-drawn-times-'));
copyFileSync('test/fixtures/scenarios/minimal.yaml', join(dir, 'minimal.yaml'));
/** A child of minimal.yaml whose quota's times are `times` (YAML lines under the event, 4-space indent). */
function child(name: string, times: string): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, `extends: minimal.yaml\nname: ${name}\nevents:\n  quotaCut:\n    duration: null\n${times}`);
  return path;
}

describe('event times drawn from distributions (audit 25, H2)', () => {
  it('refuses a start drawn in a range that reaches past a fixed end, naming both (the engine ran such a draw for one week)', () => {
    const problems = problemsOf(child('late-start', '    start: { dist: uniform, min: 2026-01, max: 2027-01 }\n    end: 2026-09\n'));
    // One mistake, one error: not also "an end after start" against the nominal start, a date nobody wrote (review 25, L2).
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatchObject({ line: 6, path: 'events.quotaCut.start', expected: 'an end after every start it can be drawn with', found: 'start drawn from 2026-01 to 2027-01, end 2026-09' });
    expect(problem.message).toContain('runs the event for one week');
  });

  it('refuses drawn start and end whose ranges overlap, at the end', () => {
    const [problem] = problemsOf(child('overlap', '    start: { dist: uniform, min: 2026-01, max: 2027-01 }\n    end: { dist: uniform, min: 2026-06, max: 2027-06 }\n'));
    expect(problem).toMatchObject({ line: 7, path: 'events.quotaCut.end', found: 'start drawn from 2026-01 to 2027-01, end drawn from 2026-06 to 2027-06' });
  });

  it('accepts ranges that only touch, or keep their order; warns for a law without the bound that matters', () => {
    expect(loadScenario(child('touching', '    start: { dist: uniform, min: 2026-01, max: 2027-01 }\n    end: { dist: uniform, min: 2027-01, max: 2028-01 }\n')).warnings).toEqual([]);
    expect(loadScenario(child('apart', '    start: { dist: triangular, min: 2026-01, mode: 2026-03, max: 2026-06 }\n    end: 2027-07\n')).warnings).toEqual([]);
    const { warnings } = loadScenario(child('unbounded', '    start: { dist: normal, mean: 2026-03, sd: 0.2 }\n    end: 2027-07\n'));
    expect(warnings.map((w) => [w.path, w.found])).toEqual([['events.quotaCut.start', 'start drawn from a law without bounds, end 2027-07']]);
    expect(warnings[0].message).toContain('give the unbounded law a max');
  });

  it('warns when an announcement can be drawn after the start: such a run has no announcement ahead', () => {
    const { warnings } = loadScenario(child('announced', '    start: { dist: uniform, min: 2026-01, max: 2026-06 }\n    announced: { dist: uniform, min: 2025-06, max: 2026-02 }\n    end: 2027-07\n'));
    expect(warnings.map((w) => [w.path, w.expected])).toEqual([['events.quotaCut.announced', 'an announcement at or before every start it can be drawn with']]);
    expect(warnings[0].message).toContain('the event comes unannounced');
  });
});
