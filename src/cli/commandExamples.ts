import type { Command } from 'commander';

/** One worked command line for a command's `--help`, and what it answers. */
export interface CommandExample {
  /** What the example answers, in a few words. */
  what: string;
  /** The command line, from the project's root (`crm-sim …`). */
  line: string;
}

/**
 * Examples that `crm-sim <command> --help` ends with: README's worked examples and the commonest
 * uses, so a user who reaches for `--help` sees a whole command line, not only the option list.
 * test/cli/commandExamples.test.ts parses every line with the command's own options and checks that
 * the scenario files it names exist, so an example cannot drift from the command it documents.
 */
export const COMMAND_EXAMPLES: Readonly<Record<string, readonly CommandExample[]>> = {
  run: [
    { what: 'the reference threat, 100 runs, with its report', line: 'crm-sim run scenarios/threat-export-quota.yaml --replicates 100 --seed 1 --report' },
    { what: 'one value changed for this run', line: 'crm-sim run scenarios/baseline.yaml --set materials.ndpr.demand.growthPerYear=5% --replicates 20' },
    { what: 'a quarter of a large run, to merge later', line: 'crm-sim run scenarios/baseline.yaml --replicates 1000 --shard 1/4 --out shards/1' },
  ],
  compare: [
    { what: 'what two stockpiles buy against the quota, paired run by run', line: 'crm-sim compare scenarios/threat-export-quota.yaml scenarios/mitigation-stockpile-60d.yaml scenarios/mitigation-stockpile-magnets.yaml --replicates 30 --report' },
  ],
  sweep: [
    { what: 'what each quota share does, each point paired with the first', line: 'crm-sim sweep scenarios/threat-export-quota.yaml --grid events.cnQuotaNdpr.quotaShare=20%,40%,60%,80%,100% --replicates 20 --report' },
    { what: 'what each stockpile size buys ("none" first)', line: 'crm-sim sweep scenarios/mitigation-stockpile-60d.yaml --grid events.usStockpileNdpr.targetDays=0,30,60,90,120 --replicates 20 --no-tornado' },
  ],
  stress: [
    { what: 'which stage of the chain hurts most, on top of the quota', line: 'crm-sim stress scenarios/threat-export-quota.yaml --replicates 12 --report' },
  ],
  validate: [
    { what: 'check a file, with the overrides a run would apply', line: 'crm-sim validate scenarios/threat-export-quota.yaml --set events.cnQuotaNdpr.quotaShare=30%' },
  ],
  merge: [
    { what: 'the shards of one run into its output folder', line: 'crm-sim merge shards/1 shards/2 shards/3 shards/4 --out merged' },
  ],
  calibrate: [
    { what: 'score the current parameters on the episodes, without fitting', line: 'crm-sim calibrate scenarios/calibration/calibrate.yaml --evaluate --replicates 6' },
  ],
  report: [
    { what: 'write a folder\'s report (again)', line: 'crm-sim report outputs/threat-export-quota-20261203T201500.000Z' },
  ],
};

/**
 * Adds an "Examples:" block to the end of each command's `--help` that has examples.
 *
 * @param program - The program, its commands registered.
 * @param examples - Per command name, its examples.
 * @example
 * addCommandExamples(program);
 * // crm-sim sweep --help ends with "Examples:\n  # what each quota share does …\n  crm-sim sweep scenarios/…"
 */
export function addCommandExamples(program: Command, examples: Readonly<Record<string, readonly CommandExample[]>> = COMMAND_EXAMPLES): void {
  for (const command of program.commands) {
    const own = examples[command.name()];
    if (own === undefined || own.length === 0) continue;
    command.addHelpText('after', `\nExamples:\n${own.map((e) => `  # ${e.what}\n  ${e.line}`).join('\n')}\n`);
  }
}
