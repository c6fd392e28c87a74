/**
 * `npm run bench:decade [-- --agents N] [--scenario FILE] [--seed S]`: the engine issue's acceptance
 * run. One replicate of a 10-year weekly scenario (520 ticks, default the baseline) with about
 * 100,000 agents of every kind, stepped through the public API only (`sim-core/index.ts`):
 * compileScenario → createWorld → createRecorder → runTicks, then computeSummaries. Prints the
 * agents by kind at the start and at the end, the project pipeline, the government's and the
 * foreign actor's spending, and the setup and run times (wall and CPU), and checks that the same
 * replicate through createReplicateRunner gives the same summaries, bit for bit. Options: see
 * {@link DECADE_COMMAND_LINE} (`npm run bench:decade -- --help`); a bad one, or a scenario with
 * mistakes, exits 2 before anything runs.
 */
import { cpus } from 'node:os';
import { cpuUsage } from 'node:process';
import { createLoadWatch, describeRunLoad, loadPerCoreNow } from './machineLoad.ts';
import {
  compileScenario, computeSummaries, createRecorder, createReplicateRunner, createWorld, runTicks, sampleScenario,
  type ScenarioSpec, type World,
} from '../sim-core/index.ts';
import { ScenarioError, formatProblem } from '../src/scenario/scenarioError.ts';
import { findFirmsPerCapacityCell, loadBenchSpec } from './createBenchWorld.ts';
import { BenchUsageError } from './parseBenchArgs.ts';
import { wholeNumberOf, type ScriptArgs } from './parseScriptArgs.ts';
import { runBenchScript } from './runBenchScript.ts';

/** `npm run bench:decade`'s options and help. */
export const DECADE_COMMAND_LINE = {
  script: 'bench:decade',
  helpCommand: 'npm run bench:decade -- --help',
  options: { agents: { type: 'string' }, scenario: { type: 'string' }, seed: { type: 'string' } },
  usage: `usage: npm run bench:decade [-- options]
  One replicate of a 10-year weekly run (520 ticks) through the public API only (compileScenario,
  createWorld, createRecorder, runTicks, computeSummaries): agents by kind at the start and the end,
  the project pipeline, the government's and the foreign actor's spending, setup and run times
  (wall and CPU), and a check that createReplicateRunner gives the same summaries bit for bit
  (exit 1 if not). Takes about 10 s with the defaults (7 s of CPU: the replicate runs twice);
  time grows with --agents.
  --agents N        about N agents at the start (default 100000): sets
                    resolution.firmsPerCapacityCell to the value giving the nearest count
  --scenario FILE   the scenario, run for 10 years of 52 ticks (default scenarios/baseline.yaml)
  --seed S          master seed, a whole number ≥ 0 (default 1)
  --help            this text`,
} as const;

const KINDS = ['miners', 'processors', 'manufacturers', 'recyclers'] as const;

/** Agents of each kind in a world (live firms per store, end users split public/private, projects). */
function countByKind(world: World): Record<string, number> {
  const counts: Record<string, number> = {};
  world.stores.forEach((store, s) => {
    let alive = 0;
    for (let f = 0; f < store.slots; f++) alive += store.alive[f];
    counts[KINDS[s]] = alive;
  });
  let publicUsers = 0;
  for (let u = 0; u < world.endUsers.count; u++) publicUsers += world.endUsers.isPublic[u];
  counts['end users, private'] = world.endUsers.count - publicUsers;
  counts['end users, public'] = publicUsers;
  let projects = 0;
  for (let p = 0; p < world.projects.slots; p++) projects += world.projects.active[p];
  counts['projects in the pipeline (explorers)'] = projects;
  return counts;
}

