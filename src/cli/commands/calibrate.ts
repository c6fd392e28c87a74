import type { RegisterCommand } from '../commandContext.ts';
import { calibrateCommand, type CalibrateOptions } from '../../calibrate/calibrateCommand.ts';

/** `crm-sim calibrate <spec.yaml>`: fit behavioural parameters to historical episodes (docs/calibration.md). */
const register: RegisterCommand = ({ program, signal }) => {
  program.command('calibrate <spec>').description('fit behavioural parameters to historical episodes by Nelder–Mead on Monte Carlo means (docs/calibration.md)')
    .option('--replicates <n>', 'replicates per episode and evaluation (overrides the spec)')
    .option('--seed <s>', 'master seed (overrides the spec)')
    .option('--max-evaluations <n>', 'budget of loss evaluations (overrides the spec)')
    .option('--out <file>', 'where to write the fitted fragment (default outputs/<name>.calibrated.yaml); never the spec or its scenarios, and an existing file only if an earlier calibrate wrote it')
    .option('--overwrite', 'let --out replace an existing file that is not an earlier calibrate output')
    .option('--evaluate', 'score the start values (each parameter\'s start, else the current default) without fitting; writes no fragment, so not with --out')
    .option('--search <n>', 'fit from scratch: ignore the start values, evaluate a Latin-hypercube sample of n points over the bounds and start Nelder–Mead from the best')
    .option('--json', 'print the result as JSON on stdout').option('--quiet', 'no progress output')
    .action((spec: string, options: CalibrateOptions) => calibrateCommand(spec, options, signal));
};
export default register;
