import { resolve } from 'node:path';

/**
 * Default output folder of a command: `outputs/<name>-<UTC timestamp>` under the working
 * directory, as `crm-sim run` names its folders.
 *
 * @param name - Command and scenario part, e.g. `compare-threat-export-quota`.
 * @param started - When the command started.
 * @returns Absolute path.
 * @example
 * defaultOutputFolder('stress-baseline', new Date('2025-01-02T03:04:05.678Z')); // …/outputs/stress-baseline-20250102T030405Z
 */
export function defaultOutputFolder(name: string, started: Date): string {
  const stamp = started.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return resolve('outputs', `${name}-${stamp}`);
}
