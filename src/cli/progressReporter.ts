import cliProgress from 'cli-progress';
import { nounOf } from '../text/countOf.ts';

/**
 * What a phase counts: a plural noun phrase (`replicates`), or its singular and plural when the
 * phase may count one (`1/1 replicate`, `0/1 paired run …`).
 */
export type ProgressLabel = string | { singular: string; plural: string };

/** The replicates of a run, on its progress line (`1/1 replicate`, `40/100 replicates`). */
export const REPLICATES_LABEL: ProgressLabel = { singular: 'replicate', plural: 'replicates' };

/** The band pass of a run or merge, block by block of series. */
export const BLOCKS_LABEL: ProgressLabel = { singular: 'block of series (bands)', plural: 'blocks of series (bands)' };

/** The label in the number of `total`. */
function labelFor(label: ProgressLabel, total: number): string {
  return typeof label === 'string' ? label : nounOf(total, label.singular, label.plural);
}

/** Reports progress of a long phase (replicates, then blocks of bands) on stderr. */
export interface ProgressReporter {
  /** Starts a phase: `label` names the unit ("replicates", or singular and plural), `total` its count. */
  start(label: ProgressLabel, total: number): void;
  /** Sets the number done in the current phase. */
  update(completed: number): void;
  /** Ends the current phase (a bar is finished and its line kept). */
  stop(): void;
}

/** Where progress goes and how: a bar when `terminal`, plain lines otherwise. */
export interface ProgressTarget {
  write(text: string): void;
  terminal: boolean;
}

/** Plain lines: at a new 10% step if this many seconds passed since the last line… */
const STEP_LINE_SECONDS = 2;
/** …and at least this often while the phase goes on. */
const HEARTBEAT_SECONDS = 30;

/**
 * Creates a progress reporter: a cli-progress bar with ETA when stderr is a terminal, plain
 * lines otherwise (the start, each 10% step at most every 2 s, every 30 s, and the end), nothing
 * when `quiet`.
 *
 * @param quiet - `--quiet`: report nothing.
 * @param target - Output (default process.stderr, a terminal when `isTTY`).
 * @returns The reporter.
 * @example
 * const progress = createProgressReporter(false);
 * progress.start({ singular: 'replicate', plural: 'replicates' }, 1000); progress.update(10); progress.stop();
 */
export function createProgressReporter(quiet: boolean, target?: ProgressTarget): ProgressReporter {
  if (quiet) return { start() {}, update() {}, stop() {} };
  const out = target ?? { write: (text: string) => void process.stderr.write(text), terminal: process.stderr.isTTY === true };
  return out.terminal && target === undefined ? createBarReporter() : createLineReporter(out);
}

/** A cli-progress bar on stderr. */
function createBarReporter(): ProgressReporter {
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(label, total) {
      bar = new cliProgress.SingleBar(
        { format: `{bar} {value}/{total} ${labelFor(label, total)} | {duration_formatted} elapsed | ETA {eta_formatted}`, etaBuffer: 50, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    update(completed) {
      bar?.update(completed);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/** Plain lines: `label done/total (elapsed s, ETA s)`. */
function createLineReporter(out: ProgressTarget): ProgressReporter {
  let phase = { label: '', total: 0, started: 0, lastTenth: -1, lastLine: 0 };
  const line = (completed: number, now: number): void => {
    const elapsed = (now - phase.started) / 1000;
    const share = phase.total > 0 ? completed / phase.total : 1;
    const eta = share > 0 ? (elapsed * (1 - share)) / share : NaN;
    out.write(`${completed}/${phase.total} ${phase.label} (${elapsed.toFixed(1)} s, ETA ${Number.isFinite(eta) ? eta.toFixed(0) : '?'} s)\n`);
    phase.lastLine = now;
    phase.lastTenth = Math.floor(share * 10);
  };
  return {
    start(label, total) {
      const now = Date.now();
      phase = { label: labelFor(label, total), total, started: now, lastTenth: 0, lastLine: now };
      out.write(`${phase.label}: 0/${total}\n`);
    },
    update(completed) {
      const now = Date.now();
      const tenth = phase.total > 0 ? Math.floor((completed / phase.total) * 10) : 10;
      const since = now - phase.lastLine;
      const step = tenth > phase.lastTenth && since >= STEP_LINE_SECONDS * 1000;
      if (completed === phase.total || step || since >= HEARTBEAT_SECONDS * 1000) line(completed, now);
    },
    stop() {},
  };
}
