import type { Profiler } from 'node:inspector';
import { expect } from 'vitest';

/**
 * Checks what Chrome DevTools needs of a .cpuprofile: nodes (root first, unique ids, every child
 * and every sample naming a node), startTime ≤ endTime, and one time delta per sample that keeps
 * every sample within [startTime, endTime].
 */
export function expectValidCpuProfile(profile: Profiler.Profile): void {
  expect(Object.keys(profile).sort()).toEqual(['endTime', 'nodes', 'samples', 'startTime', 'timeDeltas']);
  expect(profile.nodes.length).toBeGreaterThan(1);
  expect(profile.nodes[0].callFrame.functionName).toBe('(root)');
  const ids = new Set(profile.nodes.map((node) => node.id));
  expect(ids.size).toBe(profile.nodes.length);
  for (const node of profile.nodes) {
    expect(node.callFrame).toMatchObject({ functionName: expect.any(String), scriptId: expect.any(String), url: expect.any(String) });
    for (const child of node.children ?? []) expect(ids.has(child)).toBe(true);
  }
  const children = profile.nodes.flatMap((node) => node.children ?? []);
  expect(new Set(children).size).toBe(children.length); // a tree: one parent each
  expect(children).not.toContain(profile.nodes[0].id);
  const samples = profile.samples ?? [];
  expect(samples.length).toBeGreaterThan(0);
  expect(profile.timeDeltas).toHaveLength(samples.length);
  for (const id of samples) expect(ids.has(id)).toBe(true);
  expect(profile.endTime).toBeGreaterThanOrEqual(profile.startTime);
  let time = profile.startTime;
  for (const delta of profile.timeDeltas ?? []) time += delta;
  expect(time).toBeLessThanOrEqual(profile.endTime);
}

/** Names of the functions on the stack of at least one sample. */
export function sampledFunctions(profile: Profiler.Profile): Set<string> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const names = new Set<string>();
  for (const sample of new Set(profile.samples)) {
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) names.add(byId.get(id)?.callFrame.functionName ?? '');
  }
  return names;
}
