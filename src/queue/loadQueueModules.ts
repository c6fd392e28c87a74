/**
 * Loads the optional queue packages (bullmq, ioredis) on demand, so that only `crm-sim queue`
 * needs them; a missing package is a clear message, not a stack trace.
 */
import type * as BullMq from 'bullmq';
import type { Redis as RedisClass } from 'ioredis';

/** The packages the queue commands use. */
export interface QueueModules {
  bullmq: typeof BullMq;
  Redis: typeof RedisClass;
}

/** A user's or the environment's problem with a queue command: one clear message, exit code 2. */
export class QueueError extends Error {
  /** @param message - What is wrong and what to do. */
  constructor(message: string) {
    super(message);
    this.name = 'QueueError';
  }
}

/** Thrown when an optional queue package is not installed or Redis cannot be reached. */
export class QueueUnavailableError extends QueueError {}

/** Imports bullmq and ioredis. @throws QueueUnavailableError naming the install command. */
export async function loadQueueModules(): Promise<QueueModules> {
  try {
    const [bullmq, ioredis] = await Promise.all([import('bullmq'), import('ioredis')]);
    return { bullmq, Redis: ioredis.Redis };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new QueueUnavailableError('crm-sim queue needs the optional packages bullmq and ioredis: npm i bullmq@6 ioredis');
  }
}
