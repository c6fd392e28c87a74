import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatProblem, type Problem, ScenarioError } from '../../src/scenario/scenarioError.ts';

const fixture = (name: string) => join('test/fixtures/scenarios', name);

/** The ScenarioError a load throws, failing the test otherwise. */
function errorOf(path: string): ScenarioError {
  try {
    loadScenario(path);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error(`${path} loaded without problems`);
}

describe('formatProblem', () => {
  const problem: Problem = { file: 'a.yaml', line: 12, column: 5, path: 'materials.ndpr.demnd', expected: 'a known key', found: '"demnd"', message: '' };

  it('formats one line: file:line:col: path: expected …, found …', () => {
    expect(formatProblem(problem)).toBe('a.yaml:12:5: materials.ndpr.demnd: expected a known key, found "demnd"');
  });

  it('appends the did-you-mean', () => {
    expect(formatProblem({ ...problem, message: 'did you mean "demand"?' })).toBe(
      'a.yaml:12:5: materials.ndpr.demnd: expected a known key, found "demnd" (did you mean "demand"?)',
    );
  });
});

describe('located problems', () => {
  it('reports five different mistakes in one file, each at its line and column', () => {
    const { problems, message } = errorOf(fixture('fiveMistakes.yaml'));
    const where = problems.map((p) => [p.line, p.column, p.path]);
    expect(where).toEqual([
      [6, 33, 'regions.CN.alignment'],
      [12, 31, 'materials.ndpr.mining.capacityByRegion.CN'],
      [15, 20, 'materials.ndpr.demand.publicShare'],
      [16, 5, 'materials.ndpr.exploraton'],
      [20, 46, 'events.quotaCut.material'],
    ]);
    expect(problems.every((p) => p.file === fixture('fiveMistakes.yaml'))).toBe(true);
    expect(message.split('\n')).toHaveLength(5);
    expect(problems[0].message).toBe('did you mean "adversary"?');
    expect(problems[1]).toMatchObject({ found: '"70 kt"', message: '"kt" is a mass, not a flow' });
    expect(problems[2]).toMatchObject({ expected: 'a number ≥ 0 and ≤ 1', found: '"140%"' });
    expect(problems[4].message).toBe('did you mean "ndpr"?');
  });

  it('reports an unknown key at the key with a did-you-mean', () => {
    const unknown = errorOf(fixture('fiveMistakes.yaml')).problems.find((p) => p.path.endsWith('exploraton'));
    expect(formatProblem(unknown as Problem)).toBe(
      `${fixture('fiveMistakes.yaml')}:16:5: materials.ndpr.exploraton: expected a known key, found "exploraton" (did you mean "exploration"?)`,
    );
  });

  it('rejects NaN and infinities, without follow-on problems', () => {
    const { problems } = errorOf(fixture('nonFinite.yaml'));
    expect(problems.map((p) => [p.line, p.path, p.found])).toEqual([
      [5, 'regions.US.engineers', '.nan'],
      [5, 'regions.US.graduatesPerYear', '.inf'],
      [9, 'materials.ndpr.basePriceUsdPerTonne.manufacturing', '-.inf'],
    ]);
  });

  it('turns YAML syntax errors into problems', () => {
    const { problems } = errorOf(fixture('syntaxError.yaml'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: fixture('syntaxError.yaml'), expected: 'valid YAML' });
    expect(problems[0].line).toBeGreaterThanOrEqual(2);
  });

  it('reports a missing file as a problem, not a raw exception', () => {
    const { problems } = errorOf(fixture('doesNotExist.yaml'));
    expect(problems).toEqual([expect.objectContaining({ line: 0, found: 'no such file', usage: true })]);
  });

  it('checks cross-references: home region, foreign actor region, by-product host', () => {
    const error = (() => {
      try {
        loadScenario(fixture('minimal.yaml'), {
          set: ['government.region=CN', 'foreignActor.region=RU', 'materials.dy.byproductOf=dy', 'events.quotaCut.end=2025-06'],
        });
      } catch (e) {
        return e as ScenarioError;
      }
      throw new Error('loaded');
    })();
    const byPath = Object.fromEntries(error.problems.map((p) => [p.path, p]));
    expect(byPath['government.region'].expected).toBe('a region with alignment home');
    expect(byPath['foreignActor.region'].found).toBe('"RU"');
    expect(byPath['materials.dy.byproductOf'].expected).toContain('another material');
    expect(byPath['events.quotaCut.end'].expected).toContain('after start');
    expect(byPath['events.quotaCut.end'].found).toBe('"2025-06"'); // as written, not the converted 5/12 years
    expect(byPath['events.quotaCut.duration']).toMatchObject({ line: 40, expected: 'either end or duration' });
    expect(error.problems).toHaveLength(5);
  });

  it('refuses a duration beside a drawn start (its end would stay at the nominal start\'s, so runs would differ in length)', () => {
    let problems: Problem[] = [];
    try {
      loadScenario(fixture('minimal.yaml'), { set: ['events.quotaCut.start={dist: uniform, min: 2025-03, max: 2025-09}'] });
    } catch (e) {
      problems = (e as ScenarioError).problems;
    }
    expect(problems).toEqual([expect.objectContaining({ path: 'events.quotaCut.duration', line: 40, expected: 'a duration with a fixed start', found: 'a start drawn from a distribution' })]);
  });

  it('checks distributions: shape, consistency and support within the key range', () => {
    let problems: Problem[] = [];
    try {
      loadScenario(fixture('minimal.yaml'), {
        set: [
          'materials.ndpr.demand.publicShare={dist: lognormal, median: 0.1, sigma: 0.3}',
          'materials.ndpr.demand.maxThrift={dist: triangular, min: 0.5, mode: 0.2, max: 0.6}',
          'materials.ndpr.demand.substitutionYears={dist: gamma, shape: 2}',
          'government.reversalProbability={dist: uniform, min: 10%, max: 120%}',
        ],
      });
    } catch (e) {
      problems = (e as ScenarioError).problems;
    }
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
    expect(byPath['materials.ndpr.demand.publicShare'].expected).toContain('bounded distribution');
    expect(byPath['materials.ndpr.demand.maxThrift'].expected).toContain('min ≤ mode ≤ max');
    expect(byPath['materials.ndpr.demand.substitutionYears.dist']).toMatchObject({ found: '"gamma"', expected: expect.stringContaining('triangular') });
    expect(byPath['government.reversalProbability'].found).toBe('a possible draw 1.2');
    expect(problems).toHaveLength(4);
  });
});
