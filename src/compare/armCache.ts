import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CompiledScenario } from '../../sim-core/index.ts';
import type { ReplicateResult } from '../../sim-core/results.ts';
import { UsageError } from '../cli/exitCodes.ts';
import { SOURCE_SHA256 } from '../runtime/sourceFingerprint.ts';

/**
 * Finished arms of `compare`, `sweep` and `stress --resume` (runScenarioArms.ts), kept in a folder
 * (`<out>.parts`) so that the same command, run again after it was killed, runs only the arms it
 * had not finished. Each arm is one file named by a key over everything its results depend on:
 * the code (`sourceSha256`), the worker module (which summaries it keeps), the master seed, the
 * replicate count and the compiled scenario. A file of another run, of changed code or a changed
 * scenario is therefore never found, and the results, read back bit for bit, are those of a run
 * without interruption.
 */
export interface ArmCache {
  /** The arm's results (replicates in order, summaries only), or undefined when it has not finished. */
  read(key: string, replicates: number): ReplicateResult[] | undefined;
  /** Keeps an arm's results (written atomically). */
  write(key: string, results: readonly ReplicateResult[]): void;
  /** Removes the folder (the command's outputs are written). */
  remove(): void;
}

/** The key of an arm's results (hex SHA-256); see {@link ArmCache}. */
export function armKey(compiled: CompiledScenario, masterSeed: number, replicates: number, workerModule: string): string {
  // JSON writes NaN and ±Infinity as null: spell them out so that they key differently.
  const spec = JSON.stringify(compiled.spec, (_, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value));
  return createHash('sha256').update(JSON.stringify({ code: SOURCE_SHA256, workerModule, masterSeed, replicates })).update(spec).digest('hex');
}

/**
 * Opens (creating it) the folder of finished arms.
 * @param folder - e.g. `<out>.parts`
 */
export function openArmCache(folder: string): ArmCache {
  const dir = resolve(folder);
  mkdirSync(dir, { recursive: true });
  const pathOf = (key: string) => join(dir, `arm-${key}.f64`);
  return {
    read(key, replicates) {
      const path = pathOf(key);
      if (!existsSync(path)) return undefined;
      const bytes = readFileSync(path);
      const values = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength - (bytes.byteLength % 8)));
      const summaries = values[1];
      // Anything but a whole arm (a file is renamed into place whole, but a disk can fail) is run again.
      if (values[0] !== replicates || !Number.isInteger(summaries) || values.length !== 2 + replicates * (1 + summaries)) return undefined;
      return Array.from({ length: replicates }, (_, i) => {
        const at = 2 + i * (1 + summaries);
        return { replicate: values[at], series: new Float64Array(0), summaries: values.slice(at + 1, at + 1 + summaries) };
      });
    },
    write(key, results) {
      const summaries = results[0]?.summaries.length ?? 0;
      const values = new Float64Array(2 + results.length * (1 + summaries));
      values[0] = results.length;
      values[1] = summaries;
      results.forEach((result, i) => {
        values[2 + i * (1 + summaries)] = result.replicate;
        values.set(result.summaries, 3 + i * (1 + summaries));
      });
      const path = pathOf(key);
      writeFileSync(`${path}.tmp-${process.pid}`, values);
      renameSync(`${path}.tmp-${process.pid}`, path);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The cache of `--resume` for a command writing to `out`: `<out>.parts`, or undefined without `--resume`.
 * @throws UsageError when `--resume` is given without `--out`
 */
export function resumeCacheFor(command: string, resume: boolean | undefined, out: string | undefined): ArmCache | undefined {
  if (resume !== true) return undefined;
  if (out === undefined) throw new UsageError(`${command} --resume needs --out DIR: the finished arms are kept in DIR.parts until DIR is written`);
  return openArmCache(`${resolve(out)}.parts`);
}
