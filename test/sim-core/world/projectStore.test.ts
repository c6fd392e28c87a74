import { describe, expect, it } from 'vitest';
import { addProject, createProjectStore, PHASE_PERMITTING, removeProject } from '../../../sim-core/world/projectStore.ts';

describe('project store', () => {
  it('takes every project it is given, growing past its first allocation (no pipeline limit)', () => {
    const projects = createProjectStore();
    const first = projects.slots;
    const count = first * 40 + 3;
    const slots = Array.from({ length: count }, (_, i) => addProject(projects, i % 7, i % 4, i % 4, 1 + i, PHASE_PERMITTING, 10, -1));
    expect(new Set(slots).size).toBe(count);
    expect(Math.min(...slots)).toBe(0);
    expect(projects.activeCount).toBe(count);
    expect(projects.slots).toBeGreaterThanOrEqual(count);
    // Every project kept its values through the store's growth.
    expect(slots.every((slot, i) => projects.capacityTonnesPerTick[slot] === 1 + i && projects.material[slot] === i % 7)).toBe(true);
  });
  it('reuses the lowest free slot first', () => {
    const projects = createProjectStore();
    for (let i = 0; i < 10; i++) addProject(projects, 0, 0, 0, 1, PHASE_PERMITTING, 10, -1);
    removeProject(projects, 7);
    removeProject(projects, 3);
    expect(addProject(projects, 0, 0, 0, 1, PHASE_PERMITTING, 10, -1)).toBe(3);
    expect(addProject(projects, 0, 0, 0, 1, PHASE_PERMITTING, 10, -1)).toBe(7);
    expect(addProject(projects, 0, 0, 0, 1, PHASE_PERMITTING, 10, -1)).toBe(10);
  });
});
