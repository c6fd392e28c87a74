import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exitCodes.ts';
import { executeMerge } from '../../src/cli/mergeCommand.ts';
import { executeRun } from '../../src/cli/runCommand.ts';
import { describeCode, stripExecutionFields, type RunManifest } from '../../src/outputs/createManifest.ts';
import { smallRunSettings } from './smallRun.ts';

const signal = new AbortController().signal;
let root: string;
const shard = (index: number, count = 3) => join(root, `s${index}of${count}`);
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-merge-'));
  for (const index of [1, 2, 3]) {
    await executeRun(smallRunSettings(shard(index), { replicates: 8, shard: { index, count: 3 } }), signal);
  }
  await executeRun(smallRunSettings(shard(2, 2), { replicates: 8, shard: { index: 2, count: 2 } }), signal);
  await executeRun(smallRunSettings(join(root, 'seed7'), { replicates: 8, masterSeed: 7, shard: { index: 3, count: 3 } }), signal);
  await executeRun(smallRunSettings(join(root, 'full'), { replicates: 8 }), signal);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The usage error a merge fails with. */
async function mergeError(dirs: string[]): Promise<UsageError> {
  const error = await executeMerge({ dirs, out: join(root, 'out'), parquet: false, keepSeries: false }, signal).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

/** The manifest a Parquet file carries in its key-value metadata (`crm-sim.manifest`), as text. */
async function readParquetManifest(path: string): Promise<string> {
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(path));
  return metadata.key_value_metadata?.find((entry) => entry.key === 'crm-sim.manifest')?.value ?? '{}';
}

/** What `run` writes to stderr (merge's warnings), with its result. */
async function captureStderr<T>(run: () => Promise<T>): Promise<{ result: T; stderr: string }> {
  const chunks: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array) => { chunks.push(String(chunk)); return true; }) as typeof process.stderr.write;
  try {
    return { result: await run(), stderr: chunks.join('') };
  } finally {
    process.stderr.write = write;
  }
}

