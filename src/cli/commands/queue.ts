import { availableParallelism } from 'node:os';
import { parseOutputFormat } from '../parseOutputFormat.ts';
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkerSetup } from '../../queue/checkStore.ts';
import { collectRun } from '../../queue/collectRun.ts';
import { connectRedis, type QueueConnection, resolveRedisUrl } from '../../queue/connectRedis.ts';
import { QueueError } from '../../queue/loadQueueModules.ts';
import { DEFAULT_QUEUE, runKey } from '../../queue/queueNames.ts';
import { formatRunStatus, readRunStatus } from '../../queue/readRunStatus.ts';
import { RedisOnDemand } from '../../queue/redisOnDemand.ts';
import { runQueueWorker } from '../../queue/runQueueWorker.ts';
import { DEFAULT_STORE } from '../../queue/runStore.ts';
import { submitRun } from '../../queue/submitRun.ts';
import type { RegisterCommand } from '../commandContext.ts';
import { createInterruptHandler } from '../createInterruptHandler.ts';
import { UsageError } from '../exitCodes.ts';
import { parseCount, parseOverrides, parseSeed } from '../parseOverrides.ts';
import { collectRepeated } from '../collectRepeated.ts';
import { writeCommandResult } from '../writeCommandResult.ts';
import { countOf } from '../../text/countOf.ts';

/** Options shared by the queue subcommands, as parsed by commander. */
interface QueueOptions {
  redis?: string;
  queue: string;
  store?: string;
  quiet?: boolean;
  json?: boolean;
}

/**
 * Runs `body` with a Redis connection (none when `url` is undefined; none either when `optional`
 * and Redis does not answer), closing it after; queue problems become usage errors (exit 2).
 */
async function withQueue<T>(url: string | undefined, body: (connection: QueueConnection) => Promise<T>, optional = false): Promise<T> {
  let connection: QueueConnection | undefined;
  try {
    connection = url === undefined ? undefined : await connectRedis(url).catch((error: unknown) => {
      if (optional) return undefined;
      throw error;
    });
    return await body(connection as QueueConnection);
  } catch (error) {
    if (error instanceof QueueError) throw new UsageError(error.message);
    throw error;
  } finally {
    connection?.redis.disconnect();
  }
}

/** Runs `body`, then closes `redis` if it was opened; queue problems become usage errors (exit 2). */
async function withRedisOnDemand<T>(redis: RedisOnDemand, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof QueueError) throw new UsageError(error.message);
    throw error;
  } finally {
    await redis.close();
  }
}

/** Adds the options every subcommand shares. */
function common(command: Command, store = true): Command {
  command.option('--redis <url>', 'Redis URL (default $CRM_SIM_REDIS or redis://127.0.0.1:6379)')
    .option('--queue <name>', 'queue name', DEFAULT_QUEUE).option('--quiet', 'no log lines on stderr');
  return store ? command.option('--store <dir>', `shared folder of queued runs (default ${DEFAULT_STORE})`) : command;
}

/** A log writer on stderr (silent with --quiet); each line starts with the UTC time when stderr is not a terminal (a log file, a journal). */
const logger = (quiet?: boolean) => (line: string) => {
  if (quiet) return;
  const time = process.stderr.isTTY ? '' : `${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} `;
  process.stderr.write(`${time}crm-sim queue: ${line}\n`);
};

