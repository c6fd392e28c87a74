import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Job, Queue } from 'bullmq';

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
  /** Every worker that refused the job: its identity ({@link newWorkerId}) → its one-line reason. Absent in records of older workers. */
  refusals?: Record<string, string>;
}

/** What {@link recordRefusal} needs to know of the refusing worker. */
export interface RefusingWorker {
  /** Its identity, as BullMQ's worker name (so `Queue.getWorkers()` lists it). */
  id: string;
  /** The queue it pulls from (for the workers connected to it). */
  queue: Queue;
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
 * Records on the job (in its progress) that this worker refused it and why, then decides whether
 * the job is over: when every worker connected to the queue now, this one included, has refused
 * it, no worker can serve it and it should fail for good.
 * @returns The job's failure message (naming each connected worker and its reason) when it
 *   should fail for good, else undefined (give it back).
 */
export async function recordRefusal(job: Job, reason: string, worker: RefusingWorker): Promise<string | undefined> {
  const previous = job.progress as Partial<GivenBack> | undefined;
  const refusals = { ...previous?.refusals, [worker.id]: reason };
  await job.updateProgress({ givenBack: (previous?.givenBack ?? 0) + 1, reason, by: worker.id, refusals } satisfies GivenBack);
  if (!worker.mayEnd) return undefined;
  const connected = await connectedWorkers(worker.queue, worker.log);
  if (connected === undefined) return undefined;
  connected.add(worker.id);
  if (![...connected].every((id) => Object.hasOwn(refusals, id))) return undefined;
  return `no worker connected to the queue can serve it (refused by ${connected.size === 1 ? 'the only one' : `all ${connected.size}`}: ${formatRefusals(refusals, connected)}); `
    + 'start a worker that can, then queue submit the run again with the same --run-id';
}
