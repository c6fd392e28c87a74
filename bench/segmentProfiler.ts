import { Session, type Profiler } from 'node:inspector';
import { mergeCpuProfiles } from './mergeCpuProfiles.ts';

/** Runs a piece of work, under a profiler or not, and returns what it returns. */
export type Around = <T>(run: () => T) => T;

/** Runs the work as it is (nothing profiled). */
export const unprofiled: Around = (run) => run();

/**
 * Sampling interval asked of V8, in µs: 0.1 ms (V8 takes about 0.18 ms on an idle machine; its
 * default is 1 ms), five times the detail on short runs.
 */
export const SAMPLING_INTERVAL_US = 100;

/** CPU profiles of chosen pieces of work only, by part (e.g. the timed runs, world creation). */
export interface SegmentProfiler {
  /** Profiles each call's work, and nothing between calls, into `part`'s profile. */
  around(part: string): Around;
  /** Pieces of work profiled into `part` so far. */
  segments(part: string): number;
  /** `part`'s pieces merged into one profile (DevTools opens it), or undefined when none ran. */
  profileOf(part: string): Profiler.Profile | undefined;
  /** Disconnects from the inspector. */
  close(): void;
}

/**
 * Connects to this process's inspector (no port is opened) and returns a profiler that starts V8's
 * sampling profiler right before each piece of work and stops it right after. The inspector
 * answers an in-process session synchronously, so the work stays synchronous and the profiler's
 * start and stop stay outside whatever the work times.
 * @param intervalUs - Sampling interval asked of V8 (µs).
 */
export function openSegmentProfiler(intervalUs = SAMPLING_INTERVAL_US): SegmentProfiler {
  const session = new Session();
  session.connect();
  post(session, 'Profiler.enable');
  post(session, 'Profiler.setSamplingInterval', { interval: intervalUs }); // kept by every start that follows
  const parts = new Map<string, Profiler.Profile[]>();
  let running = false;
  return {
    around: (part) => (run) => {
      if (running) throw new Error(`segmentProfiler: "${part}" started inside another profiled piece of work`);
      running = true;
      post(session, 'Profiler.start');
      try {
        return run();
      } finally {
        const { profile } = post<Profiler.StopReturnType>(session, 'Profiler.stop');
        running = false;
        parts.set(part, [...(parts.get(part) ?? []), profile]);
      }
    },
    segments: (part) => parts.get(part)?.length ?? 0,
    profileOf: (part) => (parts.has(part) ? mergeCpuProfiles(parts.get(part) as Profiler.Profile[]) : undefined),
    close: () => session.disconnect(),
  };
}

type Post = (method: string, params: object | undefined, callback: (error: Error | null, result: unknown) => void) => void;

/** One inspector command, answered before it returns (an in-process session answers at once). */
function post<T = unknown>(session: Session, method: string, params?: object): T {
  let answer: { error: Error | null; result: unknown } | undefined;
  (session.post as Post).call(session, method, params, (error, result) => {
    answer = { error, result };
  });
  if (answer === undefined) throw new Error(`segmentProfiler: the inspector did not answer ${method} at once`);
  if (answer.error) throw answer.error;
  return answer.result as T;
}
