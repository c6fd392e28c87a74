import type { Profiler } from 'node:inspector';
import { median } from './median.ts';

type Profile = Profiler.Profile;
type ProfileNode = Profiler.ProfileNode;

/**
 * Merges CPU profiles taken one after another in the same process (Profiler.start/stop around each
 * timed run) into one that Chrome DevTools opens: the call trees are merged node by node (same
 * call frame under the same merged parent), hit counts and line ticks added, and the samples laid
 * end to end. Only each profile's span from its first to its last sample is kept (V8 stamps a
 * profile's start before it has logged the code already compiled, which takes milliseconds), and
 * the profiles are joined by one typical sampling interval, so neither that start-up nor what ran
 * between the profiles (world creation, say) shows up as time of some sample's function.
 * @param profiles - Profiles of one process (their script ids agree), in the order they were taken.
 * @returns One profile: nodes[0] is the root; samples and timeDeltas as long as all of theirs.
 */
export function mergeCpuProfiles(profiles: readonly Profile[]): Profile {
  const nodes: ProfileNode[] = [];
  const byKey = new Map<string, ProfileNode>();
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  const join = typicalInterval(profiles);
  const startTime = profiles[0]?.startTime ?? 0;
  for (const profile of profiles) {
    const mergedId = mergeTree(profile.nodes, nodes, byKey);
    (profile.samples ?? []).forEach((id, i) => {
      samples.push(mergedId.get(id) as number);
      timeDeltas.push(i === 0 ? join : (profile.timeDeltas?.[i] ?? 0));
    });
  }
  return { nodes, startTime, endTime: startTime + timeDeltas.reduce((sum, delta) => sum + delta, 0) + join, samples, timeDeltas };
}

/** Median time between two samples of a profile (µs; 0 without any): how far apart the profiles are laid. */
function typicalInterval(profiles: readonly Profile[]): number {
  const within = profiles.flatMap((profile) => (profile.timeDeltas ?? []).slice(1));
  return within.length === 0 ? 0 : median(within);
}

/** Adds one profile's tree to the merged nodes (root first, parents before children); returns its ids' merged ids. */
function mergeTree(source: readonly ProfileNode[], nodes: ProfileNode[], byKey: Map<string, ProfileNode>): Map<number, number> {
  const byId = new Map(source.map((node) => [node.id, node]));
  const isChild = new Set(source.flatMap((node) => node.children ?? []));
  const mergedId = new Map<number, number>();
  const pending: { node: ProfileNode; parent: ProfileNode | undefined }[] = source.filter((node) => !isChild.has(node.id)).map((node) => ({ node, parent: undefined }));
  for (let i = 0; i < pending.length; i++) {
    const { node, parent } = pending[i];
    const merged = mergedNode(node, parent, nodes, byKey);
    mergedId.set(node.id, merged.id);
    for (const child of node.children ?? []) pending.push({ node: byId.get(child) as ProfileNode, parent: merged });
  }
  return mergedId;
}

/** The merged node of `node` under the merged `parent` (created on first sight), with `node`'s counts added. */
function mergedNode(node: ProfileNode, parent: ProfileNode | undefined, nodes: ProfileNode[], byKey: Map<string, ProfileNode>): ProfileNode {
  const { functionName, scriptId, url, lineNumber, columnNumber } = node.callFrame;
  const key = [parent?.id ?? 0, functionName, scriptId, url, lineNumber, columnNumber].join('\u0000');
  let merged = byKey.get(key);
  if (merged === undefined) {
    merged = { id: nodes.length + 1, callFrame: { ...node.callFrame }, hitCount: 0, children: [] };
    if (node.deoptReason !== undefined) merged.deoptReason = node.deoptReason;
    nodes.push(merged);
    byKey.set(key, merged);
    parent?.children?.push(merged.id);
  }
  merged.hitCount = (merged.hitCount ?? 0) + (node.hitCount ?? 0);
  for (const { line, ticks } of node.positionTicks ?? []) {
    merged.positionTicks ??= [];
    const at = merged.positionTicks.find((p) => p.line === line);
    if (at) at.ticks += ticks;
    else merged.positionTicks.push({ line, ticks });
  }
  return merged;
}
