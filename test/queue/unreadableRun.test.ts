/**
 * A run description (run.json) that exists but cannot be read is a clear QueueError for the
 * commands a person runs (queue status and collect; the CLI makes it exit 2), not a stack trace.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QueueError } from '../../src/queue/loadQueueModules.ts';
import { readRunStatus } from '../../src/queue/readRunStatus.ts';
import { runFolder } from '../../src/queue/runStore.ts';
import { isRedisReachable, resolveRedisUrl } from '../../src/queue/connectRedis.ts';
import { runCli } from '../cli/runCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-unreadable-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = join(dir, 'store');
mkdirSync(runFolder(store, 'r1'), { recursive: true });
writeFileSync(join(runFolder(store, 'r1'), 'run.json'), '{"runId": "r1", "shards": ');

describe('an unreadable run description', () => {
  it('is a QueueError naming the file and the cause (queue status)', async () => {
    const status = readRunStatus({ runId: 'r1', store, queue: 'unused' });
    await expect(status).rejects.toBeInstanceOf(QueueError);
    await expect(status).rejects.toThrow(/cannot read run r1's description .*run\.json: not valid JSON/);
  });
  it('is a QueueError naming the file, the key, what was expected and what was found, for JSON without a run\'s fields', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['r2', '{}', /r2\/run\.json: runId: expected a run id, found nothing \(a damaged store: submit the run again under a new --run-id\)/],
      ['r3', '[]', /r3\/run\.json: expected a run description .*found \[\]/],
      ['r4', '{"runId":"r4","scenarioPath":"s.yaml","replicates":8,"masterSeed":1,"shards":"two","sha256":"ab"}', /r4\/run\.json: shards: expected an integer ≥ 1, found "two"/],
    ];
    for (const [runId, text, message] of cases) {
      mkdirSync(runFolder(store, runId), { recursive: true });
      writeFileSync(join(runFolder(store, runId), 'run.json'), text);
      const status = readRunStatus({ runId, store, queue: 'unused' });
      await expect(status).rejects.toBeInstanceOf(QueueError);
      await expect(status).rejects.toThrow(message);
    }
  });
  it('makes `crm-sim queue status` exit 2 with that message and no stack trace', async () => {
    const redis = resolveRedisUrl();
    if (!(await isRedisReachable(redis))) throw new Error(`Redis must be reachable at ${redis}: run npm run setup:system (.ci/setup.d/redis.sh)`);
    const result = runCli(['queue', 'status', 'r1', '--store', store, '--redis', redis, '--queue', 'crm-sim-test-unreadable']);
    expect(result.stderr).toMatch(/cannot read run r1's description .*run\.json: not valid JSON/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(2);
  });
});
