import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CompiledScenario, ReplicateResult } from '../../sim-core/index.ts';
import { UsageError } from '../cli/exitCodes.ts';
import { computeScenarioHash } from '../montecarlo/computeScenarioHash.ts';
import { SOURCE_SHA256 } from '../runtime/sourceFingerprint.ts';

/**
 * Finished arms of `compare`, `sweep` and `stress --resume` (runScenarioArms.ts), kept in a folder
 * (`<out>.parts`) so that the same command, run again after it was killed, runs only the arms it
 * had not finished. Each arm is one file named by a key over everything its results depend on:
 * the code (`sourceSha256`), V8's version and the processor, the worker module (which summaries it
 * keeps), the master seed, the replicate count and the scenario as compiled. One `--out` takes one
 * run at a time. A file of another run, of changed code or a changed
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
  // The spec hashed bit for bit (−0, NaN, undefined kept apart); the engine's arithmetic could differ
  // between V8 versions or processors, so they count too.
  return computeScenarioHash({
    code: SOURCE_SHA256, v8: process.versions.v8, arch: process.arch, workerModule, masterSeed, replicates, spec: compiled.spec,
  });
}

/**
 * Opens the folder of finished arms (created with the first arm kept).
 * @param folder - e.g. `<out>.parts`
 */
export function openArmCache(folder: string): ArmCache {
  const dir = resolve(folder);
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
      mkdirSync(dir, { recursive: true }); // here, not at open: a command refused early leaves no folder
      const path = pathOf(key);
      const temporary = `${path}.tmp-${process.pid}`;
      // On disk before it gets its name: after a power cut a kept arm is whole or absent.
      const fd = openSync(temporary, 'w');
      try {
        writeSync(fd, values);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, path);
    },
    remove() {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch (error) {
        // The outputs are written: a folder that will not go is the user's to remove, not a failure.
        process.stderr.write(`crm-sim: could not remove ${dir} (${(error as Error).message}); remove it by hand\n`);
      }
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
  if (SOURCE_SHA256 === null) throw new UsageError(`${command} --resume: this build does not record its sources' fingerprint, so kept arms could come from other code; run npm run build`);
  return openArmCache(`${resolve(out)}.parts`);
}
