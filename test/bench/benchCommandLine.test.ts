import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const bench = (...argv: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'bench/main.ts', ...argv], { encoding: 'utf8', timeout: 60_000 });

// Nothing here measures anything: --help and usage errors end before the warm-up.
describe('npm run bench: help and usage errors', () => {
  it('prints every option with its default and the exit codes on --help, exit 0', () => {
    const run = bench('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}--kernel /m);
    expect(run.stdout).toMatch(/^ {2}--force /m);
    expect(run.stdout).toMatch(/^exit codes: 0 ok; 1 /m);
    expect(run.stdout).toMatch(/3 regression: with --compare, a comparable figure worse than the baseline/);
  }, 70_000);

  it('refuses --force without --save-baseline in one line, exit 2, nothing measured', () => {
    const run = bench('--force');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^bench: --force: expected --save-baseline with it/)]);
    expect(run.stdout).toBe('');
  }, 70_000);
});
