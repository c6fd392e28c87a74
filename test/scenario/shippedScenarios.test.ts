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
});
