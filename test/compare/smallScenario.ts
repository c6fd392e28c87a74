import { spawnSync } from 'node:child_process';

/** A short, coarse horizon for engine tests: two years of monthly ticks, two firms per capacity cell. */
export const SMALL = ['years=2', 'ticksPerYear=12', 'resolution.firmsPerCapacityCell=2'];

/** Absolute path of a shipped scenario. */
export function shipped(name: string): string {
  return new URL(`../../scenarios/${name}.yaml`, import.meta.url).pathname;
}

/** Runs the CLI as a user would (a child process through tsx); returns exit code and output. */
export function runCrmSim(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const root = new URL('../../', import.meta.url).pathname;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
