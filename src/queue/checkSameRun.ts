import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeScenarioDifference } from '../outputs/describeScenarioDifference.ts';
import { QueueError } from './loadQueueModules.ts';
import { type QueuedRun, runFolder, SCENARIO_FILE } from './runStore.ts';
import { countOf, nounOf } from '../text/countOf.ts';

/** A SHA-256 shortened for a message (its first 12 hex digits are plenty to tell two apart). */
function short(hash: string | null | undefined): string {
  return typeof hash === 'string' ? `${hash.slice(0, 12)}…` : 'unknown';
}

/**
 * How the stored run differs from the one being submitted, in words (the run.json keys and bare
 * hashes said "its shards is 2" and "its sha256 is 3f…"): one phrase per difference.
 */
async function describeDifferences(store: string, existing: QueuedRun, run: QueuedRun, resolvedYaml: string): Promise<string[]> {
  const found: string[] = [];
  if (existing.sha256 !== run.sha256) {
    const storedYaml = await readFile(join(runFolder(store, run.runId), SCENARIO_FILE), 'utf8').catch(() => '');
    const keys = describeScenarioDifference({ label: 'the stored run', yaml: storedYaml }, { label: 'this one', yaml: resolvedYaml });
    found.push(keys !== '' ? `its scenario differs at ${keys}`
      : `its resolved scenario differs (SHA-256 of ${SCENARIO_FILE}: ${short(existing.sha256)} stored, ${short(run.sha256)} now)`);
  }
  if (existing.masterSeed !== run.masterSeed) found.push(`its seed is ${existing.masterSeed}, this one ${run.masterSeed}`);
  if (existing.replicates !== run.replicates) found.push(`it has ${existing.replicates} ${nounOf(existing.replicates, 'replicate')}, this one ${run.replicates}`);
  // Same replicates in other jobs: other shard folders, which would not merge with those done.
  else if (existing.shards !== run.shards) found.push(`it is split into ${countOf(existing.shards, 'job')}, this one into ${run.shards} (--replicates-per-job)`);
  // Absent in runs stored before the fingerprint was recorded.
  if (existing.sourceSha256 !== undefined && existing.sourceSha256 !== run.sourceSha256) {
    found.push(`it was submitted from other code (SHA-256 of the sources: ${short(existing.sourceSha256)} stored, ${short(run.sourceSha256)} here)`);
  }
  return found;
}

/**
 * Refuses to reuse a run id for a different run: another scenario, seed, replicate count, job
 * split or code than the stored run's.
 * @param resolvedYaml - The submitted run's resolved scenario (to name the keys that differ).
 * @throws QueueError naming each difference.
 */
export async function checkSameRun(store: string, existing: QueuedRun, run: QueuedRun, resolvedYaml: string): Promise<void> {
  const found = await describeDifferences(store, existing, run, resolvedYaml);
  if (found.length > 0) throw new QueueError(`run id ${run.runId} already holds another run (${found.join('; ')}); choose another --run-id`);
}
