import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CompiledScenario, ReplicateResult } from '../../sim-core/index.ts';
import { InterruptedError, UsageError } from '../cli/exitCodes.ts';
import { computeScenarioHash } from '../montecarlo/computeScenarioHash.ts';
import { SOURCE_SHA256 } from '../runtime/sourceFingerprint.ts';
import { countOf } from '../text/countOf.ts';
import { currentCommandLine, redactCommandLine } from '../outputs/createManifest.ts';

/**
 * Finished arms of `compare`, `sweep` and `stress --resume` (runScenarioArms.ts), kept in a folder
 * (`<out>.parts`) so that the same command, run again after it was killed, runs only the arms it
 * had not finished. Each arm is one file named by a key over everything its results depend on:
 * the code (`sourceSha256`), V8's version and the processor, the worker module (which summaries it
 * keeps) and the data sent with each arm, the master seed, the replicate count and the scenario as compiled. One `--out` takes one
 * run at a time. A file of another run, of changed code or a changed
 * scenario is therefore never found, and the results, read back bit for bit, are those of a run
 * without interruption.
 *
 * The folder is crm-sim's only when it holds nothing but its marker ({@link ARM_MARKER}, written
 * with the first arm), arm files and the record of its command lines ({@link COMMANDS_FILE})
 * (folders from before the marker hold arm files alone): any other
 * `<out>.parts` (a user's folder, a file, a resumable run's parts) is refused, never used or removed.
 */
export interface ArmCache {
  /** The arm's results (replicates in order, summaries only), or undefined when it has not finished. */
  read(key: string, replicates: number): ReplicateResult[] | undefined;
  /** Keeps an arm's results (written atomically). */
  write(key: string, results: readonly ReplicateResult[]): void;
  /** Removes the folder (the command's outputs are written). */
  remove(): void;
  /**
   * The command lines the folder's record holds ({@link COMMANDS_FILE}): the one that kept the first
   * arms and those that took them up since; undefined when no arm was kept. Read before {@link remove}.
   */
  recordedCommands(): Pick<CommandsRecord, 'commandLine' | 'resumeCommandLines'> | undefined;
  /** The error to report an interrupt with (`cause`, an AbortError): how many arms are kept, and how to finish. */
  interrupted(cause: unknown): Error;
}

/** The key of an arm's results (hex SHA-256); see {@link ArmCache}. */
export function armKey(compiled: CompiledScenario, masterSeed: number, replicates: number, workerModule: string, taskData?: Readonly<Record<string, unknown>>): string {
  // The spec hashed bit for bit (−0, NaN, undefined kept apart); the engine's arithmetic could differ
  // between V8 versions or processors, so they count too.
  return computeScenarioHash({
    code: SOURCE_SHA256, v8: process.versions.v8, arch: process.arch, workerModule, masterSeed, replicates, spec: compiled.spec,
    // Absent, not undefined, without task data: the keys of arms kept before it existed stay the same.
    ...(taskData === undefined ? {} : { taskData }),
  });
}

/** The file that marks a folder of finished arms as crm-sim's. */
export const ARM_MARKER = 'crm-sim-arms.json';
/** What the marker holds. */
const MARKER_TEXT = `${JSON.stringify({ tool: 'crm-sim', kind: 'finished arms of compare, sweep or stress --resume' })}\n`;
/** An arm's file, or the temporary file of its writer. */
const ARM_FILE = /^arm-[\w-]+\.f64(\.tmp-\d+)?$/;
/**
 * The record of the command lines that kept arms in the folder ({@link CommandsRecord}), so that
 * the one that resumes them can be read back after the terminal is gone.
 */
export const COMMANDS_FILE = 'crm-sim-commands.json';
/** The record's file, or the temporary file of its writer. */
const COMMANDS_NAME = /^crm-sim-commands\.json(\.tmp-\d+)?$/;

/** What {@link COMMANDS_FILE} holds. */
export interface CommandsRecord {
  tool: 'crm-sim';
  /** `compare`, `sweep` or `stress`. */
  command: string;
  /** The working folder of the last command: its relative paths (scenarios, `--out`) are read from there. */
  cwd: string;
  /** The command that kept the first arms (`crm-sim` and its arguments, URL credentials masked). */
  commandLine: string[];
  /** The commands that took the arms up since, in order (one per attempt; the last is the latest). */
  resumeCommandLines: string[][];
  /** The command to resume with, as a POSIX shell reads it: the latest command, run again from `cwd`. */
  resumeWith: string;
}

/** Joins arguments into a command line a POSIX shell reads back the same (quotes where needed). */
function shellJoin(args: readonly string[]): string {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** The record in `dir`, or undefined when it is absent or unreadable. */
export function readCommandsRecord(dir: string): CommandsRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(join(dir, COMMANDS_FILE), 'utf8')) as Partial<CommandsRecord>;
    const isLine = (value: unknown): value is string[] => Array.isArray(value) && value.every((a) => typeof a === 'string');
    if (record.tool !== 'crm-sim' || !isLine(record.commandLine) || !Array.isArray(record.resumeCommandLines) || !record.resumeCommandLines.every(isLine)) return undefined;
    return record as CommandsRecord;
  } catch {
    return undefined;
  }
}

/** Up to three names of a list, with the count of the rest. */
function firstNames(names: string[]): string {
  return names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
}

/**
 * Checks that `dir`, when it exists, is a folder of finished arms that crm-sim made (see {@link ArmCache}).
 * @throws UsageError naming the folder, what was expected and what was found.
 */
