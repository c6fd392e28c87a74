/**
 * bin/crm-sim.js runs the compiled CLI (dist/, rebuilt first if a source is newer) with plain node:
 * no thread of a run (main, Monte Carlo workers, cell threads) may invalidate V8's
 * ArrayBufferDetaching protector (tsx's module hooks and transferred results both do, and the
 * engine's typed-array loops then pay a detached check on every access), and the compiled run
 * gives the bytes of a run from the sources and names the same source fingerprint.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCE_SHA256 } from '../../src/runtime/sourceFingerprint.ts';
import { runCli } from '../cli/runCli.ts';
import { readFolderWithoutManifest, SMALL_SETS } from '../cli/smallRun.ts';

const INVALIDATED = 'Invalidating protector cell ArrayBufferDetaching';
const dir = mkdtempSync(join(tmpdir(), 'crm-sim-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sets = SMALL_SETS.flatMap((set) => ['--set', set]);

/** Runs `node --trace-protector-invalidation bin/crm-sim.js …`; the trace goes to stdout. */
function traced(args: string[]) {
  return spawnSync(process.execPath, ['--trace-protector-invalidation', 'bin/crm-sim.js', ...args], { encoding: 'utf8', timeout: 180_000 });
}

describe('bin/crm-sim.js', () => {
  it('can see an invalidation (control: tsx\'s hooks invalidate the protector)', () => {
    const control = spawnSync(process.execPath, ['--trace-protector-invalidation', '--import', 'tsx', '-e', ''], { encoding: 'utf8' });
    expect(control.stdout).toContain(INVALIDATED);
  });

  it('runs workers and cell threads without detaching a buffer, with the bytes of a run from the sources', async () => {
    const compiled = join(dir, 'compiled');
    const run = traced(['run', 'scenarios/threat-export-quota.yaml', '--replicates', '4', '--seed', '3', '--workers', '2', '--out', compiled, '--quiet', ...sets]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(INVALIDATED);
    const threaded = traced(['run', 'scenarios/threat-export-quota.yaml', '--replicates', '2', '--seed', '3', '--workers', '1',
      '--threads-per-replicate', '2', '--out', join(dir, 'threaded'), '--quiet', ...sets]);
    expect(threaded.status, threaded.stderr).toBe(0);
    expect(threaded.stdout).not.toContain(INVALIDATED);
    const source = join(dir, 'source');
    const fromSource = runCli(['run', 'scenarios/threat-export-quota.yaml', '--replicates', '4', '--seed', '3', '--workers', '0', '--out', source, '--quiet', ...sets]);
    expect(fromSource.status, fromSource.stderr).toBe(0);
    expect(await readFolderWithoutManifest(compiled)).toEqual(await readFolderWithoutManifest(source));
    // Both name the code that ran by the same fingerprint: the build's record of its sources, and
    // the sources' own (the tests run them).
    const manifestOf = (folder: string) => JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { sourceSha256: unknown };
    expect(manifestOf(compiled).sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifestOf(compiled).sourceSha256).toBe(SOURCE_SHA256);
    expect(manifestOf(source).sourceSha256).toBe(SOURCE_SHA256);
  });
});
