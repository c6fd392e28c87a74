import { cp, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/exitCodes.ts';
import { executeMerge } from '../../src/cli/mergeCommand.ts';
import { executeRun } from '../../src/cli/runCommand.ts';
import { sha256Hex } from '../../src/outputs/verifySha256.ts';
import { runCli } from './runCli.ts';
import { readFolderWithoutManifest, SMALL_SETS, smallRunSettings } from './smallRun.ts';

const signal = new AbortController().signal;
const DATA_FILES = ['scenario.resolved.yaml', 'layout.json', 'summaries.f64', 'series.f64'];
let root: string;
let shards: string[];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-checksums-'));
  shards = [1, 2, 3].map((index) => join(root, `s${index}of3`));
  for (const [i, dir] of shards.entries()) {
    await executeRun(smallRunSettings(dir, { replicates: 8, shard: { index: i + 1, count: 3 } }), signal);
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The manifest of a folder. */
async function readManifest(dir: string): Promise<{ shard?: { files?: Record<string, string> } } & Record<string, unknown>> {
  return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { shard?: { files?: Record<string, string> } };
}

/** A copy of shard 2 named `name`, changed by `change`. */
async function copyOfShard2(name: string, change: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(root, name);
  await cp(shards[1], dir, { recursive: true });
  await change(dir);
  return dir;
}

/** Overwrites 8 bytes of a file at `position` with a double far from any result (the audit's edit). */
async function overwrite8(path: string, position: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.write(new Uint8Array(new Float64Array([5e7]).buffer), 0, 8, position);
  } finally {
    await handle.close();
  }
}

/** Nothing the refused merge `out` would have left: no folder, no hidden temporary beside it. */
async function expectNothingWritten(out: string): Promise<void> {
  const names = await readdir(root);
  expect(names.filter((name) => name === out || name.startsWith(`.${out}`))).toEqual([]);
}

describe('shard checksums', () => {
  it('records the SHA-256 of every file merge reads in the shard manifest, and none in the merged manifest', async () => {
    const manifest = await readManifest(shards[0]);
    const files = manifest.shard?.files ?? {};
    expect(Object.keys(files).sort()).toEqual([...DATA_FILES].sort());
    for (const name of DATA_FILES) expect(files[name]).toBe(sha256Hex(await readFile(join(shards[0], name))));
    const { dir } = await executeMerge({ dirs: shards, out: join(root, 'merged'), parquet: true, keepSeries: false }, signal);
    const merged = await readFile(join(dir, 'manifest.json'), 'utf8');
    expect('shard' in (JSON.parse(merged) as object)).toBe(false);
    const parquet = (await readFile(join(dir, 'series.parquet'))).toString('latin1');
    expect(parquet).toContain('crm-sim.manifest'); // the metadata is there, without any shard's hashes
    for (const shard of shards) {
      // The resolved scenario's hash may be the run's scenario.sha256 (an identity field, the same text); the others are the shard's own.
      const sums = Object.values((await readManifest(shard)).shard?.files ?? {});
      const identity = (JSON.parse(merged) as { scenario: { sha256: string } }).scenario.sha256;
      for (const sum of sums.filter((value) => value !== identity)) {
        expect(merged).not.toContain(sum);
        expect(parquet).not.toContain(sum);
      }
    }
  });

  it.each([
    ['summaries.f64', (dir: string) => overwrite8(join(dir, 'summaries.f64'), 8)],
    ['series.f64', (dir: string) => overwrite8(join(dir, 'series.f64'), 0)], // in the first block: found as the last is read
    ['scenario.resolved.yaml', async (dir: string) => {
      const text = await readFile(join(dir, 'scenario.resolved.yaml'), 'utf8');
      await writeFile(join(dir, 'scenario.resolved.yaml'), text.replace('years: 1', 'years: 2'));
    }],
    ['layout.json', async (dir: string) => {
      const text = await readFile(join(dir, 'layout.json'), 'utf8');
      await writeFile(join(dir, 'layout.json'), text.replace('"ticksPerYear": 12', '"ticksPerYear": 13'));
    }],
  ])('refuses a shard whose %s changed after it was written, naming folder, file and both hashes', async (name, change) => {
    const tampered = await copyOfShard2(`tampered-${name}`, change);
    const recorded = (await readManifest(tampered)).shard?.files?.[name] ?? '';
    const found = sha256Hex(await readFile(join(tampered, name)));
    expect(found).not.toBe(recorded);
    const out = `out-${name}`;
    const error = await executeMerge({ dirs: [shards[0], tampered, shards[2]], out: join(root, out), parquet: false, keepSeries: true, blockBytes: 1 }, signal)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(`merge: ${tampered}: ${name} does not match its checksum`);
    expect((error as Error).message).toContain(`records SHA-256 ${recorded.slice(0, 16)}…, the file has ${found.slice(0, 16)}…`);
    await expectNothingWritten(out);
  });

  it('merge --json prints the summary alone on stdout and the folder on stderr, as run --json does', async () => {
    const out = join(root, 'out-json');
    const result = runCli(['merge', ...shards, '--out', out, '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(result.stderr.split('\n').filter((line) => line.startsWith('output folder: '))).toEqual([`output folder: ${out}`]);
  });

  it('exits 2 on the command line, with one line and no output folder', async () => {
    const tampered = await copyOfShard2('tampered-cli', (dir) => overwrite8(join(dir, 'summaries.f64'), 0));
    const result = runCli(['merge', shards[0], tampered, shards[2], '--out', join(root, 'out-cli'), '--quiet']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^crm-sim: merge: .*tampered-cli: summaries\.f64 does not match its checksum: .*\n$/);
    await expectNothingWritten('out-cli');
  });

  it('refuses a manifest whose shard.files lacks a file or holds no SHA-256', async () => {
    const lacking = await copyOfShard2('lacking', async (dir) => {
      const manifest = await readManifest(dir);
      const files: Record<string, string> = { ...manifest.shard?.files, 'series.f64': 'x' };
      delete files['layout.json'];
      await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, shard: { ...manifest.shard, files } }));
    });
    const error = await executeMerge({ dirs: [shards[0], lacking, shards[2]], out: join(root, 'out-lacking'), parquet: false, keepSeries: false }, signal)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(`${lacking}: manifest.json's shard.files has no SHA-256 (64 hex digits) for layout.json, series.f64`);
  });

  it('merges a shard folder written before checksums were recorded, the same bytes, with one warning', async () => {
    const old = await copyOfShard2('old', async (dir) => {
      const manifest = await readManifest(dir);
      const { files: _files, ...shard } = manifest.shard ?? {};
      await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, shard }));
    });
    const checked = await executeMerge({ dirs: shards, out: join(root, 'all-checked'), parquet: false, keepSeries: true }, signal);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const merged = await executeMerge({ dirs: [shards[0], old, shards[2]], out: join(root, 'with-old'), parquet: false, keepSeries: true }, signal);
      expect(await readFolderWithoutManifest(merged.dir)).toEqual(await readFolderWithoutManifest(checked.dir));
      const warnings = stderr.mock.calls.map(([text]) => String(text)).filter((text) => text.startsWith('warning:'));
      expect(warnings).toEqual([`warning: merge: no checksums recorded in 1 of 3 shard folders (written by an older crm-sim); their files are merged unchecked: ${old}\n`]);
    } finally {
      stderr.mockRestore();
    }
  });

  it('a shard written by the CLI records checksums too (the writer every path goes through)', async () => {
    const dir = join(root, 'cli-shard');
    const result = runCli(['run', 'scenarios/baseline.yaml', '--replicates', '2', '--shard', '2/2', '--out', dir, '--quiet', ...SMALL_SETS.flatMap((set) => ['--set', set])]);
    expect(result.status).toBe(0);
    const files = (await readManifest(dir)).shard?.files ?? {};
    for (const name of DATA_FILES) expect(files[name]).toBe(sha256Hex(await readFile(join(dir, name))));
  });
});
