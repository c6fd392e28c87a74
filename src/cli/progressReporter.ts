/** Reports Monte Carlo progress on stderr: a bar with ETA on a terminal, a line every 10% otherwise. */
export interface ProgressReporter {
  update(completed: number): void;
  stop(): void;
}

/** Creates a progress reporter for `total` replicates (silent when `quiet`). */
export function createProgressReporter(total: number, quiet: boolean): ProgressReporter {
  const started = Date.now();
  const terminal = process.stderr.isTTY === true;
  let lastTenth = -1;
  return {
    update(completed) {
      if (quiet) return;
      const share = total > 0 ? completed / total : 1;
      const elapsed = (Date.now() - started) / 1000;
      const eta = share > 0 ? (elapsed * (1 - share)) / share : 0;
      if (terminal) {
        const width = 30;
        const filled = Math.round(share * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${completed}/${total} replicates, ETA ${eta.toFixed(0)} s `);
      } else if (Math.floor(share * 10) > lastTenth) {
        lastTenth = Math.floor(share * 10);
        process.stderr.write(`${completed}/${total} replicates (${elapsed.toFixed(1)} s)\n`);
      }
    },
    stop() {
      if (!quiet && terminal) process.stderr.write('\n');
    },
  };
}
