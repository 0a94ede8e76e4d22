import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // MariaDB-backed and process-spawning tests need more than the 5 s default on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests print nothing unless asked: the logger is silenced in test/support/setup.ts.
    setupFiles: ['test/support/setup.ts'],
  },
});
