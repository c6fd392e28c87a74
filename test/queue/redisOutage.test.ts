/**
 * `crm-sim queue work` through a Redis outage, end to end, with a private redis-server: the outage is
 * one log line (not a stack trace per reconnection attempt, as before), and a SIGTERM while Redis is
 * still down stops the worker (exit 0) once BullMQ's close has waited for Redis long enough; before,
 * it waited for ever and only a third signal (or SIGKILL) ended it.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-redis-outage-'));
let redisPort = 0;
let worker: ChildProcess | undefined;
afterAll(() => {
  worker?.kill('SIGKILL');
  try {
    execFileSync('redis-cli', ['-p', String(redisPort), 'shutdown', 'nosave'], { stdio: 'ignore' });
  } catch {
    // already down: the test shut it down
  }
  rmSync(dir, { recursive: true, force: true });
});

/** A TCP port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits until `test()` holds, polling; fails naming `what` and showing the log. */
async function waitFor(what: string, test: () => boolean, log: () => string, ms = 60_000): Promise<void> {
  for (let waited = 0; !test(); waited += 100) {
    if (waited > ms) throw new Error(`${what} did not happen:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('crm-sim queue work through a Redis outage', () => {
  it('logs the outage once, without stack traces, and stops on one SIGTERM while Redis is down (exit 0)', async () => {
    redisPort = await freePort();
    execFileSync('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--daemonize', 'yes', '--save', '', '--appendonly', 'no',
      '--dir', dir, '--logfile', join(dir, 'redis.log')]);
    const url = `redis://127.0.0.1:${redisPort}`;
    await waitFor('redis-server answering', () => {
      try {
        return execFileSync('redis-cli', ['-p', String(redisPort), 'ping']).toString().includes('PONG');
      } catch {
        return false;
      }
    }, () => '', 10_000);
    const store = join(dir, 'store');
    mkdirSync(store);
    worker = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'queue', 'work', '--redis', url, '--queue', 'outage', '--store', store],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    worker.stderr?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
    const exited = new Promise<number | null>((resolve) => worker?.on('exit', (code) => resolve(code)));
    await waitFor('the worker starting', () => /pulling jobs from queue outage/.test(log), () => log);
    execFileSync('redis-cli', ['-p', String(redisPort), 'shutdown', 'nosave']);
    await waitFor('the outage line', () => /lost the connection to Redis/.test(log), () => log);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // several reconnection attempts
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log.match(/lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+ \(connect ECONNREFUSED/g)).toHaveLength(1);
    expect(log).toMatch(/did not answer the worker's close; stopping without it\n.*worker stopped after 0 jobs\n$/);
    expect(log).not.toMatch(/    at |Error:/);
  }, 120_000);
});
