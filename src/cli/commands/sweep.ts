import { collectRepeated } from '../collectRepeated.ts';
import type { RegisterCommand } from '../commandContext.ts';
import { sweepCommand, type SweepCliOptions } from '../../sweep/sweepCommand.ts';

/** `crm-sim sweep <scenario> [--grid ...] [--lhs N path=min:max ...]`: parameter sweep and tornado. */
const register: RegisterCommand = ({ program, signal }) => {
  program.command('sweep <scenario> [ranges...]')
    .description('run a grid or Latin-hypercube design and a one-at-a-time tornado of the uncertain parameters (common random numbers)')
    .option('--grid <path=v1,v2,...>', 'full-factorial values of a scenario path (repeatable; units as in --set)', collectRepeated, [])
    .option('--lhs <n>', 'Latin hypercube of n points over the ranges path=min:max given after the scenario')
    .option('--metric <id>', 'output metric of the table and tornado (summary.json id; default what home end users receive over the run, cumulativeConsumption, of the first material, in the scenario order, that an event names, else of the first material)')
    .option('--no-tornado', 'skip the one-at-a-time sensitivity runs')
    .option('--replicates <n>', 'replicates per point', '100').option('--seed <s>', 'master seed (shared by all points)', '1')
    .option('--workers <w>', 'worker threads (default: number of cores; 0 = main thread)')
    .option('--years <y>', 'horizon in years (overrides the scenario; refused with a --grid or --lhs range over years)').option('--out <dir>', 'output folder')
    .option('--set <path=value>', 'override a scenario value at every point (repeatable; refused for a path the design sweeps)', collectRepeated, [])
    .option('--max-memory <size>', 'refuse sweeps estimated to need more memory (default $CRM_SIM_MAX_MEMORY, else 80% of RAM)')
    .option('--resume', 'keep finished arms in <out>.parts: run the same command again after an interruption to run only the rest (needs --out)')
    .option('--json', 'print sweep.json on stdout').option('--quiet', 'no progress output')
    .option('--report', 'also write report.html and charts/ (SVG, PNG) into the output folder')
    .action((scenario: string, ranges: string[], options: SweepCliOptions) => sweepCommand(scenario, ranges, options, signal));
};
export default register;
