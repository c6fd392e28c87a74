import type { LoadedScenario } from '../scenario/loadScenario.ts';
import { createManifest, type RunManifest } from '../outputs/createManifest.ts';

/** The manifest of a compare, sweep or stress folder: a run manifest plus the command and every scenario run. */
export interface CommandManifest extends RunManifest {
  command: 'compare' | 'sweep' | 'stress';
  /** The full command line as typed, program name first (`crm-sim compare a.yaml b.yaml --replicates 20`). */
  commandLine: string[];
  /** Every scenario (arm, point or disturbed variant) by label, with its file and resolved-text hash. */
  scenarios: { label: string; path: string; sha256: string }[];
  /** Arms run (each with `replicates` replicates under `masterSeed`). */
  arms: number;
}

/** Inputs of {@link createCommandManifest}. */
export interface CommandManifestInput {
  command: CommandManifest['command'];
  /** Arguments after the program name; default `process.argv.slice(2)`. */
  argv?: readonly string[];
  /** The reference scenario (first arm, or the swept or stressed scenario) and its file. */
  reference: { path: string; loaded: LoadedScenario };
  scenarios: CommandManifest['scenarios'];
  arms: number;
  /** The command-line overrides applied to every scenario (`--set`, `--years`). */
  overrides?: readonly string[];
  masterSeed: number;
  replicates: number;
  workers: number;
  ticks: number;
  startedAt: Date;
  finishedAt: Date;
  /**
   * With `--resume`: the command lines the parts folder recorded (`ArmCache.recordedCommands`). When
   * later commands took the arms up, the manifest names the first as `commandLine` and those as
   * `resumeCommandLines`, as a resumed `run` does.
   */
  recordedCommands?: { commandLine: string[]; resumeCommandLines: string[][] };
}

/**
 * Creates `manifest.json` for the paired commands: `createManifest` of the reference scenario
 * (code version, commit, seed, sizes, timing) with the command, the full command line (so the
 * folder can be reproduced), the number of arms and every scenario's hash added.
 *
 * @param input - What was run and when.
 * @returns The manifest (plain JSON data).
 * @example
 * createCommandManifest({ command: 'compare', reference, scenarios, arms: 2, masterSeed: 1, replicates: 50,
 *   workers: 2, ticks: 520, startedAt, finishedAt: new Date() });
 */
export function createCommandManifest(input: CommandManifestInput): CommandManifest {
  const base = createManifest({
    scenarioText: input.reference.loaded.resolvedYaml,
    scenarioPath: input.reference.path,
    overrides: input.overrides,
    commandLine: ['crm-sim', ...(input.argv ?? process.argv.slice(2))],
    masterSeed: input.masterSeed,
    replicates: input.replicates,
    workers: input.workers,
    ticks: input.ticks,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
  });
  const resumed = input.recordedCommands !== undefined && input.recordedCommands.resumeCommandLines.length > 0 ? input.recordedCommands : undefined;
  return {
    ...base,
    // Both already masked (the parts folder's record is written masked).
    ...(resumed === undefined ? { commandLine: base.commandLine ?? [] } : { commandLine: resumed.commandLine, resumeCommandLines: resumed.resumeCommandLines }),
    command: input.command, arms: input.arms, scenarios: input.scenarios,
  };
}
