/**
 * The Kubernetes recipe (deploy/kubernetes) without a cluster: the manifests read as YAML and
 * checked for what must agree between them (completions taken from SHARDS by kustomization.yaml,
 * rendered by `kubectl kustomize` where kubectl is installed; one pinned image, the failure policy,
 * the ConfigMap and volume they name); run-shard.sh and merge.sh run by bash as the pods would
 * (JOB_COMPLETION_INDEX, JOB_COMPLETIONS, the ConfigMap's variables) with this checkout as /app;
 * wait-job.sh against a stand-in kubectl that reports the Job's conditions.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

const K8S = resolve('deploy/kubernetes');
const dir = mkdtempSync(join(tmpdir(), 'crm-sim-k8s-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Manifest = any;
const manifest = (name: string): Manifest => parse(readFileSync(join(K8S, name), 'utf8'));

/** Runs a script of deploy/kubernetes with bash, the given environment on top of PATH. */
function pod(name: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('bash', [join(K8S, name)], { cwd: dir, encoding: 'utf8', timeout: 240_000, env: { PATH: process.env.PATH ?? '', ...env } });
}

describe('deploy/kubernetes manifests', () => {
  const config = manifest('run-config.yaml');
  const jobs = [manifest('shards-job.yaml'), manifest('merge-job.yaml')];

  it('take the run from one ConfigMap, the shards Job\'s completions copied from its SHARDS by kustomization.yaml', () => {
    const kustomization = manifest('kustomization.yaml');
    expect(kustomization.resources).toEqual(expect.arrayContaining(['run-config.yaml', 'shards-job.yaml']));
    expect(kustomization.resources).not.toContain('merge-job.yaml'); // applied once the shards are done
    const [replacement] = kustomization.replacements;
    expect(replacement.source).toEqual({ kind: 'ConfigMap', name: config.metadata.name, fieldPath: 'data.SHARDS' });
    expect(replacement.targets).toEqual([{ select: { kind: 'Job', name: jobs[0].metadata.name }, fieldPaths: [
      'spec.completions', `spec.template.spec.containers.[name=${jobs[0].spec.template.spec.containers[0].name}].env.[name=JOB_COMPLETIONS].value`,
    ] }]);
    // Applied alone (-f), the Job's pods have no JOB_COMPLETIONS and refuse to run (below).
    expect(jobs[0].spec.template.spec.containers[0].env).toEqual([{ name: 'JOB_COMPLETIONS', value: '' }]);
    for (const job of jobs) {
      expect(job.spec.template.spec.containers[0].envFrom).toEqual([{ configMapRef: { name: config.metadata.name } }]);
    }
    for (const key of ['SCENARIO', 'REPLICATES', 'SEED', 'SHARDS', 'OUT_DIR', 'SHARDS_DIR']) expect(config.data[key]).toBeTypeOf('string');
  });

  it('run one image, pinned (not :latest), on the ReadWriteMany claim of pvc.yaml', () => {
    const images = jobs.map((job) => job.spec.template.spec.containers[0].image as string);
    expect(images[1]).toBe(images[0]);
    expect(images[0]).not.toMatch(/:latest$|^[^:@]+$/);
    const pvc = manifest('pvc.yaml');
    expect(pvc.spec.accessModes).toEqual(['ReadWriteMany']);
    for (const job of jobs) expect(job.spec.template.spec.volumes[0].persistentVolumeClaim.claimName).toBe(pvc.metadata.name);
  });

  it('fail the Job at once on exit 2 and 3, and do not count interruptions and disruptions', () => {
    for (const job of jobs) {
      const container = job.spec.template.spec.containers[0].name;
      const rules: Manifest[] = job.spec.podFailurePolicy.rules;
      const codes = (action: string) => rules.filter((rule) => rule.action === action && rule.onExitCodes?.containerName === container && rule.onExitCodes.operator === 'In')
        .flatMap((rule) => rule.onExitCodes.values as number[]).sort((a, b) => a - b);
      expect(codes('FailJob')).toEqual([2, 3]);
      expect(codes('Ignore')).toEqual([130, 143]);
      expect(rules.some((rule) => rule.action === 'Ignore' && rule.onPodConditions?.[0]?.type === 'DisruptionTarget')).toBe(true);
      expect(job.spec.template.spec.restartPolicy).toBe('Never');
    }
  });

  it('point to files that exist', () => {
    for (const job of jobs) {
      const command: string[] = job.spec.template.spec.containers[0].command;
      expect(existsSync(command[1].replace('/app/', `${resolve('.')}/`))).toBe(true);
    }
    const pointer = /\(([\w/.]+README\.md)/.exec(readFileSync(join(K8S, 'Dockerfile'), 'utf8'))?.[1];
    expect(pointer && existsSync(resolve(pointer))).toBe(true);
  });
});

describe.skipIf(spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status !== 0)('deploy/kubernetes rendered by kubectl kustomize', () => {
  it('gives the shards Job as many completions as SHARDS, whatever SHARDS is, and the same to its pods', () => {
    const copy = join(dir, 'kustomize');
    cpSync(K8S, copy, { recursive: true });
    const config = join(copy, 'run-config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/SHARDS: "16"/, 'SHARDS: "37"'));
    const rendered = spawnSync('kubectl', ['kustomize', copy], { encoding: 'utf8', timeout: 60_000 });
    expect(rendered.stderr).toBe('');
    const documents: Manifest[] = parseAllDocuments(rendered.stdout).map((d) => d.toJSON());
    const job = documents.find((d) => d.kind === 'Job' && d.metadata.name === 'crm-sim-shards');
    expect(documents.find((d) => d.kind === 'ConfigMap').data.SHARDS).toBe('37');
    expect(job.spec.completions).toBe(37);
    expect(job.spec.template.spec.containers[0].env).toEqual([{ name: 'JOB_COMPLETIONS', value: '37' }]);
    expect(documents.map((d) => d.kind).sort()).toEqual(['ConfigMap', 'Job', 'PersistentVolumeClaim']);
  });
});

describe('deploy/kubernetes pods, run locally', () => {
  it('runs the shards and the merge, removes the shards, and a retried pod after the merge does nothing', () => {
    const env = {
      CRM_SIM_ROOT: resolve('.'), SCENARIO: resolve('scenarios/baseline.yaml'), REPLICATES: '5', SEED: '4', SHARDS: '2',
      OUT_DIR: join(dir, 'run'), SHARDS_DIR: join(dir, 'run.shards'), WORKERS: '1', KEEP_SHARDS: '0',
      RUN_OPTIONS: '--set years=1 --set ticksPerYear=12 --set "resolution.firmsPerCapacityCell=2"', MERGE_OPTIONS: '',
    };
    // The Job applied without -k (no JOB_COMPLETIONS), or with other completions than SHARDS: refused before anything runs.
    const unrendered = pod('run-shard.sh', { ...env, JOB_COMPLETION_INDEX: '0' });
    expect(unrendered.status).toBe(2);
    expect(unrendered.stderr).toContain('kubectl apply -k deploy/kubernetes');
    for (const completions of ['1', '3']) {
      const mismatch = pod('run-shard.sh', { ...env, JOB_COMPLETIONS: completions, JOB_COMPLETION_INDEX: '0' });
      expect(mismatch.status).toBe(2);
      expect(mismatch.stderr).toContain(`this Job has ${completions} completions but run-config.yaml now says SHARDS=2`);
    }
    expect(existsSync(join(dir, 'run.shards'))).toBe(false);
    const tooMany = pod('run-shard.sh', { ...env, JOB_COMPLETIONS: '2', JOB_COMPLETION_INDEX: '2' });
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toContain('completions');
    for (const index of ['0', '1']) expect(pod('run-shard.sh', { ...env, JOB_COMPLETIONS: '2', JOB_COMPLETION_INDEX: index }).status).toBe(0);
    const merge = pod('merge.sh', env);
    expect(merge.stderr).toBe('');
    expect(merge.status).toBe(0);
    expect(existsSync(join(dir, 'run', 'summary.json'))).toBe(true);
    expect(existsSync(join(dir, 'run.shards'))).toBe(false);
    // Retried pods: no node to run (an empty PATH but bash's own), so any attempt to run crm-sim would fail.
    const noNode = { ...env, PATH: '/nonexistent', CRM_SIM_ROOT: '/nonexistent' };
    expect(spawnSync('/bin/bash', [join(K8S, 'run-shard.sh')], { env: { ...noNode, JOB_COMPLETIONS: '2', JOB_COMPLETION_INDEX: '0' }, encoding: 'utf8' }).status).toBe(0);
    const again = spawnSync('/bin/bash', [join(K8S, 'merge.sh')], { env: noNode, encoding: 'utf8' });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('merged already');
  });
});

describe('deploy/kubernetes/wait-job.sh', () => {
  /** Runs wait-job.sh against a kubectl that prints the given condition lines, one per call (the last repeated). */
  function waitFor(responses: string[], timeout = '10'): { status: number | null; stdout: string; stderr: string; calls: number } {
    const here = mkdtempSync(join(dir, 'wait-'));
    mkdirSync(join(here, 'bin'));
    responses.forEach((text, i) => writeFileSync(join(here, `response-${i + 1}`), text));
    writeFileSync(join(here, 'bin', 'kubectl'), `#!/usr/bin/env bash
n=$(( $(cat ${here}/calls 2>/dev/null || echo 0) + 1 )); echo $n > ${here}/calls
f=${here}/response-$n; [ -e "$f" ] || f=${here}/response-${responses.length}
[ "$(cat "$f")" = ERROR ] && { echo "connection refused" >&2; exit 1; }
printf '%b' "$(cat "$f")"
`);
    chmodSync(join(here, 'bin', 'kubectl'), 0o755);
    const run = spawnSync('bash', [join(K8S, 'wait-job.sh'), 'crm-sim-shards', timeout], {
      encoding: 'utf8', timeout: 60_000, env: { PATH: `${join(here, 'bin')}:${process.env.PATH ?? ''}`, WAIT_INTERVAL: '0.01' },
    });
    return { ...run, calls: Number(readFileSync(join(here, 'calls'), 'utf8')) };
  }

  it('returns 0 once the Job completed, waiting through a running Job and a failed kubectl', () => {
    const run = waitFor(['', 'ERROR', 'SuccessCriteriaMet\\tCompletionsReached\\t\\n', 'SuccessCriteriaMet\\t\\t\\nComplete\\tCompletionsReached\\t\\n']);
    expect(run.status).toBe(0);
    expect(run.calls).toBe(4);
  });

  it('returns 1 at once when the Job failed, with its reason', () => {
    const run = waitFor(['', 'FailureTarget\\tPodFailurePolicy\\tx\\nFailed\\tPodFailurePolicy\\tContainer shard for pod default/crm-sim-shards-3 failed with exit code 3\\n']);
    expect(run.status).toBe(1);
    expect(run.calls).toBe(2);
    expect(run.stderr).toContain('exit code 3');
  });

  it('returns 124 when the Job still runs at the timeout', () => {
    const run = waitFor([''], '0');
    expect(run.status).toBe(124);
  });
});
