import { describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/queue/connectRedis.ts';
import { QueueUnavailableError } from '../../src/queue/loadQueueModules.ts';

describe('connectRedis', () => {
  it('refuses text that is not a Redis URL or a socket path before connecting, saying what it expected (it read as a network fault)', async () => {
    for (const url of ['notaurl', 'localhost:6379', 'http://127.0.0.1:6379']) {
      const connecting = connectRedis(url);
      await expect(connecting).rejects.toBeInstanceOf(QueueUnavailableError);
      await expect(connecting).rejects.toThrow(`--redis (or $CRM_SIM_REDIS): expected a Redis URL such as redis://127.0.0.1:6379 (rediss:// for TLS, or the path of a Unix socket), found "${url}"`);
    }
  });
});