/** `queue submit <scenario>`. */
function addSubmit(queue: Command): void {
  common(queue.command('submit <scenario>').description('split a run into jobs of replicates and queue them; prints the run id'))
    .option('--replicates <n>', 'number of replicates', '100').option('--seed <s>', 'master seed', '1')
    .option('--years <y>', 'horizon in years (overrides the scenario)')
    .option('--set <path=value>', 'override a scenario value (repeatable)', collectRepeated, [])
    .option('--replicates-per-job <n>', 'replicates per job (one shard of the run each)', '10')
    .option('--run-id <id>', 'run id (default <scenario>-<UTC timestamp>-<random>); resubmitting it queues only unfinished jobs')
    .option('--json', 'print {runId, shards, queued, dir} as JSON')
    .action((scenario: string, o: QueueOptions & { replicates: string; seed: string; years?: string; set: string[]; replicatesPerJob: string; runId?: string }) =>
      withQueue(resolveRedisUrl(o.redis), async (connection) => {
        const sets = parseOverrides(o.set, o.years);
        const submitted = await submitRun({
          scenarioPath: scenario, sets, replicates: parseCount('replicates', o.replicates, 1), masterSeed: parseSeed(o.seed),
          replicatesPerJob: parseCount('replicates-per-job', o.replicatesPerJob, 1), store: o.store ?? DEFAULT_STORE,
          runId: o.runId, queue: o.queue, connection,
        });
        logger(o.quiet)(`run ${submitted.runId}: ${submitted.queued} of ${countOf(submitted.shards, 'job')} queued, store ${submitted.dir}`);
        process.stdout.write(o.json ? `${JSON.stringify(submitted)}\n` : `${submitted.runId}\n`);
      }));
}

/** `queue work`. */
function addWork(queue: Command, signal: AbortSignal): void {
  common(queue.command('work').description('pull jobs from the queue and run them until stopped (Ctrl-C: finish the current jobs; twice: abort them)'))
    .option('--concurrency <n>', 'jobs at once in this process', '1')
    .option('--workers <w>', 'threads per job (default: number of cores; at least 1)')
    .option('--lock-seconds <s>', 'job lock: a dead worker\'s job is retried about this long after it stopped', '30')
    .option('--back-off-seconds <s>', 'after giving back a job it cannot serve, pull nothing for this long (its refusals end no job that long after it starts)', '30')
    .option('--exit-when-idle', 'stop once the queue has no waiting, delayed or active job left for this worker')
    .action((o: QueueOptions & { concurrency: string; workers?: string; lockSeconds: string; backOffSeconds: string; exitWhenIdle?: boolean }) =>
      withQueue(resolveRedisUrl(o.redis), async (connection) => {
        await checkWorkerSetup(o.store);
        const abortJobs = new AbortController();
        const stop = new AbortController();
        // The CLI turns the first SIGINT, SIGTERM or SIGHUP into `signal` (stop pulling, finish the jobs).
        // The worker then takes the signals over from the CLI, whose second signal would exit at once and
        // leave the running jobs locked until they stall: a second one aborts the jobs (released, to
        // run again elsewhere), a third exits now.
        signal.addEventListener('abort', () => takeOverSignals(abortJobs), { once: true });
        signal.addEventListener('abort', () => stop.abort(), { once: true });
        const done = await runQueueWorker({
          connection, queue: o.queue, store: o.store, concurrency: parseCount('concurrency', o.concurrency, 1),
          workers: o.workers === undefined ? availableParallelism() : parseCount('workers', o.workers, 1),
          lockSeconds: parseCount('lock-seconds', o.lockSeconds, 1), backOffSeconds: parseCount('back-off-seconds', o.backOffSeconds, 1), exitWhenIdle: o.exitWhenIdle === true,
          signal: stop.signal, abortJobs: abortJobs.signal, log: logger(o.quiet),
          // BullMQ's connections, still reconnecting to a Redis that is down, must not keep the process up once it is done.
          onCloseAbandoned: () => setTimeout(() => process.exit(), 1000).unref(),
        });
        logger(o.quiet)(`worker stopped after ${countOf(done, 'job')}`);
      }));
}

/** After the first signal: the next one aborts `abortJobs`, the one after exits at once (temporary folders removed, 130). */
function takeOverSignals(abortJobs: AbortController): void {
  const forceExit = createInterruptHandler(abortJobs);
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(name);
    process.on(name, forceExit);
  }
}

