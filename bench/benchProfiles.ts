import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../src/runtime/moduleLocation.ts';
import type { SizeConfig } from './benchConfig.ts';
import type { BenchArgs } from './parseBenchArgs.ts';
import { openSegmentProfiler } from './segmentProfiler.ts';
import type { EngineProfile } from './timeEngine.ts';

/** The profiles `--cpu-prof` and `--cpu-prof-init` ask for: what to wrap, then where they go. */
export interface BenchProfiles {
  /** The parts of timeEngineSize to profile (none without a profile option). */
  readonly parts: EngineProfile;
  /** Writes each profile asked for, prints its path and what it covers, and closes the profiler. */
  write(sizes: readonly SizeConfig[]): void;
}

/** Part name → file name suffix, what one piece is and what the profile covers. */
const PARTS = {
  runs: { suffix: 'timed-runs', unit: 'runs', covers: 'the timed engine runs only (runTicks; world creation, warm-up, phase-timed runs and kernel left out)' },
  init: { suffix: 'world-creation', unit: 'worlds', covers: 'the timed world creations only (createWorld and the recorder; the runs left out)' },
} as const;

/**
 * Opens an in-process profiler when `--cpu-prof` or `--cpu-prof-init` was given. The timed runs and
 * the world creations go to separate files, bench-<time>-timed-runs.cpuprofile and
 * bench-<time>-world-creation.cpuprofile, in `--cpu-prof-dir` or bench/profiles/.
 * @param log - Where the paths are printed (stderr).
 */
export function openBenchProfiles(args: Pick<BenchArgs, 'cpuProf' | 'cpuProfInit' | 'cpuProfDir'>, log: (message: string) => void): BenchProfiles {
  if (!args.cpuProf && !args.cpuProfInit) return { parts: {}, write: () => undefined };
  const profiler = openSegmentProfiler();
  const asked = (['runs', 'init'] as const).filter((part) => (part === 'runs' ? args.cpuProf : args.cpuProfInit));
  const parts: EngineProfile = Object.fromEntries(asked.map((part) => [part, profiler.around(part)]));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return {
    parts,
    write: (sizes) => {
      profiler.close();
      const folder = args.cpuProfDir === undefined ? fileURLToPath(packageFile('bench/profiles/')) : resolve(args.cpuProfDir);
      mkdirSync(folder, { recursive: true });
      const runs = sizes.map((s) => `${s.name} ${s.replicates} × ${s.ticks} ticks`).join(', ');
      for (const part of asked) {
        const profile = profiler.profileOf(part);
        if (profile === undefined) continue;
        const file = join(folder, `bench-${stamp}-${PARTS[part].suffix}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        log(`CPU profile of ${PARTS[part].covers}, ${profiler.segments(part)} ${PARTS[part].unit} (${runs}): ${file}`);
      }
    },
  };
}