function checkArmFolder(dir: string, command: string): void {
  if (!existsSync(dir)) return;
  const expected = `expected crm-sim's folder of ${command} --resume's finished arms`;
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir}: ${expected}, found a file; move it away or choose another --out`);
  const names = readdirSync(dir).sort();
  if (names.includes('run.json') && names.some((name) => /^part-\d+$/.test(name) || name === 'lock')) {
    throw new UsageError(`${dir}: ${expected}, found the parts of a resumable run (run.json); finish it with crm-sim run --resume ${dir.slice(0, -'.parts'.length)}, or move it away or choose another --out`);
  }
  const foreign = names.filter((name) => name !== ARM_MARKER && !ARM_FILE.test(name) && !COMMANDS_NAME.test(name));
  if (foreign.length > 0) {
    throw new UsageError(`${dir}: ${expected}, found a folder with other files (${firstNames(foreign)}); not touching it: move it away or choose another --out`);
  }
  if (names.includes(ARM_MARKER)) {
    let marker: { tool?: unknown } | undefined;
    try {
      marker = JSON.parse(readFileSync(join(dir, ARM_MARKER), 'utf8')) as { tool?: unknown };
    } catch {
      marker = undefined;
    }
    if (marker?.tool !== 'crm-sim') {
      throw new UsageError(`${join(dir, ARM_MARKER)}: expected crm-sim's marker ({"tool": "crm-sim", …}), found other content; remove ${dir} to start over`);
    }
  }
}

/**
 * Opens the folder of finished arms (created with the first arm kept).
 * @param folder - e.g. `<out>.parts`
 * @param command - The command, for messages.
 * @param commandLine - The command line to record in {@link COMMANDS_FILE}; default this process's.
 * @throws UsageError when the folder exists and is not crm-sim's (see {@link ArmCache}).
 */
export function openArmCache(folder: string, command = 'compare', commandLine: readonly string[] = currentCommandLine()): ArmCache {
  const dir = resolve(folder);
  checkArmFolder(dir, command);
  const pathOf = (key: string) => join(dir, `arm-${key}.f64`);
  let recorded = false;
  /** Adds this command to the folder's record, once (the first kept arm starts it; a later command resumes it). */
  const recordCommand = (): void => {
    if (recorded || !existsSync(dir)) return;
    recorded = true;
    const line = redactCommandLine(commandLine);
    const earlier = readCommandsRecord(dir);
    const record: CommandsRecord = {
      tool: 'crm-sim', command, cwd: process.cwd(),
      commandLine: earlier?.commandLine ?? line,
      resumeCommandLines: earlier === undefined ? [] : [...earlier.resumeCommandLines, line],
      resumeWith: shellJoin(line),
    };
    try {
      const temporary = join(dir, `${COMMANDS_FILE}.tmp-${process.pid}`);
      writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
      renameSync(temporary, join(dir, COMMANDS_FILE));
    } catch (error) {
      // The arms are what resumes the command: a record that will not be written costs only the reminder.
      process.stderr.write(`crm-sim: could not record the command line in ${join(dir, COMMANDS_FILE)} (${(error as Error).message})\n`);
    }
  };
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
      if (!existsSync(join(dir, ARM_MARKER))) writeFileSync(join(dir, ARM_MARKER), MARKER_TEXT);
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
      recordCommand();
    },
    interrupted(cause) {
      const kept = existsSync(dir) ? readdirSync(dir).filter((name) => /^arm-[\w-]+\.f64$/.test(name)).length : 0;
      if (kept === 0) return new InterruptedError('interrupted before any arm finished; no output written', { cause });
      // A command that resumed the arms and was interrupted before it kept one of its own is recorded too.
      recordCommand();
      const record = readCommandsRecord(dir);
      const how = record === undefined ? '' : `: ${record.resumeWith} (from ${record.cwd}; recorded in ${join(dir, COMMANDS_FILE)})`;
      return new InterruptedError(`interrupted; ${countOf(kept, 'finished arm')} kept in ${dir}; run the same command again to finish${how}`, { cause });
    },
    recordedCommands() {
      const record = readCommandsRecord(dir);
      return record === undefined ? undefined : { commandLine: record.commandLine, resumeCommandLines: record.resumeCommandLines };
    },
    remove() {
      // Only what crm-sim put there: anything else that appeared meanwhile stays, with the folder.
      try {
        if (!existsSync(dir)) return;
        for (const name of readdirSync(dir)) if (name === ARM_MARKER || ARM_FILE.test(name) || COMMANDS_NAME.test(name)) rmSync(join(dir, name), { force: true });
        const left = readdirSync(dir);
        if (left.length > 0) {
          process.stderr.write(`crm-sim: left ${dir} in place: it holds files crm-sim did not put there (${firstNames(left.sort())})\n`);
          return;
        }
        rmdirSync(dir);
      } catch (error) {
        // The outputs are written: a folder that will not go is the user's to remove, not a failure.
        process.stderr.write(`crm-sim: could not remove ${dir} (${(error as Error).message}); remove it by hand\n`);
      }
    },
  };
}

/**
 * The cache of `--resume` for a command writing to `out`: `<out>.parts`, or undefined without `--resume`.
 * @throws UsageError when `--resume` is given without `--out`, or `<out>.parts` is not crm-sim's folder of finished arms
 */
export function resumeCacheFor(command: string, resume: boolean | undefined, out: string | undefined): ArmCache | undefined {
  if (resume !== true) return undefined;
  if (out === undefined) throw new UsageError(`${command} --resume needs --out DIR: the finished arms are kept in DIR.parts until DIR is written`);
  if (SOURCE_SHA256 === null) throw new UsageError(`${command} --resume: this build does not record its sources' fingerprint, so kept arms could come from other code; run npm run build`);
  return openArmCache(`${resolve(out)}.parts`, command);
}
