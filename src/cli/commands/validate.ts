import { resolve } from 'node:path';
import type { RegisterCommand } from '../commandContext.ts';
import { loadScenario } from '../../scenario/loadScenario.ts';
import type { ScenarioNote } from '../../scenario/findReversibleDefaults.ts';
import { type Problem, ScenarioError, formatProblem, isUsageOnly } from '../../scenario/scenarioError.ts';
import { EXIT_INVALID_SCENARIO, EXIT_USAGE } from '../exitCodes.ts';
import { createNotePrinter } from '../createNotePrinter.ts';
import { collectRepeated } from '../collectRepeated.ts';
import { countOf } from '../../text/countOf.ts';

/** One file's verdict in `validate --json`. */
interface FileVerdict {
  file: string;
  ok: boolean;
  materials?: number;
  events?: number;
  problems: Problem[];
  warnings: Problem[];
  notes: ScenarioNote[];
}

/** The warnings the loader found before its errors stopped it (a bare number, a retired key: they hold whatever the errors are). */
function warningsOf(error: ScenarioError): Problem[] {
  return error.warnings;
}

/**
 * Writes a file's warnings to stderr, `warning: <located problem>`; one located in a parent
 * (extends) may hold for this file alone (its override makes it apply), so it says which file was checked.
 */
function printWarnings(file: string, warnings: readonly Problem[]): void {
  const checked = resolve(file);
  for (const warning of warnings) {
    const inherited = warning.file !== '' && resolve(warning.file) !== checked;
    process.stderr.write(`warning: ${formatProblem(warning)}${inherited ? ` (checking ${file})` : ''}\n`);
  }
}

/**
 * `crm-sim validate <scenario...>`: every problem of every file, located; exit 3 if any (2 if only
 * missing files). A file with errors also gets the warnings found with them, after its errors.
 * Valid files also get their warnings and notes (a home policy reversible by
 * default, an export control that can hold back little), each distinct note once, as `run` prints
 * them. `--set` applies overrides as `run` does, so a variant can be checked before it runs.
 * `--json` prints one object instead, `{ files: [{ file, ok, materials, events, problems, warnings,
 * notes }] }` (counts only when ok), each problem and warning with `file, line, column, path,
 * expected, found, message` (`usage: true` on a usage mistake), each note with `file, line, column,
 * path, text` (for editors and CI, audit 25, L8); nothing on stderr; the same exit codes.
 */
const register: RegisterCommand = ({ program }) => {
  program.command('validate <scenario...>').description('check scenario files; print every problem with its location')
    .option('--set <path=value>', 'override a value in every scenario, as run does (repeatable)', collectRepeated, [])
    .option('--json', 'print one JSON object (every file with its problems, warnings and notes) on stdout, nothing on stderr')
    .action((files: string[], options: { set: string[]; json?: boolean }) => {
      let failed = false;
      let invalid = false;
      const note = createNotePrinter();
      const verdicts: FileVerdict[] = [];
      for (const file of files) {
        try {
          const loaded = loadScenario(file, { set: options.set });
          const [materials, events] = [loaded.spec.materials.length, loaded.spec.events.length];
          verdicts.push({ file, ok: true, materials, events, problems: [], warnings: loaded.warnings, notes: loaded.notes });
          if (options.json === true) continue;
          printWarnings(file, loaded.warnings);
          loaded.notes.forEach(note);
          process.stdout.write(`${file}: ok (${countOf(materials, 'material')}, ${countOf(events, 'event')})\n`);
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          failed = true;
          invalid ||= !isUsageOnly(error.problems);
          const warnings = warningsOf(error);
          verdicts.push({ file, ok: false, problems: error.problems, warnings, notes: [] });
          if (options.json === true) continue;
          for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
          printWarnings(file, warnings);
        }
      }
      if (options.json === true) process.stdout.write(`${JSON.stringify({ files: verdicts }, null, 2)}\n`);
      // Exit 3 if a file is an invalid scenario; 2 if the only mistakes are files that do not exist.
      if (failed) process.exitCode = invalid ? EXIT_INVALID_SCENARIO : EXIT_USAGE;
    });
};
export default register;
