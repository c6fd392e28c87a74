import { connectRedis, type QueueConnection } from './connectRedis.ts';
import { QueueUnavailableError } from './loadQueueModules.ts';

/**
 * A Redis connection opened on first use, and tried once: `queue collect` needs Redis only to find
 * a run's store (without --store) and to learn the states of missing shards' jobs, so a run whose
 * shards are all in the store collects while Redis is down.
 */
export class RedisOnDemand {
  private attempt?: Promise<QueueConnection | undefined>;
  private failure?: Error;

  /** @param connect Opens the connection (tests give their own). */
  constructor(readonly url: string, private readonly connect: (url: string) => Promise<QueueConnection> = connectRedis) {}

  /**
   * The connection, opened at the first call (later calls give the same one, or the same failure).
   * @returns undefined when Redis did not answer and `required` is false.
   * @throws QueueUnavailableError (naming the URL and the cause) when Redis did not answer and `required` is true.
   */
  async open(required: boolean): Promise<QueueConnection | undefined> {
    this.attempt ??= this.connect(this.url).catch((error: unknown) => {
      this.failure = error as Error;
      return undefined;
    });
    const connection = await this.attempt;
    if (connection === undefined && required) throw this.failure instanceof QueueUnavailableError ? this.failure : new QueueUnavailableError((this.failure as Error).message);
    return connection;
  }

  /** Why Redis did not answer (connectRedis' message), once it was tried and did not. */
  get unreachable(): string | undefined {
    return this.failure?.message;
  }

  /** Closes the connection if one was opened. */
  async close(): Promise<void> {
    (await this.attempt)?.redis.disconnect();
  }
}
