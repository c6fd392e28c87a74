import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { parse as parseYaml } from 'yaml';
import { loadScenario } from '../scenario/loadScenario.ts';
import { ScenarioError, formatProblem } from '../scenario/scenarioError.ts';
import { scenarioJsonSchema } from '../scenario/scenarioSchema.ts';
import { OutputFolderExistsError } from '../outputs/writeDirectoryAtomically.ts';
import { runCommand, type RunOptions } from './runCommand.ts';
import { EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_INVALID_SCENARIO, EXIT_OK, EXIT_USAGE, UsageError } from './exitCodes.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const abort = new AbortController();

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function buildProgram(): Command {
  const program = new Command('crm-sim')
    .description('Agent-based Monte Carlo simulator of disruptions in critical raw material supply chains')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program.command('run <scenario>').description('run a scenario\'s Monte Carlo and write an output folder')
    .option('--replicates <n>', 'number of replicates', '100').option('--seed <s>', 'master seed', '1')
    .option('--workers <w>', 'worker threads (default: number of cores; 0 = main thread)')
    .option('--years <y>', 'horizon in years (overrides the scenario)').option('--out <dir>', 'output folder')
    .option('--set <path=value>', 'override a scenario value (repeatable)', collect, [])
    .option('--json', 'print the summary as JSON on stdout').option('--quiet', 'no progress output')
    .action((scenario: string, options: RunOptions) => runCommand(scenario, options, abort.signal));
  program.command('validate <scenario...>').description('check scenario files; print every problem with its location')
    .action((files: string[]) => validateCommand(files));
  program.command('schema').description('print the JSON Schema of scenario files').action(() => {
    process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });
  program.command('list').description('list the shipped scenarios').action(() => listCommand());
  return program;
}

function validateCommand(files: string[]): void {
  let failed = false;
  for (const file of files) {
    try {
      const loaded = loadScenario(file);
      process.stdout.write(`${file}: ok (${loaded.spec.materials.length} materials, ${loaded.spec.events.length} events)\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      failed = true;
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    }
  }
  if (failed) process.exitCode = EXIT_INVALID_SCENARIO;
}

function listCommand(): void {
  const dir = join(ROOT, 'scenarios');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const doc = parseYaml(readFileSync(join(dir, name), 'utf8')) as { description?: string } | null;
    process.stdout.write(`${name.padEnd(36)} ${doc?.description ?? ''}\n`);
  }
}

/** Maps an error to its exit code and prints one clear message (never a stack trace for a user's mistake). */
function report(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  if (error instanceof ScenarioError) {
    for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    return EXIT_INVALID_SCENARIO;
  }
  if (error instanceof UsageError || error instanceof OutputFolderExistsError) {
    process.stderr.write(`crm-sim: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof Error && error.name === 'AbortError') {
    process.stderr.write('crm-sim: interrupted; no output written\n');
    return EXIT_INTERRUPTED;
  }
  process.stderr.write(`crm-sim: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_INTERNAL;
}

process.on('SIGINT', () => abort.abort());
// A closed pipe (`crm-sim list | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT_OK);
});
try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = report(error);
}
