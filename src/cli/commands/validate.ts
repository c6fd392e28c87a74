import type { RegisterCommand } from '../commandContext.ts';
import { loadScenario } from '../../scenario/loadScenario.ts';
import { ScenarioError, formatProblem } from '../../scenario/scenarioError.ts';
import { EXIT_INVALID_SCENARIO } from '../exitCodes.ts';

/** `crm-sim validate <scenario...>`: every problem of every file, located; exit 3 if any. */
const register: RegisterCommand = ({ program }) => {
  program.command('validate <scenario...>').description('check scenario files; print every problem with its location')
    .action((files: string[]) => {
      let failed = false;
      for (const file of files) {
        try {
          const loaded = loadScenario(file);
          for (const warning of loaded.warnings) process.stderr.write(`warning: ${formatProblem(warning)}\n`);
          process.stdout.write(`${file}: ok (${loaded.spec.materials.length} materials, ${loaded.spec.events.length} events)\n`);
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          failed = true;
          for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
        }
      }
      if (failed) process.exitCode = EXIT_INVALID_SCENARIO;
    });
};
export default register;