/** The run's store and, when it is a guess, why: --store, else the one its submitter recorded in Redis, else the default. */
async function findStore(o: QueueOptions, runId: string, connection: QueueConnection | undefined, unreachable?: string): Promise<{ store: string; storeNote?: string }> {
  if (o.store !== undefined) return { store: o.store };
  const known = connection ? await connection.redis.get(runKey(o.queue, runId)) : null;
  if (known) return { store: (JSON.parse(known) as { store: string }).store };
  const storeNote = connection === undefined
    ? `the store its submitter used is recorded in Redis, which did not answer: ${unreachable ?? 'no connection'}; or give --store`
    : `Redis (queue ${o.queue}) has no record of run ${runId} either: check the run id and --queue, or give --store`;
  return { store: DEFAULT_STORE, storeNote };
}

/** `queue status <run id>`. */
function addStatus(queue: Command): void {
  common(queue.command('status <runId>').description("a queued run's shards: done, missing, failed, with their jobs' states and attempts"))
    .option('--json', 'print the status as JSON')
    .action((runId: string, o: QueueOptions) => {
      // Without Redis (unreachable, and --store given) the store still tells which shards are done.
      const required = o.redis !== undefined || o.store === undefined;
      return withQueue(resolveRedisUrl(o.redis), async (connection?: QueueConnection) => {
        const status = await readRunStatus({ runId, ...(await findStore(o, runId, connection)), queue: o.queue, connection });
        const lines = formatRunStatus(status);
        if (connection === undefined) lines.push('(job states unknown: Redis did not answer)');
        process.stdout.write(o.json ? `${JSON.stringify(status)}\n` : `${lines.join('\n')}\n`);
      }, !required);
    });
}

/** `queue collect <run id>`. */
function addCollect(queue: Command, signal: AbortSignal): void {
  common(queue.command('collect <runId>').description("merge a queued run's finished jobs into an output folder (identical to a single-process run)"))
    .requiredOption('--out <dir>', 'output folder').option('--wait', 'wait for unfinished jobs')
    .option('--timeout <s>', 'with --wait: give up after this many seconds')
    .option('--format <format>', 'csv, or parquet for CSV plus series.parquet and replicates.parquet', 'csv')
    .option('--keep-series', "also write every replicate's per-tick series").option('--json', 'print the summary as JSON on stdout')
    .action((runId: string, o: QueueOptions & { out: string; wait?: boolean; timeout?: string; format: string; keepSeries?: boolean }) => {
      parseOutputFormat(o.format);
      // Redis is asked only what the store cannot tell: where the run's store is (without --store), and the
      // states of missing shards' jobs. A run whose shards are all in the store collects while Redis is down.
      const redis = new RedisOnDemand(resolveRedisUrl(o.redis));
      return withRedisOnDemand(redis, async () => {
        const connection = o.store === undefined ? await redis.open(false) : undefined;
        const result = await collectRun({
          runId, ...(await findStore(o, runId, connection, redis.unreachable)), out: o.out, wait: o.wait === true,
          timeoutSeconds: o.timeout === undefined ? undefined : parseCount('timeout', o.timeout, 1),
          // Without --wait or --redis a missing shard gets advice on asking Redis, not an error about it.
          redis, requireRedis: o.redis !== undefined || o.wait === true,
          queue: o.queue, parquet: o.format === 'parquet', keepSeries: o.keepSeries === true, signal, log: logger(o.quiet),
        });
        // summary.json as written (with its exceedance block) and the folder on stderr, as run --json and merge --json
        writeCommandResult({ json: o.json === true ? readFileSync(join(result.dir, 'summary.json'), 'utf8') : '', text: '' }, result.dir, o);
      });
    });
}

/** `crm-sim queue submit|work|collect|status`: a run's replicates as jobs on a Redis queue (BullMQ). */
const register: RegisterCommand = ({ program, signal }) => {
  const queue = program.command('queue').description('run replicates as jobs on a Redis queue (BullMQ): submit, work, collect, status');
  addSubmit(queue);
  addWork(queue, signal);
  addCollect(queue, signal);
  addStatus(queue);
};
export default register;
