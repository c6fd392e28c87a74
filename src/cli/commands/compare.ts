import { collectRepeated } from '../collectRepeated.ts';
import type { RegisterCommand } from '../commandContext.ts';
import { compareCommand, type CompareOptions } from '../../compare/compareCommand.ts';

/** `crm-sim compare <a.yaml> <b.yaml> [...]`: paired comparison with common random numbers. */
const register: RegisterCommand = ({ program, signal }) => {
  program.command('compare <scenarios...>')
    .description('run scenarios with common random numbers and compare each with the first (paired differences)')
    .option('--replicates <n>', 'replicates per scenario', '100').option('--seed <s>', 'master seed (shared by all scenarios)', '1')
    .option('--workers <w>', 'worker threads (default: number of cores; 0 = main thread)')
    .option('--years <y>', 'horizon in years (overrides every scenario)').option('--out <dir>', 'output folder')
    .option('--set <path=value>', 'override a value in every scenario (repeatable)', collectRepeated, [])
    .option('--top <n>', 'rows per alternative in the printed table (default 10)').option('--all', 'print every metric that differs')
    .option('--max-memory <size>', 'refuse comparisons estimated to need more memory (default $CRM_SIM_MAX_MEMORY, else 80% of RAM)')
    .option('--resume', 'keep finished arms in <out>.parts: run the same command again after an interruption to run only the rest (needs --out)')
    .option('--json', 'print comparison.json on stdout').option('--quiet', 'no progress output')
    .option('--format <format>', 'csv (default), or parquet for CSV plus replicates.parquet (every arm\'s per-replicate summaries) and over-time.parquet')
    .option('--report', 'also write report.html and charts/ (SVG, PNG) into the output folder')
    .action((scenarios: string[], options: CompareOptions) => compareCommand(scenarios, options, signal));
};
export default register;
