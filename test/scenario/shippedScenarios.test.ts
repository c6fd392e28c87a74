import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { authoringScenarioSchema } from '../../src/scenario/scenarioSchema.ts';

const DIR = 'scenarios';
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('shipped scenarios', () => {
  it('are there to check (an empty or moved folder fails, not passes)', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files)('%s loads and matches the authoring schema', (file) => {
    const path = join(DIR, file);
    expect(() => loadScenario(path)).not.toThrow();
    expect(authoringScenarioSchema.safeParse(parse(readFileSync(path, 'utf8'))).success).toBe(true);
  });

  it.each(files)('%s has its own title and description (neither is inherited through extends)', (file) => {
    const own = parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;
    expect(typeof own.title === 'string' && own.title.trim() !== '').toBe(true);
    expect(typeof own.description === 'string' && own.description.trim() !== '').toBe(true);
    // The baseline has no scripted disruption, but China's standing rules do act in it.
    if (file === 'baseline.yaml') expect(own.description).not.toMatch(/, no disruption\./);
  });
});
