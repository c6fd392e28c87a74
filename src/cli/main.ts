import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { ScenarioError, formatProblem, isUsageOnly } from '../scenario/scenarioError.ts';
import { OutputFolderMountPointError } from '../outputs/mountPoint.ts';
import { OutputFolderExistsError } from '../outputs/writeDirectoryAtomically.ts';
import type { RegisterCommand } from './commandContext.ts';
import { createInterruptHandler } from './createInterruptHandler.ts';
import { describePermissionError } from './describePermissionError.ts';
import { explainUnknownOption } from './explainUnknownOption.ts';
import { addCommandExamples } from './commandExamples.ts';
import { MODULE_EXTENSION, PACKAGE_ROOT_URL } from '../runtime/moduleLocation.ts';
import { EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_INVALID_SCENARIO, EXIT_OK, EXIT_USAGE, InterruptedError, UsageError } from './exitCodes.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = fileURLToPath(PACKAGE_ROOT_URL);
const abort = new AbortController();

/** Builds the program from every command module in ./commands (name order; `.ts` from the sources, `.js` from dist/). */
async function buildProgram(): Promise<Command> {
  const program = new Command('crm-sim')
    .description('Agent-based Monte Carlo simulator of disruptions in critical raw material supply chains')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  const dir = join(HERE, 'commands');
  for (const name of readdirSync(dir).filter((f) => f.endsWith(MODULE_EXTENSION)).sort()) {
    const module = (await import(pathToFileURL(join(dir, name)).href)) as { default: RegisterCommand };
    module.default({ program, signal: abort.signal, root: ROOT });
  }
  explainUnknownOptions(program, 'crm-sim');
  addCommandExamples(program);
  return program;
}

/** Every command's unknown-option error says what to type instead and where the options are listed (src/cli/explainUnknownOption.ts). */
function explainUnknownOptions(command: Command, path: string): void {
  const longFlags = command.options.flatMap((option) => (option.long === undefined ? [] : [option.long]));
  command.configureOutput({ outputError: (message, write) => write(explainUnknownOption(message, longFlags, path)) });
  for (const sub of command.commands) explainUnknownOptions(sub, `${path} ${sub.name()}`);
}

/** Maps an error to its exit code and prints one clear message (never a stack trace for a user's mistake). */
function report(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  if (error instanceof ScenarioError) {
    for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    // A scenario file that does not exist, a malformed --set: the command line's mistake.
    return isUsageOnly(error.problems) ? EXIT_USAGE : EXIT_INVALID_SCENARIO;
  }
  if (error instanceof UsageError || error instanceof OutputFolderExistsError || error instanceof OutputFolderMountPointError) {
    process.stderr.write(`crm-sim: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof Error && error.name === 'AbortError') {
    process.stderr.write(error instanceof InterruptedError ? `crm-sim: ${error.message}\n` : 'crm-sim: interrupted; no output written\n');
    return EXIT_INTERRUPTED;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    // The machine's state, not a bug: the system's message, no stack trace (the temporary folder is gone already).
    const path = (error as NodeJS.ErrnoException).path;
    process.stderr.write(`crm-sim: ${code === 'ENOSPC' ? 'no space left on the device' : 'disk quota exceeded'}${path === undefined ? '' : ` writing ${path}`}; no output written (free space, or write elsewhere with --out)\n`);
    return EXIT_INTERNAL;
  }
  const denied = describePermissionError(error);
  if (denied !== undefined) {
    // A file or folder this user may not read or write (an unreadable shard, a report into someone else's folder): the environment, not a bug.
    process.stderr.write(`crm-sim: ${denied}\n`);
    return EXIT_USAGE;
  }
  process.stderr.write(`crm-sim: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_INTERNAL;
}

// First Ctrl-C, or a scheduler's SIGTERM (Slurm's time limit or scancel, a Kubernetes eviction) or a
// closed terminal's SIGHUP: abort and unwind, removing the temporary folder (exit 130); a second one:
// remove temporary folders and exit 130 now. Without a handler SIGTERM killed the process and left
// its temporary folder (gigabytes of spill) behind, and node as a container's PID 1 ignored it.
const onInterrupt = createInterruptHandler(abort);
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(name, onInterrupt);
// A closed pipe (`crm-sim list | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT_OK);
});
try {
  await (await buildProgram()).parseAsync(process.argv);
} catch (error) {
  process.exitCode = report(error);
}
