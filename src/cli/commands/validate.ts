import type { RegisterCommand } from '../commandContext.ts';
import { loadScenario } from '../../scenario/loadScenario.ts';
import { ScenarioError, formatProblem, isUsageOnly } from '../../scenario/scenarioError.ts';
import { EXIT_INVALID_SCENARIO, EXIT_USAGE } from '../exitCodes.ts';
import { createNotePrinter } from '../createNotePrinter.ts';
import { collectRepeated } from '../collectRepeated.ts';

/**
 * `crm-sim validate <scenario...>`: every problem of every file, located; exit 3 if any (2 if only
 * missing files). Valid files also get their warnings and notes (a home policy reversible by
 * default, an export control that can hold back little), each distinct note once, as `run` prints
 * them. `--set` applies overrides as `run` does, so a variant can be checked before it runs.
 */
const register: RegisterCommand = ({ program }) => {
  program.command('validate <scenario...>').description('check scenario files; print every problem with its location')
    .option('--set <path=value>', 'override a value in every scenario, as run does (repeatable)', collectRepeated, [])
    .action((files: string[], options: { set: string[] }) => {
      let failed = false;
      let invalid = false;
      const note = createNotePrinter();
      for (const file of files) {
        try {
          const loaded = loadScenario(file, { set: options.set });
          for (const warning of loaded.warnings) process.stderr.write(`warning: ${formatProblem(warning)}\n`);
          loaded.notes.forEach(note);
          process.stdout.write(`${file}: ok (${loaded.spec.materials.length} material${loaded.spec.materials.length === 1 ? '' : 's'}, ${loaded.spec.events.length} event${loaded.spec.events.length === 1 ? '' : 's'})\n`);
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          failed = true;
          invalid ||= !isUsageOnly(error.problems);
          for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
        }
      }
      // Exit 3 if a file is an invalid scenario; 2 if the only mistakes are files that do not exist.
      if (failed) process.exitCode = invalid ? EXIT_INVALID_SCENARIO : EXIT_USAGE;
    });
};
export default register;
