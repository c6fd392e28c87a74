import { availableParallelism } from 'node:os';

/**
 * Barrier waits of the threads that step one replicate (startCellThreads.ts). They meet ten times a
 * tick, from a few hundred microseconds to a few milliseconds apart. A thread that sleeps in
 * Atomics.wait gives its core away and must be woken by the kernel: tens of microseconds on a quiet
 * machine, up to a millisecond per barrier while another process is runnable. Spinning for a bounded
 * time keeps the core while the next task is near. But when the replicate's threads share fewer
 * cores than they are (another process's CPU group takes a core, whatever its nice value), a
 * spinning thread holds the core the thread it waits for needs: at 1M agents, 2 threads then ran at
 * 0.34× one thread with a 2 ms spin and 0.94× sleeping. So the main thread measures, over windows of
 * a few ticks, how many cores the process really gets (CPU time ÷ wall time) and spins only while
 * every thread has one.
 */

/** Longest spin at a barrier before sleeping, ms: it covers a tick's serial part (~1 ms at 1M agents). */
export const BARRIER_SPIN_MS = 2;

/** Wall time over which the governor measures the cores in use before it decides again, ms. */
const WINDOW_MS = 25;

/**
 * The spin budget for threads that step replicates when `threadsInUse` threads of this process do so
 * at once: {@link BARRIER_SPIN_MS} while they fit the machine's cores, 0 (sleep at once) when they do
 * not, since a spinning thread would then hold a core another replicate's thread is waiting for.
 */
export function barrierSpinMs(threadsInUse: number): number {
  return threadsInUse <= availableParallelism() ? BARRIER_SPIN_MS : 0;
}

/**
 * Spins until `control[index]` differs from `value` or `budgetMs` has passed, and returns the value
 * it saw last (equal to `value` when the budget ran out: the caller then sleeps in Atomics.wait).
 * @example if (spinWhileEqual(control, DONE, done, spinMs) === done) Atomics.wait(control, DONE, done);
 */
export function spinWhileEqual(control: Int32Array, index: number, value: number, budgetMs: number): number {
  if (budgetMs <= 0) return Atomics.load(control, index);
  const deadline = performance.now() + budgetMs;
  for (;;) {
    // The clock costs tens of nanoseconds: read it once per few hundred loads.
    for (let i = 0; i < 512; i++) {
      const seen = Atomics.load(control, index);
      if (seen !== value) return seen;
    }
    if (performance.now() > deadline) return value;
  }
}

/** The process's clocks, ms: wall time, and CPU time of all its threads (a syscall: read once per window). */
export interface ProcessClock {
  wallMs(): number;
  cpuMs(): number;
}

const processClock: ProcessClock = {
  wallMs: () => performance.now(),
  cpuMs: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

/** Decides, window by window, whether the threads of a replicate spin at barriers. */
export interface SpinGovernor {
  /** The spin budget now, ms: the configured one, or 0 while the threads lack cores. */
  readonly budgetMs: number;
  /** Call after each barrier; re-decides once a window has passed. */
  afterBarrier(): void;
  /** Starts a new window (when a replicate starts: the time between replicates is no barrier's). */
  restart(): void;
}

/**
 * A governor for threads that spin up to `maxBudgetMs`, in a process where `threadsInProcess`
 * threads step replicates at once (one replicate's threads, or every Monte Carlo worker's: the CPU
 * clock counts them all). Over each window it takes the cores the process used (CPU ÷ wall time).
 * While spinning, every thread uses a core whenever it has one, so fewer than `threadsInProcess − ½`
 * means a thread lacked one: stop. While sleeping, threads that have their cores still overlap their
 * work (2 threads: ~1.6–1.8 cores, against ~1 when they share one); more than
 * `1 + ½·(threadsInProcess − 1)` means they have them again: spin again.
 * @param clock - the process's wall and CPU time (a fake one in tests)
 */
export function createSpinGovernor(threadsInProcess: number, maxBudgetMs: number, clock: ProcessClock = processClock): SpinGovernor {
  let budgetMs = maxBudgetMs;
  let startWall = clock.wallMs();
  let startCpu = clock.cpuMs();
  return {
    get budgetMs() {
      return budgetMs;
    },
    afterBarrier() {
      if (maxBudgetMs <= 0) return;
      const wall = clock.wallMs();
      if (wall - startWall < WINDOW_MS) return;
      const cpu = clock.cpuMs();
      const cores = (cpu - startCpu) / (wall - startWall);
      const enough = budgetMs > 0 ? threadsInProcess - 0.5 : 1 + 0.5 * (threadsInProcess - 1);
      budgetMs = cores >= enough ? maxBudgetMs : 0;
      startWall = wall;
      startCpu = cpu;
    },
    restart() {
      startWall = clock.wallMs();
      startCpu = clock.cpuMs();
    },
  };
}
