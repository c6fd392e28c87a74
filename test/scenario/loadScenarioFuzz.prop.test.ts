/**
 * Fuzzing of the scenario loader, in-process: at least 10,000 generated hostile or mistaken
 * scenario files (see scenarioFuzzCases.ts). Every case must either load or throw a ScenarioError
 * whose problems are all located one-line messages; any other exception fails.
 *
 * Deterministic by default: every run uses seed DEFAULT_FUZZ_SEED (scenarioFuzzCases.ts), so CI fails or passes the same
 * way each time. Explore other cases locally with `FUZZ_SEED=random` (a new seed each run, printed in
 * the summary line) or `FUZZ_SEED=<number>`, and more of them with `FUZZ_RUNS=100000`. A failure
 * prints its seed, fast-check's path and the shrunk case, and the command that replays exactly it:
 * `FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run <this file> -t '<test name>'`.
 *
 * Hangs are measured in CPU time of this process, not wall-clock time, which a loaded machine
 * stretches but CPU time does not: on 2 cores shared with `vitest run test/scenario`, the mutated
 * family took 147–169 s against 26 s alone, over vitest's 120 s test timeout (which therefore is off
 * here, see fuzzTest), while its CPU time hardly moved. A case that returns after more than
 * {@link SLOW_CASE_CPU_MS} of CPU fails (and is shrunk); a case that never returns (an infinite loop,
 * which no in-thread check and no vitest timeout can interrupt: vitest's timeout is a timer of the
 * same thread) is caught by a watchdog thread, which prints the case and kills this test process
 * after {@link HANG_CPU_MS} of CPU.
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatProblem, ScenarioError } from '../../src/scenario/scenarioError.ts';
import {
  createFuzzFolder, describeCase, fuzzSeedFromEnvironment, type FuzzCase, hostileSets, hostileYaml, mutatedScenario, problemTemplate, randomBytes, randomYaml, writeCase,
} from './scenarioFuzzCases.ts';

/**
 * CPU time after which a case that did return counts as a hang. Generated cases take at most ~0.25 s
 * of CPU (500,000 of them: seeds 1–40, and 100–101 with FUZZ_RUNS=50000), and the heaviest file the limits allow,
 * 1 MiB holding a 170,000-value list, ~4 s; load adds wall-clock time, not CPU time, so no load
 * reaches 10 s, while a loop that only ends at some limit, or a quadratic blow-up, still does.
 */
const SLOW_CASE_CPU_MS = 10_000;
/** CPU time after which the watchdog kills a case that has not returned (a true hang). */
const HANG_CPU_MS = 6 * SLOW_CASE_CPU_MS;
/**
 * CPU time fast-check may spend shrinking a failure. Each shrink step of a slow case is itself up to
 * {@link SLOW_CASE_CPU_MS} or more, and a large file has hundreds of steps: past this budget the
 * failure found so far is reported as it is (its message says the shrinking was cut short).
 */
const SHRINK_BUDGET_CPU_MS = 12 * SLOW_CASE_CPU_MS;
const SCALE = Number(process.env.FUZZ_RUNS ?? 10_000) / 10_000;
const SEED = fuzzSeedFromEnvironment(process.env.FUZZ_SEED);
const REPLAY_PATH = process.env.FUZZ_PATH || undefined;
const THIS_FILE = 'test/scenario/loadScenarioFuzz.prop.test.ts';
const dir = createFuzzFolder();
const templates = new Map<string, number>();
const outcomes = { cases: 0, loaded: 0, refused: 0, slowestCpuMs: 0 };

afterAll(async () => {
  await watchdog.stop();
  rmSync(dir, { recursive: true, force: true });
  const lines = [...templates].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${String(n).padStart(6)}  ${t}`);
  process.stderr.write(`loader fuzz (seed ${SEED}): ${outcomes.cases} cases, ${outcomes.loaded} loaded, ${outcomes.refused} refused, `
    + `${templates.size} distinct problem templates, slowest case ${outcomes.slowestCpuMs.toFixed(0)} ms of CPU\n`
    + `${process.env.FUZZ_VERBOSE ? `${lines.join('\n')}\n` : ''}`);
});

/**
 * The watchdog thread's code (plain JavaScript: a worker does not get vitest's TypeScript transform).
 * Every 250 ms it reads the number of the running case (0: none) from shared memory; when one case
 * has been running for `limitMs` of the process's CPU time, it writes the case to stderr with a
 * synchronous write (this process's own stderr stream is served by the stuck main thread), removes
 * the scratch folder and kills the process, which vitest reports as a failed test file.
 */
const WATCHDOG_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { rmSync, writeSync } = require('node:fs');
const { running, limitMs, folder, seed, testFile } = workerData;
const cpuMs = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
let current = { number: 0, testName: '.', text: '(unknown case)' };
let watched = { number: 0, since: 0 };
parentPort.on('message', (message) => { current = message; });
setInterval(() => {
  const number = Atomics.load(running, 0);
  if (number !== watched.number) { watched = { number, since: cpuMs() }; return; }
  if (number === 0 || cpuMs() - watched.since < limitMs) return;
  writeSync(2, 'loader fuzz: a case used over ' + limitMs + ' ms of CPU without returning (a hang), seed ' + seed + ': '
    + current.text + '\\nreplay: FUZZ_SEED=' + seed + ' npx vitest run ' + testFile + " -t '" + current.testName + "'\\n");
  rmSync(folder, { recursive: true, force: true });
  process.kill(process.pid, 'SIGKILL');
}, 250).unref();
`;

/** The hang watchdog: tell it when each case starts and ends; stop it at the end. */
interface HangWatchdog {
  caseStarted(fuzzCase: FuzzCase, testName: string): void;
  caseEnded(): void;
  stop(): Promise<number>;
}

/** Starts the watchdog thread that kills this process when a case never returns (see WATCHDOG_SOURCE). */
function startHangWatchdog(): HangWatchdog {
  const running = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    workerData: { running, limitMs: HANG_CPU_MS, folder: dir, seed: SEED, testFile: THIS_FILE },
  });
  worker.unref();
  let number = 0;
  return {
    caseStarted(fuzzCase, testName) {
      number++;
      // The description is sent before the case runs: the watchdog cannot ask a stuck thread for it.
      worker.postMessage({ number, testName: namePattern(testName), text: describeCase(fuzzCase) });
      Atomics.store(running, 0, number);
    },
    caseEnded() {
      Atomics.store(running, 0, 0);
    },
    stop: () => worker.terminate(),
  };
}

