import { describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/queue/connectRedis.ts';
import { redactUrlCredentials } from '../../src/outputs/createManifest.ts';
import { QueueUnavailableError } from '../../src/queue/loadQueueModules.ts';

describe('connectRedis', () => {
  it('refuses text that is not a Redis URL or a socket path before connecting, saying what it expected (it read as a network fault)', async () => {
    for (const url of ['notaurl', 'localhost:6379', 'http://127.0.0.1:6379']) {
      const connecting = connectRedis(url);
      await expect(connecting).rejects.toBeInstanceOf(QueueUnavailableError);
      await expect(connecting).rejects.toThrow(`--redis (or $CRM_SIM_REDIS): expected a Redis URL such as redis://127.0.0.1:6379 (rediss:// for TLS, or the path of a Unix socket), found "${url}"`);
    }
  });

  it('names the cause when nothing answers (it said only "Connection is closed."), with the password masked', async () => {
    const connecting = connectRedis('redis://user:s3cret@127.0.0.1:1');
    await expect(connecting).rejects.toBeInstanceOf(QueueUnavailableError);
    const message = await connecting.catch((error: Error) => error.message);
    expect(message).toMatch(/^cannot reach Redis at redis:\/\/\*\*\*@127\.0\.0\.1:1 \(connect ECONNREFUSED 127\.0\.0\.1:1\): start Redis there/);
    expect(message).not.toMatch(/Connection is closed|s3cret/);
  });

  it('masks only the credentials of a URL', () => {
    expect(redactUrlCredentials('rediss://:pw@db:6380/2')).toBe('rediss://***@db:6380/2');
    expect(redactUrlCredentials('redis://db:6379')).toBe('redis://db:6379');
    // A password typed with an unescaped @ is masked whole, not up to its first @.
    expect(redactUrlCredentials('redis://:p@ss@db:6379/0')).toBe('redis://***@db:6379/0');
  });
});
