import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { RegisterCommand } from '../../src/cli/commandContext.ts';
import { COMMAND_EXAMPLES } from '../../src/cli/commandExamples.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { runCli } from './runCli.ts';

/** The command as main.ts registers it, on a program of its own. */
async function registered(name: string): Promise<Command> {
  const program = new Command('crm-sim').exitOverride();
  const register = (await import(`../../src/cli/commands/${name}.ts`) as { default: RegisterCommand }).default;
  register({ program, signal: new AbortController().signal, root: process.cwd() });
  const command = program.commands.find((c) => c.name() === name);
  if (command === undefined) throw new Error(`no command ${name}`);
  return command;
}

/** `--set path=value` and `--grid path=v1,v2` pairs of a command line, each as `path=first value`. */
function overridesOf(tokens: readonly string[]): string[] {
  return tokens.flatMap((token, i) => (tokens[i - 1] === '--set' ? [token] : tokens[i - 1] === '--grid' ? [token.split(',')[0]] : []));
}

describe('the examples at the end of each command\'s --help', () => {
  for (const [name, examples] of Object.entries(COMMAND_EXAMPLES)) {
    it(`for ${name}: use only its options, name scenario files that exist, and set paths the scenario has`, async () => {
      const command = await registered(name);
      for (const example of examples) {
        const tokens = example.line.split(' ');
        expect(tokens.slice(0, 2)).toEqual(['crm-sim', name]);
        expect(command.parseOptions(tokens.slice(2)).unknown, example.line).toEqual([]);
        const scenarios = tokens.filter((t) => /^scenarios\/.+\.yaml$/.test(t));
        for (const file of scenarios) expect(existsSync(file), file).toBe(true);
        const overrides = overridesOf(tokens);
        // Each override loads on the example's first scenario: a misspelt event id or key is an error.
        if (overrides.length > 0) expect(() => loadScenario(scenarios[0], { set: overrides }), example.line).not.toThrow();
      }
    });
  }

  it('are printed by --help, after the options', () => {
    const { status, stdout } = runCli(['sweep', '--help']);
    expect(status).toBe(0);
    const examples = stdout.indexOf('Examples:');
    expect(examples).toBeGreaterThan(stdout.indexOf('--replicates'));
    expect(stdout.slice(examples)).toContain(COMMAND_EXAMPLES.sweep[0].line);
  });
});
