import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Problem, ScenarioError, formatProblem } from '../../src/scenario/scenarioError.ts';

/** What the mocked loader throws: a ScenarioError that carries the warnings found before its errors. */
const thrown = vi.hoisted(() => ({ error: undefined as unknown }));
vi.mock('../../src/scenario/loadScenario.ts', () => ({
  loadScenario: () => {
    throw thrown.error;
  },
}));

const located = (line: number, path: string, found: string, message = ''): Problem => ({ file: 'variant.yaml', line, column: 3, path, expected: 'x', found, message });

/** Runs `crm-sim validate` in this process and returns what it wrote and the exit code it set. */
async function validate(args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number | string | undefined }> {
  const { default: register } = await import('../../src/cli/commands/validate.ts');
  const program = new Command().exitOverride();
  register({ program, signal: new AbortController().signal, root: process.cwd() });
  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((text) => stdout.push(String(text)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => stderr.push(String(text)) > 0);
  const before = process.exitCode;
  try {
    await program.parseAsync(['node', 'crm-sim', 'validate', ...args]);
    return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: process.exitCode };
  } finally {
    vi.restoreAllMocks();
    process.exitCode = before;
  }
}

describe('crm-sim validate on a file with errors and warnings', () => {
  const errors = [located(2, 'years', '0'), located(9, 'events.quota.start', '"2031-01"')];
  const warnings = [located(5, 'events.quota.duration', '2', 'read as 2 years')];
  afterEach(() => {
    thrown.error = undefined;
  });

  it('prints the warnings after the errors, and exits 3 for the errors', async () => {
    thrown.error = Object.assign(new ScenarioError(errors), { warnings });
    const { stdout, stderr, exitCode } = await validate(['variant.yaml']);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter(Boolean)).toEqual([...errors.map(formatProblem), ...warnings.map((w) => `warning: ${formatProblem(w)}`)]);
    expect(exitCode).toBe(3);
  });

  it('--json gives the file its warnings beside its problems, nothing on stderr, exit 3', async () => {
    thrown.error = Object.assign(new ScenarioError(errors), { warnings });
    const { stdout, stderr, exitCode } = await validate(['--json', 'variant.yaml']);
    expect(stderr).toBe('');
    const { files } = JSON.parse(stdout) as { files: Array<{ ok: boolean; problems: Problem[]; warnings: Problem[] }> };
    expect(files.map((f) => [f.ok, f.problems.length, f.warnings])).toEqual([[false, 2, warnings]]);
    expect(exitCode).toBe(3);
  });

  it('prints the errors alone from an error that carries no warnings', async () => {
    thrown.error = new ScenarioError(errors);
    const { stderr, exitCode } = await validate(['variant.yaml']);
    expect(stderr.split('\n').filter(Boolean)).toEqual(errors.map(formatProblem));
    expect(exitCode).toBe(3);
  });
});
