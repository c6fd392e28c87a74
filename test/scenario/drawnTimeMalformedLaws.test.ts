/**
 * Regressions found by the loader fuzz test (seed 7, path 2008, before the seed was fixed): the check
 * of drawn event times ran on laws the schema had already refused, and crashed on them with a stack
 * trace instead of the located problem; and it spread a discrete law's values into Math.min, which
 * overflowed the stack for a long list.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { problemsOf } from './problemsOf.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-drawn-malformed-'));
copyFileSync('test/fixtures/scenarios/minimal.yaml', join(dir, 'minimal.yaml'));

/** Writes `content` as `<name>.yaml` next to minimal.yaml and returns its path. */
function scenario(name: string, content: string): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, content);
  return path;
}

/** A child of minimal.yaml with one tariff whose `start` is the YAML `start` (lines at 4-space indent). */
function tariffStartingAt(name: string, start: string): string {
  return scenario(name, `extends: minimal.yaml\nevents:\n  reserve: null\n  tariffs:\n    kind: tariff\n    material: ndpr\n    stage: manufacturing\n`
    + `    importer: US\n    rate: 25%\n    end: 2030-01\n${start}`);
}

describe('drawn event times on malformed laws', () => {
  it('refuses a discrete start without values with the located problem (the fuzz case, exactly), not a TypeError', () => {
    const path = scenario('fuzz-seed-7', 'extends: minimal.yaml\nname: child\nyears: 8\nevents:\n  reserve: null\n  tariffs:\n    kind: tariff\n'
      + '    material: ndpr\n    stage: manufacturing\n    importer: US\n    rate: 25%\n    start:\n      dist: discrete');
    expect(problemsOf(path).map((p) => [p.line, p.path, p.expected, p.found])).toEqual([
      [12, 'events.tariffs.start.values', 'a list', 'nothing'],
    ]);
  });

  it('adds no drawn-times error for a uniform start without bounds, only the missing keys', () => {
    const problems = problemsOf(tariffStartingAt('uniform-no-bounds', '    start:\n      dist: uniform\n'));
    expect(problems.map((p) => p.path)).toEqual(['events.tariffs.start.min', 'events.tariffs.start.max']);
  });

  it('takes the range of a discrete law of 170,000 values (Math.min(...values) overflowed the stack from ~150,000)', () => {
    // `6 yr` is 2031-01 (minimal.yaml starts in 2025): the shortest time that keeps the file under the 1 MiB limit.
    const values = ['1 yr', ...Array.from({ length: 170_000 }, () => '6 yr')].join(', ');
    const [problem] = problemsOf(tariffStartingAt('many-values', `    start: { dist: discrete, values: [${values}] }\n`));
    expect(problem).toMatchObject({ path: 'events.tariffs.start', found: 'start drawn from 2026-01 to 2031-01, end 2030-01' });
  });

  it('still loads a discrete start whose values all come before the end', () => {
    expect(loadScenario(tariffStartingAt('good-discrete', '    start: { dist: discrete, values: [2026-01, 2027-01] }\n')).spec.events).toHaveLength(2);
  });
});
