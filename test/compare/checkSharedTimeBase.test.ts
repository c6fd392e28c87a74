import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSharedTimeBase } from '../../src/compare/checkSharedTimeBase.ts';
import { loadScenarios } from '../../src/compare/loadScenarios.ts';
import { formatProblem, ScenarioError } from '../../src/scenario/scenarioError.ts';
import { shipped } from './smallScenario.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-timebase-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A scenario file extending the shipped quota with extra top-level lines. */
function variant(name: string, lines: string): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, `extends: ${shipped('threat-export-quota')}\nname: ${name}\n${lines}`);
  return path;
}

describe('checkSharedTimeBase', () => {
  it('refuses arms whose horizon, step or start year differ from the reference, located in the arm\'s file', () => {
    const paths = [shipped('threat-export-quota'), variant('short', 'years: 5\n'), variant('monthly', 'ticksPerYear: 12\nstartYear: 2026\n')];
    const loaded = loadScenarios(paths, []);
    let caught: unknown;
    try {
      checkSharedTimeBase(loaded, paths, []);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    const lines = (caught as ScenarioError).problems.map(formatProblem);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/short\.yaml:3:1: years: expected 10, as in the reference .*threat-export-quota\.yaml .*found 5 \(give --years/);
    expect(lines[1]).toMatch(/monthly\.yaml:3:1: ticksPerYear: expected 52, .*found 12/);
    expect(lines[0]).toMatch(/set at scenarios\/baseline\.yaml:19; compared arms/); // where the reference's value comes from
    expect(lines[2]).toMatch(/monthly\.yaml:4:1: startYear: expected 2025, .*found 2026/);
  });

  it('accepts arms that agree, and a --years that sets every arm\'s horizon', () => {
    const same = [shipped('threat-export-quota'), shipped('mitigation-stockpile-60d')];
    expect(() => checkSharedTimeBase(loadScenarios(same, []), same, [])).not.toThrow();
    const paths = [shipped('threat-export-quota'), variant('short2', 'years: 5\n')];
    expect(() => checkSharedTimeBase(loadScenarios(paths, ['--years=3']), paths, ['--years=3'])).not.toThrow();
  });
});
