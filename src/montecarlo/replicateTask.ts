import type { ReplicateResult } from '../../sim-core/index.ts';

/** Runs one replicate of a compiled scenario; what `createReplicateRunner(compiled)` returns. */
export type ReplicateRunner = (masterSeed: number, replicate: number) => ReplicateResult;

/** Builds a runner from a compiled scenario (the engine's `createReplicateRunner`, or a fake in tests). */
export type ReplicateRunnerFactory<Compiled> = (compiled: Compiled) => ReplicateRunner;

/** A contiguous range of replicates for one worker: plain, structured-cloneable data. */
export interface ReplicateTask<Compiled = unknown> {
  /** Identity of the compiled scenario (see `computeScenarioHash`); keys the worker's runner cache. */
  scenarioHash: string;
  /**
   * The compiled scenario. `runChunksInline` and `runChunksInPool` put it in every task (a shared
   * pool serves several scenarios and piscina chooses the thread, so the sender cannot know which
   * thread has it already): a worker builds its runner from the first copy it receives, caches it
   * by `scenarioHash` and ignores later copies (their cloning costs about 3 ms a task, against
   * about a second of replicates). A task may leave it out for a scenario its worker has cached,
   * or one given in the pool's workerData (see replicateWorkerEntry.mjs).
   */
  compiled?: Compiled;
  masterSeed: number;
  /** Index of the first replicate of the range. */
  firstReplicate: number;
  /** Number of replicates in the range (≥ 1). */
  replicateCount: number;
}

/** Results of one task, in replicate order. */
export interface ReplicateBatch {
  firstReplicate: number;
  results: ReplicateResult[];
}

/** Default export of a worker module: runs a task synchronously. */
export type ReplicateTaskHandler<Compiled = unknown> = (task: ReplicateTask<Compiled>) => ReplicateBatch;

/** Data every pool worker receives once at start-up (piscina `workerData`). */
export interface ReplicateWorkerData<Compiled = unknown> {
  /** File URL of the TypeScript worker module whose default export is a {@link ReplicateTaskHandler}. */
  workerModule: string;
  /** Optional: a scenario (and its hash) for tasks that leave `compiled` out; `createMonteCarloPool` sets neither. */
  scenarioHash?: string;
  compiled?: Compiled;
}