/** The scenario at the resolution giving about `agents` agents, 10 years weekly; its mistakes as a usage error. */
function loadDecadeSpec(scenario: string, agents: number): { spec: ScenarioSpec; firmsPerCapacityCell: number } {
  try {
    const { firmsPerCapacityCell } = findFirmsPerCapacityCell(scenario, agents);
    return { spec: loadBenchSpec(scenario, firmsPerCapacityCell, ['years=10', 'ticksPerYear=52']), firmsPerCapacityCell };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const [first, ...others] = error.problems.map(formatProblem);
    const more = others.length === 0 ? '' : ` (and ${others.length} more: crm-sim validate ${scenario} lists them)`;
    throw new BenchUsageError(`--scenario: ${first ?? error.message}${more}`);
  }
}

function main({ values }: ScriptArgs<typeof DECADE_COMMAND_LINE.options>): void {
  const scenario = values.scenario ?? 'scenarios/baseline.yaml';
  const seed = wholeNumberOf('--seed', values.seed, 1, 0);
  const { spec, firmsPerCapacityCell } = loadDecadeSpec(scenario, wholeNumberOf('--agents', values.agents, 100_000));

  const setupStart = performance.now();
  const compiled = compileScenario(spec);
  // As createReplicateRunner does: replicate 0's draw of the scenario's uncertain parameters.
  const drawn = spec.uncertainties.length > 0 ? sampleScenario(spec, seed, 0) : spec;
  const world = createWorld(drawn, seed, 0);
  const recorder = createRecorder(world, compiled.layout.series.length, compiled.offsets);
  const setupMs = performance.now() - setupStart;
  const start = countByKind(world);

  const loadAtStart = loadPerCoreNow();
  const watch = createLoadWatch();
  const cpuBefore = cpuUsage();
  const runStart = performance.now();
  runTicks(world, recorder);
  const runMs = performance.now() - runStart;
  const cpu = cpuUsage(cpuBefore);
  // Others' share of the load at the end: this run's own thread taken out, as bench:compare does.
  const othersAtEnd = Math.max(0, loadPerCoreNow() - watch.ownLoadNow() / Math.max(1, cpus().length));
  const summaries = computeSummaries(compiled.layout, compiled.offsets, recorder.series, world.markets.basePriceUsdPerTonne, world.materials, world.regions, world.chain.stockpileReleasedByTriggerTonnes, recorder.publicTally);
  const end = countByKind(world);

  const agents = Object.entries(start).filter(([kind]) => !kind.startsWith('projects')).reduce((n, [, v]) => n + v, 0);
  console.log(`${scenario}, seed ${seed}, replicate 0: ${world.ticks} ticks (10 years weekly), ` +
    `resolution.firmsPerCapacityCell=${firmsPerCapacityCell}, ${agents.toLocaleString('en')} agents at the start`);
  console.log('kind'.padEnd(40) + 'start'.padStart(10) + 'end'.padStart(10));
  for (const kind of Object.keys(start)) console.log(kind.padEnd(40) + String(start[kind]).padStart(10) + String(end[kind]).padStart(10));
  console.log(`government (home ${spec.government.region}): ${world.government.elections} elections, ` +
    `foreign actor: ${world.foreignActor.attacks} cyberattacks, budget left ${(world.foreignActor.budgetLeftUsd / 1e9).toFixed(2)} bn USD`);
  const cpuMs = (cpu.user + cpu.system) / 1e3;
  const perAgentTick = (ms: number) => (ms * 1e6 / (agents * world.ticks)).toFixed(1);
  console.log(`setup ${setupMs.toFixed(0)} ms; run ${(runMs / 1000).toFixed(2)} s wall, ` +
    `${(cpuMs / 1000).toFixed(2)} s CPU; ${perAgentTick(runMs)} ns per agent-tick (wall), ${perAgentTick(cpuMs)} (CPU)`);
  console.log(describeRunLoad(loadAtStart, othersAtEnd, cpuMs / runMs));

  const viaRunner = createReplicateRunner(compiled)(seed, 0).summaries;
  const same = viaRunner.length === summaries.length && viaRunner.every((v, i) => Object.is(v, summaries[i]));
  console.log(`createReplicateRunner gives the same ${summaries.length} summaries bit for bit: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}

await runBenchScript(DECADE_COMMAND_LINE, main);
