import { computeShardRange } from '../montecarlo/computeShardRange.ts';
import { describeScenarioDifference } from './describeScenarioDifference.ts';
import { ShardError, type ShardFolder } from './readShardFolder.ts';

/** Manifest fields every shard of one run shares. */
const SAME_RUN_FIELDS = [
  ['scenario sha256', (shard: ShardFolder) => shard.manifest.scenario.sha256],
  ['seed', (shard: ShardFolder) => shard.manifest.masterSeed],
  ['replicate count', (shard: ShardFolder) => shard.manifest.replicates],
  // The sources' fingerprint decides where recorded: uncommitted changes share a commit, and the commit
  // is read when a process starts (a docs-only commit between two workers changes nothing that runs).
  ['code', (shard: ShardFolder) => `${shard.manifest.version} (${typeof shard.manifest.sourceSha256 === 'string' ? `sources ${shard.manifest.sourceSha256}` : `commit ${shard.manifest.gitCommit ?? 'unknown'}`})`],
  ['result layout', (shard: ShardFolder) => JSON.stringify(shard.layout)],
] as const;

/**
 * Checks that shard folders belong to one run (same scenario sha256, seed, replicate count,
 * code version and result layout) and that their replicate ranges cover 0…N−1 exactly once.
 *
 * @param shards - Shard folders as read, in any order.
 * @returns The shards sorted by first replicate.
 * @throws ShardError listing every problem: the differing field and folders, missing ranges
 *   ("replicates 250–499 are missing"), and ranges held by more than one folder.
 * @example
 * const ordered = checkShardSet(await Promise.all(dirs.map(readShardFolder)));
 */
export function checkShardSet(shards: readonly ShardFolder[]): ShardFolder[] {
  if (shards.length === 0) throw new ShardError('no shard folders given');
  const problems: string[] = [];
  const [first] = shards;
  for (const [name, read] of SAME_RUN_FIELDS) {
    for (const shard of shards.slice(1)) {
      if (read(shard) === read(first)) continue;
      // Another scenario: say which keys differ (the hashes alone left the user to guess), and not the layout that follows from it.
      const scenarioDiffers = shard.manifest.scenario.sha256 !== first.manifest.scenario.sha256;
      if (name === 'result layout' && scenarioDiffers) continue;
      const keys = name === 'scenario sha256' ? describeScenarioDifference({ label: shard.dir, yaml: shard.resolvedYaml }, { label: first.dir, yaml: first.resolvedYaml }) : '';
      problems.push(keys !== ''
        ? `${shard.dir} belongs to another run: its scenario differs at ${keys}`
        : `${shard.dir} belongs to another run: its ${name} is ${clip(read(shard))}, ${first.dir} has ${clip(read(first))}`);
    }
  }
  if (problems.length > 0) throw new ShardError(problems.join('\n'));
  const ordered = [...shards].sort((a, b) => a.segment.firstReplicate - b.segment.firstReplicate || a.dir.localeCompare(b.dir));
  problems.push(...findRangeProblems(ordered, first.manifest.replicates));
  if (problems.length > 0) throw new ShardError(problems.join('\n'));
  return ordered;
}

/** Gaps and overlaps of sorted shard ranges over 0…replicates−1. */
function findRangeProblems(ordered: readonly ShardFolder[], replicates: number): string[] {
  const problems: string[] = [];
  let covered = 0;
  let holder: ShardFolder | undefined;
  for (const shard of ordered) {
    const start = shard.segment.firstReplicate;
    const end = start + shard.segment.replicateCount;
    if (shard.segment.replicateCount === 0) continue;
    if (start > covered) problems.push(describeGap(ordered, covered, start));
    if (start < covered && holder !== undefined) {
      problems.push(`${formatRange(start, Math.min(end, covered))} in more than one shard folder: ${holder.dir} and ${shard.dir}`);
    }
    if (end > covered) {
      covered = end;
      holder = shard;
    }
  }
  if (covered < replicates) problems.push(describeGap(ordered, covered, replicates));
  return problems;
}

/** "replicates 250–499 are missing", naming the shards k/K that hold them when all shards share K. */
function describeGap(shards: readonly ShardFolder[], start: number, end: number): string {
  const counts = new Set(shards.map((shard) => shard.manifest.shard.count));
  let names = '';
  if (counts.size === 1) {
    const [count] = counts;
    const replicates = shards[0].manifest.replicates;
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => {
      const range = computeShardRange(replicates, { index, count });
      return range.replicateCount > 0 && range.firstReplicate < end && range.firstReplicate + range.replicateCount > start;
    });
    names = `, shard ${missing.map((index) => `${index}/${count}`).join(', ')}`;
  }
  return `${formatRange(start, end)} missing (no shard folder holds them${names})`;
}

/** "replicates a–b are" for the inclusive range [start, end − 1], or "replicate a is". */
function formatRange(start: number, end: number): string {
  return end - start === 1 ? `replicate ${start} is` : `replicates ${start}–${end - 1} are`;
}

/** Shortens long values (layouts) in messages. */
function clip(value: unknown): string {
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
