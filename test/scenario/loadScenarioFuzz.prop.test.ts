/**
 * Fuzzing of the scenario loader, in-process: at least 10,000 generated hostile or mistaken
 * scenario files (see scenarioFuzzCases.ts). Every case must either load or throw a ScenarioError
 * whose problems are all located one-line messages; any other exception fails. A case that runs
 * longer than HANG_MS fails as a hang (this is a hang detector with a margin of ~1000× over a
 * normal case, not a performance assertion). More cases locally: FUZZ_RUNS=100000; replay a
 * failure: FUZZ_SEED=<seed printed by fast-check>.
 */
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatProblem, ScenarioError } from '../../src/scenario/scenarioError.ts';
import {
  createFuzzFolder, type FuzzCase, hostileSets, hostileYaml, mutatedScenario, problemTemplate, randomBytes, randomYaml, writeCase,
} from './scenarioFuzzCases.ts';

const HANG_MS = 5000;
const SCALE = Number(process.env.FUZZ_RUNS ?? 10_000) / 10_000;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const dir = createFuzzFolder();
const templates = new Map<string, number>();
const outcomes = { cases: 0, loaded: 0, refused: 0, slowestMs: 0 };

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  const lines = [...templates].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${String(n).padStart(6)}  ${t}`);
  process.stderr.write(`loader fuzz: ${outcomes.cases} cases, ${outcomes.loaded} loaded, ${outcomes.refused} refused, `
    + `${templates.size} distinct problem templates, slowest case ${outcomes.slowestMs.toFixed(0)} ms\n${process.env.FUZZ_VERBOSE ? `${lines.join('\n')}\n` : ''}`);
});

/** Loads one case; returns a failure text, or undefined when the loader behaved. */
function check(fuzzCase: FuzzCase): string | undefined {
  const path = writeCase(dir, fuzzCase);
  const started = performance.now();
  let error: unknown;
  try {
    loadScenario(path, { set: fuzzCase.set });
  } catch (thrown) {
    error = thrown;
  }
  const ms = performance.now() - started;
  outcomes.cases++;
  outcomes.slowestMs = Math.max(outcomes.slowestMs, ms);
  if (ms > HANG_MS) return `took ${ms.toFixed(0)} ms (a hang?)`;
  if (error === undefined) return void outcomes.loaded++;
  if (!(error instanceof ScenarioError)) return `threw ${(error as Error)?.name}: ${(error as Error)?.message}\n${(error as Error)?.stack}`;
  outcomes.refused++;
  if (error.problems.length === 0) return 'ScenarioError without problems';
  for (const p of error.problems) {
    templates.set(problemTemplate(p), (templates.get(problemTemplate(p)) ?? 0) + 1);
    if (!p.file.startsWith('--set #') && (p.line < 1 || p.column < 1)) return `unlocated problem: ${formatProblem(p)}`;
    if (`${p.expected}${p.found}${p.message}`.includes('\n')) return `multi-line problem: ${JSON.stringify(p)}`;
    if (formatProblem(p).length > 1000) return `overlong problem: ${formatProblem(p).slice(0, 300)}…`;
  }
  return undefined;
}

/** Runs `runs` cases of `arbitrary`; fails with the shrunk case on the first misbehaviour. */
function fuzz(arbitrary: fc.Arbitrary<FuzzCase>, runs: number): void {
  fc.assert(
    fc.property(arbitrary, (fuzzCase) => {
      const failure = check(fuzzCase);
      if (failure) throw new Error(`${fuzzCase.family}: ${failure}`);
    }),
    { numRuns: Math.max(1, Math.round(runs * SCALE)), seed: SEED, endOnFailure: true },
  );
}

describe('scenario loader fuzzing: never an uncaught exception but ScenarioError, never a hang', () => {
  it('mutated scenarios (small bases, some shipped ones)', () => fuzz(mutatedScenario(), 5500));
  it('random YAML documents', () => fuzz(randomYaml, 1500));
  it('random bytes', () => fuzz(randomBytes, 1000));
  it('alias bombs, cyclic aliases, deep nesting, tags, directives, oversized files', () => fuzz(hostileYaml, 1000));
  it('hostile --set overrides', () => fuzz(hostileSets, 1000));

  it('ran at least 10,000 cases that produced many distinct problem templates', () => {
    expect(outcomes.cases).toBeGreaterThanOrEqual(Math.round(10_000 * Math.min(1, SCALE)));
    expect(outcomes.refused).toBeGreaterThan(outcomes.cases / 2);
    expect(templates.size).toBeGreaterThanOrEqual(SCALE >= 1 ? 40 : 1);
  });
});
