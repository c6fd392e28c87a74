/**
 * `queue work` during a Redis outage: ioredis emits an error per connection per reconnection
 * attempt (BullMQ printed each with a stack trace); the reporter turns an outage into one line
 * when it starts and one when a connection is ready again.
 */
import { describe, expect, it } from 'vitest';
import { createRedisOutageReporter, isRedisConnectionError } from '../../src/queue/reportRedisOutages.ts';

/** An error as ioredis emits it when Redis is down. */
function refused(port: number): Error {
  return Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), { code: 'ECONNREFUSED', syscall: 'connect' });
}

describe('createRedisOutageReporter', () => {
  it('writes one line per outage and one when Redis is back, whatever the number of errors', () => {
    const lines: string[] = [];
    let clock = 1_000;
    const reporter = createRedisOutageReporter('redis://:pw@127.0.0.1:6391', (line) => lines.push(line), () => clock);
    reporter.ready(); // the first connection: no outage to end
    for (let i = 0; i < 5; i++) reporter.error(refused(6391));
    reporter.error(new Error('Connection is closed.'));
    clock += 12_000;
    reporter.ready();
    reporter.ready(); // the other connection
    reporter.error(refused(6391));
    expect(lines).toEqual([
      'lost the connection to Redis at redis://***@127.0.0.1:6391 (connect ECONNREFUSED 127.0.0.1:6391); reconnecting by itself: jobs running now go on (one that outlasts its lock may run again elsewhere), no new job is pulled until Redis answers',
      'reconnected to Redis at redis://***@127.0.0.1:6391 after 12 s',
      'lost the connection to Redis at redis://***@127.0.0.1:6391 (connect ECONNREFUSED 127.0.0.1:6391); reconnecting by itself: jobs running now go on (one that outlasts its lock may run again elsewhere), no new job is pulled until Redis answers',
    ]);
  });

  it('logs other errors, but not the same one again in a row', () => {
    const lines: string[] = [];
    const reporter = createRedisOutageReporter('redis://127.0.0.1:6379', (line) => lines.push(line));
    reporter.error(new Error('NOSCRIPT No matching script'));
    reporter.error(new Error('NOSCRIPT No matching script'));
    reporter.error(new Error('WRONGTYPE Operation against a key holding the wrong kind of value'));
    expect(lines).toEqual(['worker error: NOSCRIPT No matching script', 'worker error: WRONGTYPE Operation against a key holding the wrong kind of value']);
  });

  it('tells connection errors from command errors', () => {
    expect(isRedisConnectionError(refused(1))).toBe(true);
    expect(isRedisConnectionError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isRedisConnectionError(new Error('ERR unknown command'))).toBe(false);
  });
});
