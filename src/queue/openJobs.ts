import type { Queue, Worker } from 'bullmq';

/**
 * Jobs a worker left to others: job id → the job's creation time, so that a job queued again
 * under the same id (a resubmitted run) is a new one.
 */
export type YieldedJobs = Map<string, number>;

/**
 * Jobs still to do or being done, but those this worker left to other workers: a job it refused
 * during its first back-off stays open for it (it may have to end the job later), as does one
 * of a refused run that it has not pulled yet (it must refuse it too before the job can end), one
 * it refused transiently (it may serve it later), and a job queued again under the id of one it
 * left (a resubmitted run: a new job, whose entry is dropped).
 */
export async function openJobs(queue: Queue, yielded: YieldedJobs): Promise<number> {
  const types = ['wait', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;
  const counts = await queue.getJobCounts(...types);
  const open = Object.values(counts).reduce((a, b) => a + b, 0);
  if (open === 0 || yielded.size === 0) return open;
  let notLeft = 0;
  for (const id of await queue.getRanges([...types], 0, -1)) {
    if (yielded.has(id) && (await queue.getJob(id))?.timestamp === yielded.get(id)) continue;
    yielded.delete(id);
    notLeft++;
  }
  return notLeft;
}

/** Closes `worker` once the queue has had no job for it for two checks in a row (one second apart). */
export function watchIdle(queue: Queue, worker: Worker, yielded: YieldedJobs, signal: AbortSignal): { stop: () => void } {
  let quietChecks = 0;
  const timer = setInterval(() => {
    if (signal.aborted) return;
    openJobs(queue, yielded).then((open) => {
      quietChecks = open === 0 ? quietChecks + 1 : 0;
      if (quietChecks >= 2) void worker.close();
    }, () => { quietChecks = 0; });
  }, 1000);
  return { stop: () => clearInterval(timer) };
}
