import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createManifest, redactCommandLine, stripExecutionFields } from '../../src/outputs/createManifest.ts';

const { hashSources } = (await import('../../scripts/hashSources.mjs' as string)) as { hashSources(root: string): string };

describe('createManifest', () => {
  it('records version, commit, scenario hash, sizes and UTC timing in a fixed key order', () => {
    const manifest = createManifest({
      scenarioText: 'name: tiny\n',
      scenarioPath: 'scenarios/tiny.yaml',
      masterSeed: 42,
      replicates: 8,
      workers: 2,
      ticks: 104,
      startedAt: new Date('2025-01-01T00:00:00Z'),
      finishedAt: new Date('2025-01-01T00:00:02.500Z'),
    });
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
    expect(Object.keys(manifest)).toEqual([
      'tool', 'version', 'gitCommit', 'sourceSha256', 'packageLockSha256', 'scenario', 'overrides', 'masterSeed', 'replicates', 'commandLine', 'workers', 'ticks',
      'nodeVersion', 'platform', 'startedAt', 'finishedAt', 'wallSeconds',
    ]);
    expect(manifest.commandLine).toEqual(['crm-sim', ...process.argv.slice(2)]);
    expect(manifest.version).toBe(version);
    expect(manifest.gitCommit === null || /^[0-9a-f]{40}$/.test(manifest.gitCommit)).toBe(true);
    // The tests run the sources: the fingerprint is theirs (scripts/hashSources.mjs).
    expect(manifest.sourceSha256).toBe(hashSources(fileURLToPath(new URL('../../', import.meta.url))));
    expect(manifest.scenario).toEqual({
      path: 'scenarios/tiny.yaml',
      sha256: createHash('sha256').update('name: tiny\n').digest('hex'),
    });
    expect(manifest).toMatchObject({ masterSeed: 42, replicates: 8, workers: 2, ticks: 104, nodeVersion: process.version, platform: `${process.platform}-${process.arch}` });
    // The lock file the dependencies were installed from (session 24).
    expect(manifest.packageLockSha256).toBe(createHash('sha256').update(readFileSync(new URL('../../package-lock.json', import.meta.url))).digest('hex'));
    expect(manifest.startedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(manifest.wallSeconds).toBe(2.5);
  });

  it('records --exceed conditions and threads per replicate only when given, each in its place', () => {
    const base = { scenarioText: 'name: tiny\n', masterSeed: 1, replicates: 2, workers: 1, ticks: 4, startedAt: new Date(0), finishedAt: new Date(1000) };
    const plain = createManifest({ ...base, exceed: [], threadsPerReplicate: 1, commandLine: ['crm-sim', 'run', 'x.yaml'] });
    expect(Object.keys(plain)).not.toContain('exceed');
    expect(Object.keys(plain)).not.toContain('threadsPerReplicate');
    expect(plain.commandLine).toEqual(['crm-sim', 'run', 'x.yaml']);
    const keys = Object.keys(createManifest({ ...base, exceed: ['maxShortfallShare.ndpr>1%'], threadsPerReplicate: 2 }));
    expect(keys.slice(keys.indexOf('overrides'), keys.indexOf('overrides') + 2)).toEqual(['overrides', 'exceed']);
    expect(keys.slice(keys.indexOf('workers'), keys.indexOf('workers') + 2)).toEqual(['workers', 'threadsPerReplicate']);
  });

  it('never records the credentials of a URL on the command line', () => {
    expect(redactCommandLine(['crm-sim', 'queue', 'work', '--redis', 'redis://:s3cret@db:6379', '--redis=rediss://user:pw@h/0', 'scenarios/a.yaml']))
      .toEqual(['crm-sim', 'queue', 'work', '--redis', 'redis://***@db:6379', '--redis=rediss://***@h/0', 'scenarios/a.yaml']);
    const manifest = createManifest({ scenarioText: 'x', masterSeed: 1, replicates: 1, workers: 1, ticks: 1, startedAt: new Date(0), finishedAt: new Date(0),
      commandLine: ['crm-sim', 'queue', 'collect', 'id', '--redis', 'redis://:s3cret@127.0.0.1:6379'] });
    expect(JSON.stringify(manifest)).not.toContain('s3cret');
  });
});

describe('stripExecutionFields', () => {
  it('keeps what identifies the results: no execution fields and no scenario path as typed, its sha256 kept', () => {
    const input = { scenarioText: 'name: tiny\n', masterSeed: 1, replicates: 2, workers: 2, ticks: 4, startedAt: new Date(0), finishedAt: new Date(1000) };
    const relative = stripExecutionFields(createManifest({ ...input, scenarioPath: 'scenarios/tiny.yaml' }));
    const absolute = stripExecutionFields(createManifest({ ...input, scenarioPath: '/home/me/crm-sim/scenarios/tiny.yaml', workers: 1 }));
    expect(JSON.stringify(relative)).toBe(JSON.stringify(absolute));
    expect(relative.scenario).toEqual({ sha256: createHash('sha256').update('name: tiny\n').digest('hex') });
    for (const field of ['commandLine', 'workers', 'startedAt', 'finishedAt', 'wallSeconds']) expect(relative).not.toHaveProperty(field);
    const command = stripExecutionFields({ ...createManifest({ ...input, scenarioPath: 'a.yaml' }), scenarios: [{ label: 'b', path: '/x/b.yaml', sha256: 'f' }] } as never);
    expect(command.scenarios).toEqual([{ label: 'b', sha256: 'f' }]);
  });
});
