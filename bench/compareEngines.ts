/**
 * In-process A/B of two source trees' engines at one bench size (default large): loads each tree's bench harness
 * (its own sim-core), warms both, then alternates one fresh world of each per round and prints the
 * median CPU ns per agent-tick, whole step and per phase. Both engines run in one process, side by
 * side, so they see the same load (a shared machine's load moves CPU figures by ±10% between
 * processes). Phase times use the process's CPU clock here, not wall time.
 *
 * Usage: `npx tsx bench/compareEngines.ts <treeA> [treeB=.] [rounds=3] [size=large]`, a tree being a checkout of
 * the repository (for a commit: `git archive <commit> | tar -x -C /tmp/a` and a node_modules link);
 * see {@link COMPARE_ENGINES_COMMAND_LINE} (`--help`). A bad argument exits 2 before anything runs.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchConfig, SizeConfig } from './benchConfig.ts';
import { median } from './median.ts';
import { BenchUsageError } from './parseBenchArgs.ts';
import { wholeNumberOf, type ScriptArgs } from './parseScriptArgs.ts';
import { runBenchScript } from './runBenchScript.ts';
import type { SizeFigures } from './timeEngine.ts';

/** compareEngines' arguments and help. */
export const COMPARE_ENGINES_COMMAND_LINE = {
  script: 'compareEngines',
  helpCommand: 'npx tsx bench/compareEngines.ts --help',
  options: {},
  positionals: ['<treeA>', '<treeB>', '<rounds>', '<size>'],
  usage: `usage: npx tsx bench/compareEngines.ts <treeA> [<treeB> [<rounds> [<size>]]]
  In-process A/B of two source trees' engines: loads each tree's bench harness (its own sim-core),
  warms both, then alternates one fresh world of each per round and prints the median CPU ns per
  agent-tick, whole step and per phase, with the load at the start and the end. Runs through tsx
  (it imports the trees' .ts files): both engines pay tsx's cost, so the shares hold, not the
  absolute figures. With the defaults (3 rounds, large: 1M agents) it takes about 50 s (35 s of
  CPU; at load 6 on 2 cores), ~10 s more per round, peak RSS ~320 MB; seconds at small.
  Not through scripts/runCompiled.mjs: plain node cannot import the trees' .ts files.
  <treeA>    a checkout of the repository (required; for a commit: git archive <commit> | tar -x
             -C /tmp/a, and a node_modules link)
  <treeB>    the other checkout (default ".", this one)
  <rounds>   rounds, each one fresh world of each tree, the first alternating (default 3)
  <size>     a size of bench/configurations.json in both trees: small, medium, large (default large)
  --help     this text`,
} as const;

interface Harness {
  config: BenchConfig;
  warmUpEngine(config: BenchConfig): void;
  timeEngineSize(config: BenchConfig, size: SizeConfig): SizeFigures;
}

async function loadHarness(tree: string): Promise<Harness> {
  const at = (file: string) => pathToFileURL(resolve(tree, 'bench', file)).href;
  const { loadBenchConfig } = (await import(at('benchConfig.ts'))) as { loadBenchConfig(): BenchConfig };
  const engine = (await import(at('timeEngine.ts'))) as Omit<Harness, 'config'>;
  return { config: loadBenchConfig(), warmUpEngine: engine.warmUpEngine, timeEngineSize: engine.timeEngineSize };
}

async function main({ positionals }: ScriptArgs<typeof COMPARE_ENGINES_COMMAND_LINE.options>): Promise<void> {
  const [a, b = '.', roundsText, sizeName = 'large'] = positionals;
  if (!a) throw new BenchUsageError('<treeA>: expected a checkout of the repository, found no argument');
  // Compiled (scripts/runCompiled.mjs), plain node cannot import the trees' .ts files.
  if (!import.meta.url.endsWith('.ts')) throw new BenchUsageError('expected a run through tsx (npx tsx bench/compareEngines.ts …: it imports each tree\'s .ts files), found the compiled script under plain node');
  const rounds = wholeNumberOf('<rounds>', roundsText, 3);
  const trees = [a, b];
  const missing = trees.find((tree) => !existsSync(resolve(tree, 'bench', 'timeEngine.ts')));
  if (missing !== undefined) throw new BenchUsageError(`${missing === a ? '<treeA>' : '<treeB>'}: expected a checkout of the repository, found no bench/timeEngine.ts in "${missing}"`);
  const harnesses = await Promise.all(trees.map(loadHarness));
  const unknown = harnesses.find((h) => !h.config.sizes.some((s) => s.name === sizeName));
  if (unknown !== undefined) throw new BenchUsageError(`<size>: expected a size of bench/configurations.json (${unknown.config.sizes.map((s) => s.name).join(', ')}), found "${sizeName}"`);
  for (const h of harnesses) h.warmUpEngine(h.config);
  // From here on every clock reading the harnesses take is CPU time (user + system) in ms.
  performance.now = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const loadAtStart = loadavg()[0];
  const runs: SizeFigures[][] = [[], []];
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < 2; k++) {
      const i = (round + k) % 2; // alternate which tree goes first
      const h = harnesses[i];
      const size = h.config.sizes.find((s) => s.name === sizeName) as SizeConfig;
      runs[i].push(h.timeEngineSize(h.config, { ...size, replicates: 1 }));
    }
  }
  const row = (name: string, pick: (f: SizeFigures) => number) =>
    `${name.padEnd(22)}${runs.map((r) => median(r.map(pick)).toFixed(2).padStart(9)).join('')}`;
  const out = [`CPU ns per agent-tick at ${runs[0][0].agents} agents, median of ${rounds} rounds; load ${loadAtStart.toFixed(2)} -> ${loadavg()[0].toFixed(2)}`];
  out.push(`${''.padEnd(22)}${['A', 'B'].map((x) => x.padStart(9)).join('')}   (A = ${trees[0]}, B = ${trees[1]})`);
  out.push(row('whole step', (f) => f.cpuNsPerAgentTick));
  for (const phase of Object.keys(runs[0][0].phasesNsPerAgentTick)) out.push(row(phase, (f) => f.phasesNsPerAgentTick[phase] ?? 0));
  out.push(row('sum of phases', (f) => Object.values(f.phasesNsPerAgentTick).reduce((x, y) => x + y, 0)));
  process.stdout.write(`${out.join('\n')}\n`);
}

await runBenchScript(COMPARE_ENGINES_COMMAND_LINE, main);
