import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every test process writes its temporary files in one folder per run, removed at the end.
    globalSetup: ['test/setup/isolateTmp.ts'],
  },
});
