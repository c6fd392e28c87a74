import { collectRepeated } from '../collectRepeated.ts';
import type { RegisterCommand } from '../commandContext.ts';
import { stressCommand, type StressCliOptions } from '../../stress/stressCommand.ts';

/** `crm-sim stress <scenario>`: standard disruption per stage, paired against the undisturbed run. */
const register: RegisterCommand = ({ program, signal }) => {
  program.command('stress <scenario>')
    .description("rank the six stages by the impact of a standard disruption scaled by the foreign actor's capability × intent")
    .option('--replicates <n>', 'replicates per arm', '100').option('--seed <s>', 'master seed (shared by all arms)', '1')
    .option('--workers <w>', 'worker threads (default: number of cores; 0 = main thread)')
    .option('--years <y>', 'horizon in years (overrides the scenario)').option('--out <dir>', 'output folder')
    .option('--set <path=value>', 'override a scenario value (repeatable)', collectRepeated, [])
    .option('--strip-events', "remove the scenario's own threat events (export controls, bans, cyberattacks, …) first; by default the impact is on top of them")
    .option('--max-memory <size>', 'refuse stress runs estimated to need more memory (default $CRM_SIM_MAX_MEMORY, else 80% of RAM)')
    .option('--resume', 'keep finished arms in <out>.parts: run the same command again after an interruption to run only the rest (needs --out)')
    .option('--json', 'print stress.json on stdout').option('--quiet', 'no progress output')
    .option('--report', 'also write report.html and charts/ (SVG, PNG) into the output folder')
    .action((scenario: string, options: StressCliOptions) => stressCommand(scenario, options, signal));
};
export default register;
