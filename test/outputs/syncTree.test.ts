import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syncToDisk, syncTree } from '../../src/outputs/syncTree.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('syncTree', () => {
  it('flushes every file and folder, each folder after what it holds', async () => {
    const root = join(dir, 'out');
    mkdirSync(join(root, 'charts'), { recursive: true });
    for (const file of ['summary.json', 'charts/a.svg', 'charts/b.png']) writeFileSync(join(root, file), 'x');
    const flushed: string[] = [];
    await syncTree(root, async (path) => void flushed.push(path.slice(root.length) || '/'));
    expect([...flushed].sort()).toEqual(['/', '/charts', '/charts/a.svg', '/charts/b.png', '/summary.json']);
    expect(flushed.indexOf('/charts')).toBeGreaterThan(Math.max(flushed.indexOf('/charts/a.svg'), flushed.indexOf('/charts/b.png')));
    expect(flushed[flushed.length - 1]).toBe('/');
    // And with fsync itself, on this machine's file system.
    await expect(syncTree(root)).resolves.toBeUndefined();
    await expect(syncToDisk(root)).resolves.toBeUndefined();
  });
});
