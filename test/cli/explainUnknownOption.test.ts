import { describe, expect, it } from 'vitest';
import { explainUnknownOption } from '../../src/cli/explainUnknownOption.ts';
import { runCli } from './runCli.ts';

const COMPARE = ['--replicates', '--seed', '--workers', '--out', '--set'];

describe('explainUnknownOption', () => {
  it('names the option other tools call by that name, only when this command has it', () => {
    expect(explainUnknownOption("error: unknown option '--runs'\n", COMPARE, 'crm-sim compare')).toBe(
      "error: unknown option '--runs' (did you mean --replicates?); crm-sim compare --help lists the options\n");
    expect(explainUnknownOption("error: unknown option '--Output-Dir=x'\n", COMPARE, 'crm-sim compare')).toBe(
      "error: unknown option '--Output-Dir=x' (did you mean --out?); crm-sim compare --help lists the options\n");
    // A command without --replicates (validate) gets no wrong hint.
    expect(explainUnknownOption("error: unknown option '--runs'\n", ['--json'], 'crm-sim validate')).toBe(
      "error: unknown option '--runs'; crm-sim validate --help lists the options\n");
    // Several meanings: those the command has, in order.
    expect(explainUnknownOption("error: unknown option '--threads'\n", ['--workers', '--threads-per-replicate'], 'crm-sim run')).toContain('(did you mean --workers or --threads-per-replicate?)');
  });

  it("keeps commander's own suggestion on one line and leaves other errors alone", () => {
    expect(explainUnknownOption("error: unknown option '--sed'\n(Did you mean one of --seed, --set?)\n", COMPARE, 'crm-sim compare')).toBe(
      "error: unknown option '--sed' (Did you mean one of --seed, --set?); crm-sim compare --help lists the options\n");
    const other = "error: missing required argument 'scenarios'\n";
    expect(explainUnknownOption(other, COMPARE, 'crm-sim compare')).toBe(other);
  });

  it('is what the CLI prints, with exit 2 and nothing run', () => {
    const { status, stdout, stderr } = runCli(['compare', 'scenarios/baseline.yaml', '--runs', '5']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe("error: unknown option '--runs' (did you mean --replicates?); crm-sim compare --help lists the options\n");
  });
});
