import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Job, Queue } from 'bullmq';
import type { QueueConnection } from './connectRedis.ts';

/**
 * What a job refused by workers records in its progress (read by `queue status` and `collect
 * --wait`). It lives on the job, so it survives each give-back and goes with the job when a
 * resubmission removes it.
 */
export interface GivenBack {
  /** Refusals so far (each but a final one gave the job back). */
  givenBack: number;
  /** The last refusal's reason and worker. */
  reason: string;
  by: string;
  /**
   * Every worker that refused the job for a lasting reason: its identity ({@link newWorkerId}) → its
   * one-line reason. Absent in records of older workers.
   */
  refusals?: Record<string, string>;
  /** Whether the last refusal was transient (an I/O error that may clear): then it is not in `refusals`. */
  transient?: boolean;
}

/** What {@link recordRefusal} needs to know of the refusing worker. */
export interface RefusingWorker {
  /** Its identity, as BullMQ's worker name (so `Queue.getWorkers()` lists it). */
  id: string;
  /** The queue it pulls from (for the workers connected to it). */
  queue: Queue;
  /** The queue's Redis client (the refusal is added to the job's record in one script). */
  redis: QueueConnection['redis'];
  /** Whether its refusal may end a job: false during its first back-off, while the workers of a fleet started with it connect. */
  mayEnd: boolean;
  /** Told once when the connected workers cannot be listed (then no job is ever ended). */
  log: (line: string) => void;
}

/**
 * A worker process's identity: host, pid and a random tag (containers may share host names and
 * pids; a restarted worker is a new one, whose earlier refusals no longer count). No spaces: it is
 * part of the Redis client name (CLIENT SETNAME).
 */
export function newWorkerId(): string {
  return `${hostname().replace(/\s/g, '_')}:${process.pid}:${randomBytes(2).toString('hex')}`;
}

let listingFailed = false;

/**
 * The identities of the named workers connected to the queue now (BullMQ `Queue.getWorkers()`,
 * from Redis' CLIENT LIST: a worker's blocking connection carries the name
 * `<prefix>:<base64 of the queue name>:w:<worker name>` while the process is alive). An unnamed
 * worker (another program, an older crm-sim) is listed as `''`: it never refuses a job by name,
 * so no job is ended while it is connected. Undefined when Redis will not list its clients.
 */
export async function connectedWorkers(queue: Queue, log: (line: string) => void): Promise<Set<string> | undefined> {
  const named = `${queue.opts.prefix ?? 'bull'}:${Buffer.from(queue.name).toString('base64')}:w:`;
  try {
    const clients = await queue.getWorkers();
    if (clients.some((client) => client.rawname === undefined)) throw new Error(clients[0].name); // "GCP does not support client list"
    return new Set(clients.map((client) => (client.rawname.startsWith(named) ? client.rawname.slice(named.length) : '')));
  } catch (error) {
    if (!listingFailed) log(`cannot list the workers connected to the queue (${(error as Error).message}): a job no worker can serve goes back to the queue for ever`);
    listingFailed = true;
    return undefined;
  }
}

/** The refusals of the given workers (default all), one `worker: reason` each, `; ` between them. */
export function formatRefusals(refusals: Record<string, string>, ids: Iterable<string> = Object.keys(refusals)): string {
  return [...ids].map((id) => `${id}: ${refusals[id]}`).join('; ');
}

/**
 * Adds a refusal to the job's record (its progress) in one Lua script, so that a refusal recorded
 * meanwhile by another worker (or by a stalled twin of this job) is kept. Leaves BullMQ's
 * progress event out (nothing listens to it). Returns the new record, or undefined when the job is gone.
 */
const ADD_REFUSAL = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local ok, record = pcall(cjson.decode, redis.call('HGET', KEYS[1], 'progress') or '0')
if not ok or type(record) ~= 'table' then record = {} end
local refusals = type(record.refusals) == 'table' and record.refusals or {}
local transient = ARGV[3] == '1'
if not transient then refusals[ARGV[1]] = ARGV[2] end
local text = cjson.encode({ givenBack = (tonumber(record.givenBack) or 0) + 1, reason = ARGV[2], by = ARGV[1], refusals = refusals, transient = transient })
redis.call('HSET', KEYS[1], 'progress', text)
return text`;

/** Adds this worker's refusal to the job's record in Redis; returns the record (undefined when the job is gone). */
async function addRefusal(job: Job, reason: string, transient: boolean, worker: RefusingWorker): Promise<GivenBack | undefined> {
  const text = await worker.redis.eval(ADD_REFUSAL, 1, worker.queue.toKey(job.id as string), worker.id, reason, transient ? '1' : '0') as string | null;
  if (text === null) return undefined;
  const record = JSON.parse(text) as GivenBack;
  job.progress = record;
  return record;
}

/**
 * Records on the job (in its progress) that this worker refused it and why, then decides whether
 * the job is over: when every worker connected to the queue now, this one included, has refused
 * it for a lasting reason, no worker can serve it and it should fail for good. A transient refusal
 * is recorded as the last one but ends no job.
 * @returns The job's failure message (naming each connected worker and its reason) when it
 *   should fail for good, else undefined (give it back).
 */
export async function recordRefusal(job: Job, reason: string, transient: boolean, worker: RefusingWorker): Promise<string | undefined> {
  const record = await addRefusal(job, reason, transient, worker);
  if (record === undefined || transient || !worker.mayEnd) return undefined;
  const refusals = record.refusals ?? {};
  const connected = await connectedWorkers(worker.queue, worker.log);
  if (connected === undefined) return undefined;
  connected.add(worker.id);
  if (![...connected].every((id) => Object.hasOwn(refusals, id))) return undefined;
  return `no worker connected to the queue can serve it (refused by ${connected.size === 1 ? 'the only one' : `all ${connected.size}`}: ${formatRefusals(refusals, connected)}); `
    + 'start a worker that can, then queue submit the run again with the same --run-id';
}
