import { collectRepeated } from '../collectRepeated.ts';
import type { RegisterCommand } from '../commandContext.ts';
import { mergeCommand, type MergeOptions } from '../mergeCommand.ts';

/** `crm-sim merge <dirs...> --out DIR`. */
const register: RegisterCommand = ({ program, signal }) => {
  program.command('merge <dirs...>').description('merge the shard folders of one run (crm-sim run --shard k/K) into its output folder')
    .requiredOption('--out <dir>', 'output folder')
    .option('--format <format>', 'csv, or parquet for CSV plus series.parquet and replicates.parquet', 'csv')
    .option('--keep-series', "also write every replicate's per-tick series (replicate-series.csv/.parquet; large)")
    .option('--exceed <condition>', "also report P(metric > value) in summary.json, e.g. 'longestSevereShortfallWeeks.ndpr.endUse.US>12' (repeatable)", collectRepeated, [])
    .option('--max-memory <size>', 'refuse merges estimated to need more memory (default $CRM_SIM_MAX_MEMORY, else 80% of RAM)')
    .option('--json', 'print the summary as JSON on stdout').option('--quiet', 'no progress output')
    .action((dirs: string[], options: MergeOptions) => mergeCommand(dirs, options, signal));
};
export default register;
