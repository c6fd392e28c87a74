/**
 * A sample of the loader's fuzz cases (test/scenario/scenarioFuzzCases.ts) through the real CLI in
 * child processes: every refused case exits 3 and prints exactly the located one-line messages the
 * loader gives in-process (no stack trace, no "internal error", nothing on stdout, no output
 * folder). Most cases go through one `validate` call with many files; a few through `run`.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findMalformedOverride } from '../../src/scenario/applySets.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatProblem, ScenarioError } from '../../src/scenario/scenarioError.ts';
import {
  createFuzzFolder, type FuzzCase, fuzzSeedFromEnvironment, hostileSets, hostileYaml, mutatedScenario, randomBytes, randomYaml, writeCase,
} from '../scenario/scenarioFuzzCases.ts';
import { runCli } from './runCli.ts';

const SEED = fuzzSeedFromEnvironment(process.env.FUZZ_SEED);
const dir = createFuzzFolder();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A refused case: its file and the messages the loader gives in-process. */
interface Refused {
  path: string;
  set: string[];
  lines: string[];
}

/** Writes the sampled cases to their own files and keeps those the loader refuses. */
function refusedCases(arbitrary: fc.Arbitrary<FuzzCase>, count: number, prefix: string): Refused[] {
  const out: Refused[] = [];
  fc.sample(arbitrary, { numRuns: count, seed: SEED }).forEach((fuzzCase, i) => {
    const path = writeCase(dir, fuzzCase, `${prefix}-${i}.yaml`);
    try {
      loadScenario(path, { set: fuzzCase.set });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      out.push({ path, set: fuzzCase.set, lines: error.problems.map(formatProblem) });
    }
  });
  return out;
}

describe(`scenario fuzz cases through the CLI (seed ${SEED}; replay with FUZZ_SEED)`, () => {
  it('validate: exit 3 and, file by file, the same located messages as in-process', () => {
    const cases = [
      ...refusedCases(mutatedScenario(4), 90, 'm'), ...refusedCases(randomYaml, 25, 'y'),
      ...refusedCases(randomBytes, 25, 'b'), ...refusedCases(hostileYaml, 40, 'h'),
    ];
    expect(cases.length).toBeGreaterThan(100);
    const { status, stdout, stderr } = runCli(['validate', ...cases.map((c) => c.path)]);
    expect(status).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(stderr.trimEnd().split('\n')).toEqual(cases.flatMap((c) => c.lines));
  });

  it('run: exit 3 with the same messages (exit 2 for a malformed --set), nothing on stdout and no output folder', () => {
    const cases = [
      ...refusedCases(mutatedScenario(4), 4, 'rm').slice(0, 2),
      ...refusedCases(hostileSets, 4, 'rs').filter((c) => !c.set.some((s) => s.includes('\0'))).slice(0, 2),
      ...refusedCases(hostileYaml, 4, 'rh').slice(0, 1),
    ];
    expect(cases.length).toBeGreaterThanOrEqual(3);
    for (const [i, c] of cases.entries()) {
      const out = join(dir, `out-${i}`);
      const sets = c.set.map((s) => `--set=${s}`);
      const { status, stdout, stderr } = runCli(['run', c.path, ...sets, '--replicates', '1', '--workers', '0', '--out', out, '--quiet']);
      // A malformed override is the command line's mistake: the first one, exit 2, before the file is read.
      const malformed = findMalformedOverride(c.set);
      expect({ status, stdout }).toEqual({ status: malformed === undefined ? 3 : 2, stdout: '' });
      expect(stderr.trimEnd().split('\n')).toEqual(malformed === undefined ? c.lines : [`crm-sim: ${malformed}`]);
      expect(existsSync(out)).toBe(false);
    }
  });
});
