import type { RegisterCommand } from '../commandContext.ts';
import { UsageError } from '../exitCodes.ts';
import { scenarioJsonSchema } from '../../scenario/scenarioSchema.ts';
import { writeFileAtomically } from '../../outputs/writeFileAtomically.ts';

/**
 * `crm-sim schema`: the JSON Schema of scenario files, for editors. Printed to stdout, or with
 * `--out <file>` written to that file atomically (`npm run schema` refreshes the committed copy this
 * way, so a failed build or run never leaves it empty or half-written).
 */
const register: RegisterCommand = ({ program }) => {
  program.command('schema').description('print the JSON Schema of scenario files')
    .option('--out <file>', 'write it to this file instead (atomically: the old file stays if anything fails)')
    .action((options: { out?: string }) => {
      const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
      if (options.out === undefined) process.stdout.write(text);
      else writeTo(options.out, text);
    });
};
export default register;

/** Writes the schema to the user's `--out` file; a path it cannot write is a usage error (exit 2), not an internal one. */
function writeTo(out: string, text: string): void {
  try {
    writeFileAtomically(out, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new UsageError(`--out ${out}: cannot write the schema there (${code}); the folder must exist and be writable`);
  }
}
