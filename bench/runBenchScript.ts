import { BenchUsageError } from './parseBenchArgs.ts';
import { parseScriptArgs, type ScriptArgs, type ScriptCommandLine, type ScriptOption } from './parseScriptArgs.ts';

/** Exit code of a mistake on a script's command line (as `npm run bench` and `crm-sim`). */
export const USAGE_EXIT_CODE = 2;

/**
 * Runs a side bench script: parses its command line ({@link parseScriptArgs}); `--help` prints the
 * usage on stdout and exits 0 without running anything; otherwise runs `main`, whose number (if
 * any) becomes the exit code. A {@link BenchUsageError} from the parsing or from `main` prints one
 * line `<script>: <problem>; see <help command>` on stderr and exits 2, without a stack trace; any
 * other error propagates as before.
 * @param commandLine - What the script accepts and its usage text.
 * @param main - The script's work, given the parsed command line.
 * @param argv - The arguments (default: the process's, after the script).
 * @example await runBenchScript(GOLDEN_COMMAND_LINE, (args) => checkGolden(args.values.record === true));
 */
export async function runBenchScript<O extends Record<string, ScriptOption>>(
  commandLine: ScriptCommandLine<O>,
  main: (args: ScriptArgs<O>) => number | void | Promise<number | void>,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  try {
    const args = parseScriptArgs(commandLine, argv);
    if (args.help) {
      // A closed pipe (`--help | head`) is not an error, as for crm-sim.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
      });
      process.stdout.write(`${commandLine.usage}\n`);
      return;
    }
    const code = await main(args);
    if (typeof code === 'number') process.exitCode = code;
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`${commandLine.script}: ${error.message}; see ${commandLine.helpCommand}\n`);
    process.exitCode = USAGE_EXIT_CODE;
  }
}