const watchdog = startHangWatchdog();

/** CPU time (user + system) this process has used, in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Loads one case; returns a failure text, or undefined when the loader behaved. */
function check(fuzzCase: FuzzCase, testName: string): string | undefined {
  const path = writeCase(dir, fuzzCase);
  watchdog.caseStarted(fuzzCase, testName);
  const started = cpuMs();
  let error: unknown;
  try {
    loadScenario(path, { set: fuzzCase.set });
  } catch (thrown) {
    error = thrown;
  }
  const ms = cpuMs() - started;
  watchdog.caseEnded();
  outcomes.cases++;
  outcomes.slowestCpuMs = Math.max(outcomes.slowestCpuMs, ms);
  if (ms > SLOW_CASE_CPU_MS) return `used ${ms.toFixed(0)} ms of CPU (a hang?)`;
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

/**
 * Runs `runs` cases of `arbitrary`; on the first misbehaviour, fails with the shrunk case, the seed
 * and fast-check's path, and the command that replays it (fast-check's own message would quote the
 * whole case, up to 1 MiB).
 */
function fuzz(testName: string, arbitrary: fc.Arbitrary<FuzzCase>, runs: number): void {
  let firstFailureCpuMs: number | undefined;
  let shrinkCutShort = false;
  const details = fc.check(
    fc.property(arbitrary, (fuzzCase) => {
      // Past the shrink budget every further candidate passes unchecked, which ends the shrinking at
      // the smallest failing case found so far.
      if (firstFailureCpuMs !== undefined && cpuMs() - firstFailureCpuMs > SHRINK_BUDGET_CPU_MS) {
        shrinkCutShort = true;
        return;
      }
      const failure = check(fuzzCase, testName);
      if (!failure) return;
      firstFailureCpuMs ??= cpuMs();
      throw new Error(`${fuzzCase.family}: ${failure}`);
    }),
    { numRuns: Math.max(1, Math.round(runs * SCALE)), seed: SEED, path: REPLAY_PATH },
  );
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`${cause}\n`
    + `seed ${details.seed}, path ${details.counterexamplePath}, shrunk ${details.numShrinks} times`
    + `${shrinkCutShort ? ` (cut short after ${SHRINK_BUDGET_CPU_MS / 1000} s of CPU: a smaller failing case may exist)` : ''}; the case: `
    + `${details.counterexample ? describeCase(details.counterexample[0]) : '(none)'}\n`
    + `replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} npx vitest run ${THIS_FILE} -t '${namePattern(testName)}'`);
}

/** A pattern for vitest's `-t`, which takes a regular expression: the test names have parentheses. */
function namePattern(testName: string): string {
  return testName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A fuzz test; no vitest timeout (0), which would count wall-clock time: hangs are the watchdog's. */
function fuzzTest(name: string, arbitrary: fc.Arbitrary<FuzzCase>, runs: number): void {
  it(name, () => fuzz(name, arbitrary, runs), 0);
}

describe('scenario loader fuzzing: never an uncaught exception but ScenarioError, never a hang', () => {
  fuzzTest('mutated scenarios (small bases, some shipped ones)', mutatedScenario(), 5500);
  fuzzTest('random YAML documents', randomYaml, 1500);
  fuzzTest('random bytes', randomBytes, 1000);
  fuzzTest('alias bombs, cyclic aliases, deep nesting, tags, directives, oversized files', hostileYaml, 1000);
  fuzzTest('hostile --set overrides', hostileSets, 1000);

  // A replay (FUZZ_PATH) runs one case per test: the totals say nothing then.
  it.skipIf(REPLAY_PATH)('ran at least 10,000 cases that produced many distinct problem templates', () => {
    expect(outcomes.cases).toBeGreaterThanOrEqual(Math.round(10_000 * Math.min(1, SCALE)));
    expect(outcomes.refused).toBeGreaterThan(outcomes.cases / 2);
    expect(templates.size).toBeGreaterThanOrEqual(SCALE >= 1 ? 40 : 1);
  });
});
