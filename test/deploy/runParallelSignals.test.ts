/**
 * Interrupting deploy/parallel/run-parallel.sh: SIGINT or SIGTERM to the script, or Ctrl-C at a
 * terminal (SIGINT to its whole process group), must stop the running shards with one SIGINT each
 * (crm-sim's clean stop: it removes its temporary folder and exits 130; a second SIGINT would force
 * an immediate exit), start no other shard and no merge, and exit 130. The shards are a stand-in
 * for crm-sim (CRM_SIM) that records the signals it receives, so no simulation runs. Fails when
 * GNU parallel is missing (.ci/setup.d/parallel.sh).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasParallel) throw new Error('GNU parallel is missing: run npm run setup:system (.ci/setup.d/parallel.sh)');
const dir = mkdtempSync(join(tmpdir(), 'crm-sim-parallel-signals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Processes a failed test may leave behind (the script, stand-ins still waiting): killed after each test. */
const leftovers: number[] = [];
afterEach(() => {
  for (const pid of leftovers.splice(0)) if (pid > 1 && alive(pid)) process.kill(pid, 'SIGKILL');
});

/**
 * A stand-in for crm-sim: `run … --shard k/K` writes started-k (its pid), `merge` started-merge,
 * then waits; each signal is appended to signals-k (signals-merge), and it exits 0.5 s after a
 * SIGINT, as crm-sim unwinds (so a second SIGINT sent together with the first would be seen).
 */
function writeFakeCrmSim(log: string): string {
  const path = join(log, 'fake-crm-sim.sh');
  writeFileSync(path, `#!/usr/bin/env bash
k=merge
[ "$1" = run ] && k=$(printf '%s\\n' "$@" | grep -m1 -E '^[0-9]+/[0-9]+$' | cut -d/ -f1)
trap 'echo INT >> ${log}/signals-$k; sleep 0.5; exit 130' INT
trap 'echo TERM >> ${log}/signals-$k; exit 143' TERM
echo $$ > ${log}/started-$k
while :; do sleep 0.05; done
`);
  chmodSync(path, 0o755);
  return path;
}

/** Resolves once `check` holds (polled every 50 ms), rejects after 60 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 60_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Whether a process is alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const HOW = [
  { how: 'SIGINT to the script', signal: 'SIGINT', group: false },
  { how: 'SIGTERM to the script', signal: 'SIGTERM', group: false },
  { how: 'Ctrl-C at a terminal (SIGINT to its process group)', signal: 'SIGINT', group: true },
] as const;

/** Starts the script on 4 shards, 2 at a time (the stand-in's calls and signals in `log`); resolves its exit code and stderr. */
function startScript(log: string, out: string, group: boolean): { pid: number; exited: Promise<{ code: number | null; stderr: string }> } {
  const script = spawn('bash', [resolve('deploy/parallel/run-parallel.sh'), 'any.yaml', out, '8', '1', '4', '2'], {
    env: { ...process.env, CRM_SIM: writeFakeCrmSim(log) }, detached: group, stdio: ['ignore', 'pipe', 'pipe'],
  });
  leftovers.push(script.pid!);
  let stderr = '';
  script.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return { pid: script.pid!, exited: new Promise((done) => script.on('close', (code) => done({ code, stderr }))) };
}

/** The processes of `log` that started (shard numbers or 'merge'). */
function started(log: string): string[] {
  const names = readdirSync(log).filter((name) => name.startsWith('started-')).map((name) => name.slice('started-'.length)).sort();
  for (const name of names) leftovers.push(Number(readFileSync(join(log, `started-${name}`), 'utf8')));
  return names;
}

/** Checks that each of `names` got exactly one SIGINT and is gone. */
function expectStoppedOnce(log: string, names: string[]): void {
  for (const name of names) {
    expect(readFileSync(join(log, `signals-${name}`), 'utf8')).toBe('INT\n');
    expect(alive(Number(readFileSync(join(log, `started-${name}`), 'utf8')))).toBe(false);
  }
}

describe('deploy/parallel/run-parallel.sh interrupted', () => {
  it.each(HOW)('$how while shards run: one SIGINT to each running shard, no merge, exit 130', async ({ signal, group }) => {
    const log = mkdtempSync(join(dir, 'shards-'));
    const out = join(log, 'out');
    const script = startScript(log, out, group);
    await until(() => started(log).length === 2, 'two shards to start');
    process.kill(group ? -script.pid : script.pid, signal);
    const { code, stderr } = await script.exited;
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(started(log)).toHaveLength(2); // no other shard, no merge
    expectStoppedOnce(log, started(log));
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.shards`)).toBe(true); // kept for the rerun
  });

  it.each(HOW)('$how while merging: one SIGINT to the merge, exit 130, shards kept', async ({ signal, group }) => {
    const log = mkdtempSync(join(dir, 'merge-'));
    const out = join(log, 'out');
    for (let k = 1; k <= 4; k++) mkdirSync(join(`${out}.shards`, `shard-${k}`), { recursive: true }); // all finished
    const script = startScript(log, out, group);
    await until(() => started(log).includes('merge'), 'the merge to start');
    process.kill(group ? -script.pid : script.pid, signal);
    const { code, stderr } = await script.exited;
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(started(log)).toEqual(['merge']);
    expectStoppedOnce(log, ['merge']);
    expect(readdirSync(`${out}.shards`)).toContain('shard-4');
  });
});
