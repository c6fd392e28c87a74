import { collectRepeated } from '../collectRepeated.ts';
import type { RegisterCommand } from '../commandContext.ts';
import { runCommand, type RunOptions } from '../runCommand.ts';

/** `crm-sim run <scenario>`. */
const register: RegisterCommand = ({ program, signal }) => {
  program.command('run [scenario]').description("run a scenario's Monte Carlo and write an output folder")
    .option('--replicates <n>', 'number of replicates', '100').option('--seed <s>', 'master seed', '1')
    .option('--workers <w>', 'worker threads (default: number of cores; 0 = main thread)')
    .option('--threads-per-replicate <t>', 'threads that step each replicate together (for very large worlds; same results; default 1; at most the number of cores: more is capped, with a note)')
    .option('--years <y>', 'horizon in years (overrides the scenario)').option('--out <dir>', 'output folder')
    .option('--overwrite', 'replace --out when it holds a finished crm-sim output folder (atomically; any other folder is refused)')
    .option('--set <path=value>', 'override a scenario value (repeatable)', collectRepeated, [])
    .option('--shard <k/K>', 'run only shard k of K (contiguous replicates) and write a shard folder for crm-sim merge')
    .option('--format <format>', 'csv (default), or parquet for CSV plus series.parquet and replicates.parquet')
    .option('--keep-series', "also write every replicate's per-tick series (replicate-series.csv/.parquet; large)")
    .option('--report', 'also write report.html and charts/ (SVG, PNG) into the output folder (implies --measure-impact)')
    .option('--measure-impact', 'also run the scenario without each struck stage\'s disruptive events (same seed and replicates, at most --impact-replicates) and write impact.json and sources.json')
    .option('--impact-replicates <n>', 'replicates of each run without disruptions for impact.json: min(replicates, n) (default 30)')
    .option('--resume <dir>', 'run resumably into DIR (finished parts kept in DIR.parts), or finish the interrupted run there')
    .option('--max-memory <size>', 'refuse runs estimated to need more memory (default $CRM_SIM_MAX_MEMORY, else 80% of RAM)')
    .option('--exceed <condition>', "also report P(metric > value) in summary.json, e.g. 'longestSevereShortfallWeeks.ndpr.endUse.US>12' (repeatable)", collectRepeated, [])
    .option('--json', 'print the summary as JSON on stdout').option('--quiet', 'no progress output')
    .action((scenario: string | undefined, options: RunOptions) => runCommand(scenario, options, signal));
};
export default register;
