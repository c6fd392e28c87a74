import { createProgressReporter, REPLICATES_LABEL } from '../cli/progressReporter.ts';

/** Progress of a multi-arm run, as the `onProgress` callback of `runScenarioArms` expects. */
export interface ArmProgress {
  /** Reports replicates completed over all arms; the first call starts the bar or lines. */
  onProgress: (completed: number, total: number) => void;
  /** Ends the report. */
  stop: () => void;
}

/**
 * Progress on stderr for `compare`, `sweep` and `stress`: one phase "replicates" over every arm,
 * started at the first report (after the scenarios loaded, so a scenario error prints alone).
 *
 * @param quiet - `--quiet`: report nothing.
 * @returns The callback and its stop function.
 * @example
 * const progress = createArmProgress(false);
 * await runScenarioArms(arms, { ...settings, onProgress: progress.onProgress });
 * progress.stop();
 */
export function createArmProgress(quiet: boolean): ArmProgress {
  const reporter = createProgressReporter(quiet);
  let started = false;
  return {
    onProgress(completed, total) {
      if (!started) reporter.start(REPLICATES_LABEL, total);
      started = true;
      reporter.update(completed);
    },
    stop() {
      if (started) reporter.stop();
    },
  };
}