describe('crm-sim merge', () => {
  it('names the missing replicate range and the shard that holds it', async () => {
    expect((await mergeError([shard(1), shard(3)])).message).toMatch(/replicates 2–4 are missing \(no shard folder holds them, shard 2\/3\)/);
    expect((await mergeError([shard(2), shard(3)])).message).toMatch(/replicates 0–1 are missing/);
  });

  it('names overlapping ranges and the folders that both hold them', async () => {
    const message = (await mergeError([shard(1), shard(2), shard(3), shard(2, 2)])).message;
    expect(message).toContain(`replicate 4 is in more than one shard folder: ${shard(2)} and ${shard(2, 2)}`);
    expect(message).toContain(`replicates 5–7 are in more than one shard folder: ${shard(2, 2)} and ${shard(3)}`);
  });

  it('refuses shards of another run and folders that are not shards', async () => {
    expect((await mergeError([shard(1), shard(2), join(root, 'seed7')])).message).toMatch(/belongs to another run: its seed is 7/);
    expect((await mergeError([join(root, 'full')])).message).toMatch(/is not a shard folder/);
    await writeFile(join(root, 'nothing.txt'), 'x');
    expect((await mergeError([root])).message).toMatch(/manifest.json is missing/);
    // A mistyped path is said to be one, not "manifest.json is missing".
    expect((await mergeError([shard(1), join(root, 'no-such-shard')])).message).toMatch(/no-such-shard: no such folder \(give the shard folders that crm-sim run --shard wrote\)/);
    expect((await readdir(root)).some((name) => name.startsWith('.') || name === 'out')).toBe(false);
  });

  it('refuses an --out that is a file or a folder with files before reading any shard, without suggesting a flag merge lacks', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, 'x');
    const asFile = await executeMerge({ dirs: [shard(1), shard(2), shard(3)], out: file, parquet: false, keepSeries: false }, signal).catch((e: unknown) => e);
    expect((asFile as Error).message).toBe(`--out ${file}: expected a folder, found a file`);
    const taken = await executeMerge({ dirs: [join(root, 'no-such-shard')], out: join(root, 'full'), parquet: false, keepSeries: false }, signal).catch((e: unknown) => e);
    expect((taken as Error).message).toMatch(/--out .*full: expected a new or empty folder, found a folder with files \(choose another folder\)$/);
  });

  it('refuses a shard run by other code, even at the same commit (uncommitted changes)', async () => {
    const changed = join(root, 'changed-code');
    await cp(shard(3), changed, { recursive: true });
    const manifest = JSON.parse(await readFile(join(changed, 'manifest.json'), 'utf8')) as { sourceSha256: string };
    await writeFile(join(changed, 'manifest.json'), JSON.stringify({ ...manifest, sourceSha256: 'f'.repeat(64) }));
    expect((await mergeError([shard(1), shard(2), changed])).message).toMatch(/changed-code belongs to another run: its code is [\d.]+ \(sources f{64}\), .* has [\d.]+ \(sources [0-9a-f]{64}\)/);
  });

  it('merges shards of the same sources whatever commit their processes read (a commit of docs only)', async () => {
    const otherCommit = join(root, 'other-commit');
    await cp(shard(3), otherCommit, { recursive: true });
    const manifest = JSON.parse(await readFile(join(otherCommit, 'manifest.json'), 'utf8')) as { gitCommit: string };
    await writeFile(join(otherCommit, 'manifest.json'), JSON.stringify({ ...manifest, gitCommit: '0'.repeat(40) }));
    const { dir } = await executeMerge({ dirs: [shard(1), shard(2), otherCommit], out: join(root, 'docs-commit'), parquet: false, keepSeries: false }, signal);
    expect((await readdir(dir)).includes('summary.json')).toBe(true);
  });

  it('records the merge\'s own commit as gitCommit, each shard\'s in shardGitCommits, and warns when the shards\' commits differ', async () => {
    // Shard 1 (replicates 0–1) and shard 3 claim other commits than this process's: the merged manifest must not pass shard 1's off as the run's.
    const [first, third] = [join(root, 'commit-a'), join(root, 'commit-b')];
    const commitA = 'a'.repeat(40);
    const commitB = 'b'.repeat(40);
    for (const [from, to, commit] of [[shard(1), first, commitA], [shard(3), third, commitB]] as const) {
      await cp(from, to, { recursive: true });
      const manifest = JSON.parse(await readFile(join(to, 'manifest.json'), 'utf8')) as { gitCommit: string };
      await writeFile(join(to, 'manifest.json'), JSON.stringify({ ...manifest, gitCommit: commit }));
    }
    const { result: { dir }, stderr } = await captureStderr(() => executeMerge({ dirs: [third, shard(2), first], out: join(root, 'mixed-commits'), parquet: true, keepSeries: false }, signal));
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as RunManifest;
    const own = describeCode().gitCommit;
    const second = (JSON.parse(await readFile(join(shard(2), 'manifest.json'), 'utf8')) as RunManifest).gitCommit;
    expect(manifest.gitCommit).toBe(own);
    expect(manifest.shardGitCommits).toEqual([commitA, second, commitB]);
    expect(Object.keys(manifest).at(-1)).toBe('shardGitCommits');
    expect(stderr).toMatch(/^warning: merge: the shard folders were written at 3 git commits \(a{12}: .*commit-a; [0-9a-f]{12}: .*s2of3; b{12}: .*commit-b\); their sources agree \(sha256 [0-9a-f]{12}…\)/m);
    // Parquet's key-value metadata carries the JSON manifest's identity: the same gitCommit, no per-shard list (a single run's files).
    const metadata = JSON.parse(await readParquetManifest(join(dir, 'series.parquet'))) as Record<string, unknown>;
    expect(metadata.gitCommit).toBe(manifest.gitCommit);
    expect(metadata).toEqual(stripExecutionFields(manifest));
    expect('shardGitCommits' in metadata).toBe(false);
  });

  it('merges shards run by other code than its own, warns that it computed the statistics, and records its fingerprint as mergeSourceSha256', async () => {
    // All three shards claim one other fingerprint: they agree among themselves (so they merge), not with this process.
    const theirs = 'e'.repeat(64);
    const copies = [1, 2, 3].map((index) => join(root, `other-code-${index}`));
    for (const [index, to] of copies.entries()) {
      await cp(shard(index + 1), to, { recursive: true });
      const manifest = JSON.parse(await readFile(join(to, 'manifest.json'), 'utf8')) as RunManifest;
      await writeFile(join(to, 'manifest.json'), JSON.stringify({ ...manifest, sourceSha256: theirs }));
    }
    const { result: { dir }, stderr } = await captureStderr(() => executeMerge({ dirs: copies, out: join(root, 'merged-by-other-code'), parquet: false, keepSeries: false }, signal));
    const own = describeCode().sourceSha256;
    expect(own).toMatch(/^[0-9a-f]{64}$/);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as RunManifest;
    expect(manifest.sourceSha256).toBe(theirs);
    expect(manifest.mergeSourceSha256).toBe(own);
    expect(Object.keys(manifest).at(-1)).toBe('mergeSourceSha256');
    expect(stderr).toContain(`warning: merge: this crm-sim's sources (sha256 ${own!.slice(0, 12)}…) are not those that ran the shards (${'e'.repeat(12)}…): `);
    expect(stderr).toMatch(/the statistics \(summary\.json, bands, exceedance\) are computed by this code/);
  });

  it('warns of nothing about commits when the shards share one', async () => {
    const { result: { dir }, stderr } = await captureStderr(() => executeMerge({ dirs: [shard(1), shard(2), shard(3)], out: join(root, 'one-commit'), parquet: false, keepSeries: false }, signal));
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as RunManifest;
    expect(manifest.shardGitCommits).toEqual([describeCode().gitCommit, describeCode().gitCommit, describeCode().gitCommit]);
    expect('mergeSourceSha256' in manifest).toBe(false);
    expect(stderr).not.toMatch(/git commits|sources \(sha256/);
  });

  it('refuses a merge that would not fit in memory, before its band pass, and writes nothing', async () => {
    const single = join(root, 'single');
    await executeRun(smallRunSettings(single, { replicates: 1, shard: { index: 1, count: 1 } }), signal);
    const before = process.env.CRM_SIM_MAX_MEMORY;
    process.env.CRM_SIM_MAX_MEMORY = '10MiB';
    try {
      const error = await mergeError([shard(1), shard(2), shard(3)]);
      expect(error.message).toMatch(/^merge: expected a merge that fits in memory \(limit 10\.0 MiB: \$CRM_SIM_MAX_MEMORY 10MiB\), found an estimated [\d.]+ MiB for 8 replicates \(largest terms: process/);
      // One replicate is one, not "1 replicates".
      expect((await mergeError([single])).message).toMatch(/ MiB for 1 replicate \(largest terms: /);
    } finally {
      if (before === undefined) delete process.env.CRM_SIM_MAX_MEMORY;
      else process.env.CRM_SIM_MAX_MEMORY = before;
    }
    expect((await readdir(root)).filter((name) => name.includes('out'))).toEqual([]);
  });

  it('merges shards given in any order', async () => {
    const { dir } = await executeMerge({ dirs: [shard(3), shard(1), shard(2)], out: join(root, 'ok'), parquet: false, keepSeries: false }, signal);
    expect((await readdir(dir)).sort()).toEqual(['manifest.json', 'replicates.csv', 'scenario.resolved.yaml', 'series.csv', 'summary.json']);
  });

  it('records the command lines it is given (a resumed run: the start and its resumes) with URL credentials masked', async () => {
    const commandLine = ['crm-sim', 'run', 'x.yaml', '--set', 'source=https://user:s3cret@host/x', '--resume', 'out'];
    const resumeCommandLines = [['crm-sim', 'run', '--resume', 'out', '--set', 'source=redis://:pw@db:6379']];
    const { dir } = await executeMerge({ dirs: [shard(1), shard(2), shard(3)], out: join(root, 'resumed'), parquet: false, keepSeries: false, commandLine, resumeCommandLines }, signal);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.commandLine).toEqual(['crm-sim', 'run', 'x.yaml', '--set', 'source=https://***@host/x', '--resume', 'out']);
    expect(manifest.resumeCommandLines).toEqual([['crm-sim', 'run', '--resume', 'out', '--set', 'source=redis://***@db:6379']]);
    expect(JSON.stringify(manifest)).not.toMatch(/s3cret|:pw@/);
    // Execution fields follow commandLine, in a run manifest's order.
    expect(Object.keys(manifest).slice(Object.keys(manifest).indexOf('commandLine'), Object.keys(manifest).indexOf('commandLine') + 3)).toEqual(['commandLine', 'resumeCommandLines', 'workers']);
  });
});
