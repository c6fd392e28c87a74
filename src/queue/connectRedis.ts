import type { Redis as RedisClient } from 'ioredis';
import { redactUrlCredentials } from '../outputs/createManifest.ts';
import { loadQueueModules, type QueueModules, QueueUnavailableError } from './loadQueueModules.ts';

/** Default Redis URL (or $CRM_SIM_REDIS). */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** How long to wait for Redis to answer before giving up with a clear message. */
const CONNECT_TIMEOUT_MS = 5000;

/** A checked Redis connection and the queue packages. */
export interface QueueConnection extends QueueModules {
  redis: RedisClient;
  url: string;
}

/** The Redis URL: the option, else $CRM_SIM_REDIS, else the local default. */
export function resolveRedisUrl(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? env.CRM_SIM_REDIS ?? DEFAULT_REDIS_URL;
}

/**
 * Connects to Redis (BullMQ settings: no per-request retry limit) and checks that it answers a
 * PING within 5 s. Reconnects later on its own after transient failures.
 * @throws QueueUnavailableError when the packages are missing or Redis does not answer.
 */
export async function connectRedis(url: string): Promise<QueueConnection> {
  // ioredis reads any other text as a host name and fails later with "Connection is closed", which reads as a network fault.
  if (!/^rediss?:\/\//i.test(url) && !url.startsWith('/')) {
    throw new QueueUnavailableError(`--redis (or $CRM_SIM_REDIS): expected a Redis URL such as ${DEFAULT_REDIS_URL} (rediss:// for TLS, or the path of a Unix socket), found "${url}"`);
  }
  const modules = await loadQueueModules();
  let redis: RedisClient;
  try {
    redis = new modules.Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  } catch (error) {
    throw new QueueUnavailableError(`--redis: expected a Redis URL such as ${DEFAULT_REDIS_URL}, found "${url}" (${(error as Error).message})`);
  }
  // The socket's own error (ECONNREFUSED, ENOTFOUND, a TLS or AUTH failure) is the cause: the connect
  // call itself only rejects with ioredis' "Connection is closed", which hides it.
  let socketError: Error | undefined;
  const onError = (error: Error) => { socketError ??= error; };
  redis.on('error', onError);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
  });
  try {
    await Promise.race([redis.connect().then(() => redis.ping()), timeout]);
  } catch (error) {
    redis.disconnect();
    const cause = socketError?.message ?? (error as Error).message;
    throw new QueueUnavailableError(`cannot reach Redis at ${redactUrlCredentials(url)} (${cause}): start Redis there, or give the right --redis (or $CRM_SIM_REDIS)`);
  } finally {
    clearTimeout(timer);
  }
  // Later errors are the reconnections' (reported by the commands that outlive a Redis outage, e.g. queue work): never an unhandled event.
  redis.off('error', onError);
  redis.on('error', () => {});
  return { ...modules, redis, url };
}

/** Whether Redis answers at `url` (for tests and `status`); never throws. */
export async function isRedisReachable(url: string): Promise<boolean> {
  try {
    const connection = await connectRedis(url);
    connection.redis.disconnect();
    return true;
  } catch {
    return false;
  }
}
