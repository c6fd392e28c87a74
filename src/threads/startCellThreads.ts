import { Worker } from 'node:worker_threads';
import {
  END_USE_CELLS, PRODUCE_CELLS, SETTLE_END_USER_CELLS, SETTLE_FIRM_CELLS,
  runCellTask, shareWorld, type CellSplit, type ReplicateThreads, type World,
} from '../../sim-core/index.ts';
import { createCellControl, FAILED, GENERATION, RANGE_STRIDE, RANGES, SPIN_US, STAGE, STOP, TASK, TICK } from './cellControl.ts';
import { awaitHelpers, postTask } from './cellBarrier.ts';
import { rebalanceSplit } from './rebalanceSplit.ts';
import { splitCells } from './splitCells.ts';
import { barrierSpinMs, createSpinGovernor } from './barrierSpin.ts';
import { siblingModule } from '../runtime/moduleLocation.ts';

/** Threads that step one replicate together; pass to createReplicateRunner. */
export interface CellThreads extends ReplicateThreads {
  /** Threads per replicate, this one included. */
  readonly threads: number;
  /** Stops the helper threads. */
  close(): Promise<void>;
}

/** Options of {@link startCellThreads}. */
export interface CellThreadOptions {
  /**
   * The longest each thread spins at a barrier before it sleeps, ms; by default
   * `barrierSpinMs(threads)` (barrierSpin.ts): 2 while the threads fit the cores, else 0. Pass 0
   * when other replicates' threads run beside these. Spinning also stops while the process gets
   * fewer cores than it has threads (createSpinGovernor).
   */
  readonly spinMs?: number;
  /**
   * Threads of this process that step replicates at once, these included (a Monte Carlo worker's
   * share of `workers × threads`); the spin governor compares the process's CPU time with it. Default: `threads`.
   */
  readonly threadsInProcess?: number;
}

const ENTRY = new URL('./cellThreadEntry.mjs', import.meta.url);
/** The helper module the entry imports, in the tree that runs (`.ts` or `.js`). */
const HELPER_MODULE = siblingModule('./cellThreadWorker', import.meta.url).href;

/**
 * Starts `threads − 1` helper threads that, with the calling thread, step each replicate: the
 * agents' loops of a phase run over contiguous ranges of cells balanced by agent slots, then by the
 * time each thread took (one cell at a time: rebalanceSplit.ts), with a
 * barrier after each (a bounded spin, then Atomics.wait/notify: barrierSpin.ts); markets, flows
 * and ledgers are then added up on the
 * calling thread in cell order, so results are byte-identical to one thread. Start once, reuse for
 * every replicate, close at the end.
 * @example
 * const threads = await startCellThreads(2);
 * const run = createReplicateRunner(compiled, threads);
 * const result = run(42, 0);
 * await threads.close();
 */
export async function startCellThreads(threads: number, options: CellThreadOptions = {}): Promise<CellThreads> {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads per replicate must be an integer ≥ 1, got ${threads}`);
  const helpers = threads - 1;
  const spin = createSpinGovernor(options.threadsInProcess ?? threads, options.spinMs ?? barrierSpinMs(threads));
  const control = createCellControl(helpers);
  control[SPIN_US] = Math.round(spin.budgetMs * 1000);
  const workers = await Promise.all(Array.from({ length: helpers }, (_, helper) => startHelper(control, helper)));
  let world: World | null = null;
  let plans = new Map<number, SplitPlan>();
  const workMs = new Float64Array(threads);
  const split: CellSplit = {
    run(task, stage) {
      const { bounds, weights } = plans.get(task * 4 + stage) as SplitPlan;
      if (helpers === 0) return runCellTask(world as World, task, stage, bounds[0], bounds[1]);
      control[TASK] = task;
      control[STAGE] = stage;
      control[TICK] = (world as World).tick;
      for (let h = 0; h < helpers; h++) {
        control[RANGES + RANGE_STRIDE * h] = bounds[h + 1];
        control[RANGES + RANGE_STRIDE * h + 1] = bounds[h + 2];
      }
      const generation = postTask(control);
      const started = performance.now();
      try {
        runCellTask(world as World, task, stage, bounds[0], bounds[1]);
      } catch (error) {
        // Helpers must finish their part before anything (detach) posts again; then this error goes on
        // (as the cause, should the barrier find the threads out of step).
        try {
          awaitHelpers(control, helpers, generation, spin.budgetMs);
        } catch (barrier) {
          throw new Error((barrier as Error).message, { cause: error });
        }
        throw error;
      }
      workMs[0] = performance.now() - started; // this thread's work only: rebalanceSplit compares it with the helpers'
      awaitHelpers(control, helpers, generation, spin.budgetMs);
      spin.afterBarrier();
      Atomics.store(control, SPIN_US, Math.round(spin.budgetMs * 1000));
      if (Atomics.load(control, FAILED) !== 0) throw new Error('a cell thread failed (its error is on stderr)');
      for (let h = 0; h < helpers; h++) workMs[h + 1] = control[RANGES + RANGE_STRIDE * h + 2] / 1000;
      rebalanceSplit(bounds, workMs, weights);
    },
  };
  return {
    threads,
    attach(next) {
      world = shareWorld(next);
      plans = planSplits(next, threads);
      spin.restart();
      Atomics.store(control, FAILED, 0); // a failure belongs to the replicate it happened in
      const generation = Atomics.load(control, GENERATION);
      for (const worker of workers) worker.postMessage({ world: next, generation });
      return split;
    },
    detach() {
      world = null;
      if (helpers === 0) return;
      Atomics.store(control, TASK, STOP);
      // Wait until every helper has left its loop over this world: otherwise a slow helper could
      // wake after the next attach, read the next task instead of STOP, and run it on the old world.
      awaitHelpers(control, helpers, postTask(control), 0);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** One task's split of cells across the threads: its bounds (adjusted as tasks run) and the cells' weights. */
interface SplitPlan {
  readonly bounds: Int32Array;
  readonly weights: ArrayLike<number>;
}

/**
 * Cell ranges per (task, stage), balanced at first by the agent slots each cell holds, then by the
 * time each thread took (rebalanceSplit.ts); every task has its own, since their costs per cell differ.
 */
function planSplits(world: World, threads: number): Map<number, SplitPlan> {
  const plans = new Map<number, SplitPlan>();
  const plan = (weights: ArrayLike<number>) => ({ bounds: splitCells(weights, threads), weights });
  for (let stage = 0; stage < 4; stage++) {
    plans.set(PRODUCE_CELLS * 4 + stage, plan(world.stores[stage].cellSlots));
    plans.set(SETTLE_FIRM_CELLS * 4 + stage, plan(world.stores[stage].cellSlots));
  }
  plans.set(END_USE_CELLS * 4, plan(world.endUsers.cellCount));
  plans.set(SETTLE_END_USER_CELLS * 4, plan(world.endUsers.cellCount));
  return plans;
}

function startHelper(control: Int32Array, helper: number): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY, { workerData: { control, helper, module: HELPER_MODULE } });
    worker.once('message', () => {
      worker.unref(); // idle helpers do not keep the process alive
      resolve(worker);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`cell thread ${helper} exited with code ${code} before it was ready`)));
  });
}
