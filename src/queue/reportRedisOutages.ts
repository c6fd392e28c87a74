import { redactUrlCredentials } from '../outputs/createManifest.ts';

/**
 * Error codes of a connection to Redis that failed or broke (Redis stopped, restarted, or out of
 * reach): ioredis reconnects by itself, so each is part of an outage, not a problem of its own.
 */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** ioredis' and BullMQ's messages for a command sent while the connection is down. */
const CONNECTION_MESSAGES = /Connection is closed|Stream isn't writeable|Socket closed unexpectedly/i;

/** Whether an error says that Redis cannot be reached now (rather than that a command failed). */
export function isRedisConnectionError(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined && CONNECTION_CODES.has(code)) || CONNECTION_MESSAGES.test(error.message);
}

/** Receives the errors and reconnections of a long-running process's Redis connections. */
export interface RedisOutageReporter {
  /** An `error` event of the worker, its queue or a connection. */
  error: (error: Error) => void;
  /** A connection is ready (again). */
  ready: () => void;
}

/**
 * A reporter that turns the stream of errors ioredis emits while Redis is down (one per
 * connection per reconnection attempt, each with a stack trace when nobody listens) into one
 * log line when an outage starts and one when a connection is ready again. Other errors are
 * logged as they come, but an error repeating the previous one is not logged again.
 * @param url - The Redis URL (shown with its password masked).
 * @param log - Writes one line.
 * @param now - The clock of the outage's duration (default Date.now; tests give their own).
 */
export function createRedisOutageReporter(url: string, log: (line: string) => void, now: () => number = Date.now): RedisOutageReporter {
  let downSince: number | undefined;
  let lastOther: string | undefined;
  const where = redactUrlCredentials(url);
  return {
    error: (error) => {
      if (!isRedisConnectionError(error)) {
        if (error.message !== lastOther) log(`worker error: ${error.message}`);
        lastOther = error.message;
        return;
      }
      if (downSince !== undefined) return;
      downSince = now();
      log(`lost the connection to Redis at ${where} (${error.message}); reconnecting by itself: jobs running now go on (one that outlasts its lock may run again elsewhere), no new job is pulled until Redis answers`);
    },
    ready: () => {
      lastOther = undefined;
      if (downSince === undefined) return;
      log(`reconnected to Redis at ${where} after ${Math.round((now() - downSince) / 1000)} s`);
      downSince = undefined;
    },
  };
}
