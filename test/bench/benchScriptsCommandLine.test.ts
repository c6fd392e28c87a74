import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The side bench scripts as a user runs them (through tsx): --help lists every option and argument,
// and a mistake is one line on stderr with exit 2, before anything is measured (before, an unknown
// option was ignored or ended in a stack trace, and --ticks abc ran with NaN ticks).
const SCRIPTS = [
  { file: 'bench/golden.ts', script: 'golden', flags: ['--record', '--help'] },
  { file: 'bench/countInstructions.ts', script: 'bench:instructions', flags: ['--firms-per-cell N', '--ticks N', '--kernel-agents N', '--json', '--help'] },
  { file: 'bench/firmLoopVariants.ts', script: 'bench:variants', flags: ['<firms>', '<rounds>', '--help'] },
  { file: 'bench/decadeRun.ts', script: 'bench:decade', flags: ['--agents N', '--scenario FILE', '--seed S', '--help'] },
  { file: 'bench/compareEngines.ts', script: 'compareEngines', flags: ['<treeA>', '<treeB>', '<rounds>', '<size>', '--help'] },
];

function run(file: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { encoding: 'utf8', timeout: 60_000 });
}

describe('the side bench scripts on the command line', () => {
  it.each(SCRIPTS)('$script --help: the usage on stdout with every option and argument, exit 0', ({ file, flags }) => {
    const help = run(file, '--help');
    expect(help.status).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(/^usage: /);
    for (const flag of flags) expect(help.stdout).toContain(`\n  ${flag}`);
    expect(help.stdout).toMatch(/takes?[^.]*\b\d+(–\d+)? (s|min|minutes?)\b/i); // how long it takes
  }, 70_000);

  it.each(SCRIPTS)('$script --bogus: one line naming the option, exit 2, no stack trace, nothing run', ({ file, script }) => {
    const bad = run(file, '--bogus');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(new RegExp(`^${script}: unknown option "--bogus": expected .*; see .*--help\\n$`));
  }, 70_000);

  it('bench:instructions --ticks abc: refused before valgrind runs (it ran with NaN ticks before)', () => {
    const bad = run('bench/countInstructions.ts', '--ticks', 'abc');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('bench:instructions: --ticks: expected a whole number ≥ 1, found "abc"; see npm run bench:instructions -- --help\n');
  }, 70_000);
});
