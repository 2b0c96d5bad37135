// Two test projects: `node` (fast, no browser, never loads the Phaser or DOM layers) and `e2e` (real Chromium).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Reporters are global in vitest, not per project: each npm script names its own JSON file
    // (--outputFile.json=test-results/<project>.json); this default serves a bare `vitest run`.
    reporters: ['default', 'json'],
    // Vitest's default is one worker fewer than the cores: one on this 2-core machine, with a core idle while a
    // test waits on a child process or a browser. Two: the whole run fits CI's 15 minutes.
    maxWorkers: 2,
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // Behaviour, not speed: on a shared 2-core machine a CLI run can take far longer than vitest's 5 s.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/game/**', 'test/ui/**', '**/node_modules/**'],
        },
      },
      {
        // Pure helpers of the browser layers (layout maths, formatting): kept out of the node project.
        extends: true,
        test: {
          name: 'ui',
          environment: 'node',
          testTimeout: 60_000,
          include: ['test/game/**/*.test.ts', 'test/ui/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Two files at once, each with its own browser, server and free port (the tests pass on a busy machine).
        },
      },
    ],
  },
});
